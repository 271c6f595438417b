/**
 * npm run bench — issue 24's performance targets, each measured side by side in one run: the
 * action (`node dist/index.js` spawned as a runner spawns it, under Node 24) against curl or a
 * bare node:http client doing the same uploads on the same emulator.
 *
 *   npm run bench                  every target, medians of 5 runs (10,000 and 100,000 files: 3 runs)
 *   npm run bench -- --check       the same, exit 1 if a target is missed
 *   npm run bench -- --smoke       16 MiB, 100 files, a 2,000-file row, 1 run: seconds, nothing enforced
 *   npm run bench -- --no-scale    without the 10,000- and 100,000-file rows (they take minutes)
 *   options: --runs N --scale-runs N --scale N,N… --large-mib N --small-files N --latency-ms MS
 *            --throttle-kibps N --bundle PATH --out FILE
 *
 * Transfer times are the wire time as the emulator sees it (first request in → last answer
 * out); process start-up is a target of its own. CPU and peak memory are the action's process
 * as GNU time reports them (/usr/bin/time -v).
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { startEmulator, type Emulator } from '../emulator/server.js'
import { BUNDLE, NODE24, REPO_ROOT, parseOutputFile, runAction } from '../harness/run-action.js'
import { removeDir, sha256OfFile, writeRandomFile } from '../harness/workspace.js'
import { curlForm, curlPut, curlThreeWaves, presign } from './curl.js'
import {
  MiB,
  printScale,
  printTargets,
  scaleRows,
  targetRows,
  type ActionSample,
  type BenchConfig,
  type AgainstCurl,
  type LatencySample,
  type Results,
  type ScaleResult,
  type SmallSample,
  type Timing
} from './report.js'
import { TIME_V, parseTimeV, span } from './stats.js'
import { SMALL_FILE_FOOTPRINT, makeScratch, writeSmallFiles, type SmallFile } from './tree.js'

const execFileAsync = promisify(execFile)

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'large-mib': { type: 'string' },
    'small-files': { type: 'string' },
    'latency-ms': { type: 'string' },
    'throttle-kibps': { type: 'string' },
    scale: { type: 'string' },
    'no-scale': { type: 'boolean', default: false },
    'scale-runs': { type: 'string' },
    bundle: { type: 'string' },
    out: { type: 'string' }
  }
})
const config: BenchConfig = {
  runs: count('runs', args.runs ?? (args.smoke ? '1' : '5')),
  largeBytes: count('large-mib', args['large-mib'] ?? (args.smoke ? '16' : '512')) * MiB,
  smallFiles: count('small-files', args['small-files'] ?? (args.smoke ? '100' : '1000')),
  concurrency: 8,
  latencyMs: count('latency-ms', args['latency-ms'] ?? '20'),
  throttleKiBps: count('throttle-kibps', args['throttle-kibps'] ?? '102400'),
  scale: args['no-scale']
    ? []
    : (args.scale ?? (args.smoke ? '2000' : '10000,100000')).split(',').map(n => count('scale', n.trim())),
  scaleRuns: count('scale-runs', args['scale-runs'] ?? (args.smoke ? '1' : '3')),
  bundle: path.resolve(args.bundle ?? BUNDLE)
}

/** Where this run keeps its workspace, the emulators' data and the runner files. */
let scratch = ''

async function main(): Promise<number> {
  const largestTree = config.smallFiles + 1 + Math.max(0, ...config.scale)
  // The large file, and a copy of it in each of the three emulators.
  scratch = await makeScratch(4 * config.largeBytes + largestTree * SMALL_FILE_FOOTPRINT)
  const emulator = await startEmulator({ dataDir: path.join(scratch, 'emulator') })
  // A cloud API's round trip before every request; a runner's wire for the bodies.
  const slow = await startEmulator({ dataDir: path.join(scratch, 'emulator-latency'), latencyMs: config.latencyMs })
  const throttled = await startEmulator({
    dataDir: path.join(scratch, 'emulator-throttled'),
    throttleBytesPerSecond: config.throttleKiBps * 1024
  })
  const ws = path.join(scratch, 'workspace')
  try {
    console.log(`Bundle: ${config.bundle}\nScratch: ${scratch}`)
    console.log(`Preparing: one ${config.largeBytes / MiB} MiB file, ${config.smallFiles} files of 1–8 KiB…`)
    const largePath = path.join(ws, 'large/big.bin')
    await writeRandomFile(largePath, config.largeBytes)
    const large = { path: largePath, sha256: await sha256OfFile(largePath) }
    const smallFiles = await writeSmallFiles(path.join(ws, 'small'), config.smallFiles)
    await writeSmallFiles(path.join(ws, 'one'), 1)

    const results: Results = {
      throttled: { bulk: [], single: [] },
      loopback: { bulk: [], single: [] },
      small: [],
      latency: [],
      scale: []
    }
    // One unmeasured round first: the first transfers of a process (JIT, allocators, TCP) run slow.
    console.log('Warm-up round (not measured)')
    await measureLarge(emulator, ws, large, 'bulk', 0)
    await measureLarge(emulator, ws, large, 'single', 0)
    await measureSmall(emulator, ws, smallFiles)
    for (let run = 1; run <= config.runs; run++) {
      console.log(`Run ${run} of ${config.runs}`)
      results.throttled.bulk.push(await measureLarge(throttled, ws, large, 'bulk', run))
      results.throttled.single.push(await measureLarge(throttled, ws, large, 'single', run))
      results.latency.push(await measureLatency(slow, ws, smallFiles, run))
      results.small.push(await measureSmall(emulator, ws, smallFiles))
      results.loopback.bulk.push(await measureLarge(emulator, ws, large, 'bulk', run))
      results.loopback.single.push(await measureLarge(emulator, ws, large, 'single', run))
    }
    for (const files of config.scale) results.scale.push(await measureScale(emulator, ws, files))
    return await report(results)
  } finally {
    await Promise.all([emulator.close(), slow.close(), throttled.close()])
    await removeDir(scratch)
  }
}

// ── the action, run as a runner runs it, under GNU time ────────────────────────

/**
 * The action uploading every file below `dir` in bulk mode. It writes `$GITHUB_OUTPUT` and the
 * summary to files of the benchmark's own, so their sizes in bytes are what is reported.
 */
async function measureAction(
  emulator: Emulator,
  ws: string,
  dir: string,
  files: number,
  sync: { manifest?: string; unchanged?: boolean } = {}
): Promise<ActionSample> {
  await emulator.reset()
  const runner = await mkdtemp(path.join(scratch, 'runner-'))
  try {
    const outputFile = path.join(runner, 'github_output')
    const summaryFile = path.join(runner, 'step_summary')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    const run = await runAction({
      workspace: ws,
      bundle: config.bundle,
      inputs: actionInputs(emulator, {
        path: dir,
        mode: 'bulk',
        ...(sync.manifest ? { manifest: sync.manifest } : {})
      }),
      env: { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
      wrapper: TIME_V
    })
    const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
    const confirmed = sync.unchanged ? 0 : files
    const skipped = sync.unchanged ? files : 0
    if (
      run.exitCode !== 0 ||
      outputs.count !== String(files) ||
      outputs['skipped-count'] !== String(skipped) ||
      emulator.store.assets.length !== confirmed
    ) {
      throw new Error(
        `the action failed on ${files} files (exit ${run.exitCode}, count ${outputs.count}, skipped ` +
          `${outputs['skipped-count']}, ${emulator.store.assets.length} confirmed):\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`
      )
    }
    const usage = parseTimeV(run.stderr)
    const timeline = emulator.timeline()
    // A run that finds every file unchanged sends no request at all.
    const sent = timeline.length > 0
    return {
      wireMs: sent ? span(timeline) : 0,
      wallMs: run.durationMs,
      cpuMs: usage.cpuMs,
      rssMiB: usage.rssMiB,
      outputBytes: (await stat(outputFile)).size,
      summaryBytes: (await stat(summaryFile)).size,
      logLines: countLines(run.stdout),
      startupMs: sent ? timeline[0].start - run.spawnedAt : 0
    }
  } finally {
    await rm(runner, { recursive: true, force: true })
  }
}

/**
 * One large file, the action and curl on the same emulator, in turns: which goes first
 * alternates from run to run, so that a drift in the machine's speed does not favour one.
 * curl's presigned URL is asked for beforehand and not timed.
 */
async function measureLarge(
  emulator: Emulator,
  ws: string,
  large: { path: string; sha256: string },
  mode: 'bulk' | 'single',
  run: number
): Promise<AgainstCurl> {
  const action = async (): Promise<Timing> => {
    await emulator.reset()
    const started = Date.now()
    const result = await runAction({
      workspace: ws,
      bundle: config.bundle,
      inputs: actionInputs(emulator, { path: 'large', mode })
    })
    const wallMs = Date.now() - started
    if (result.exitCode !== 0 || result.outputs.count !== '1') {
      throw new Error(`the action failed (exit ${result.exitCode}):\n${result.stdout}\n${result.stderr}`)
    }
    expectHeld(emulator, large.sha256, `the action, ${mode}`, 1)
    return { wireMs: span(emulator.timeline()), wallMs }
  }
  const curl = async (): Promise<Timing> => {
    await emulator.reset()
    const entry =
      mode === 'bulk'
        ? await presign(emulator, { name: 'big.bin', type: 'application/octet-stream', size: config.largeBytes })
        : undefined
    const untimed = emulator.timeline().length
    const started = Date.now()
    if (entry) await curlPut(entry, large.path)
    else await curlForm(emulator, large.path)
    const wallMs = Date.now() - started
    // curl -T only PUTs (the action confirms too); curl -F makes the asset, as single mode does.
    expectHeld(emulator, large.sha256, `curl, ${mode}`, mode === 'single' ? 1 : 0)
    return { wireMs: span(emulator.timeline().slice(untimed)), wallMs }
  }
  if (run % 2 === 0) {
    const curlTiming = await curl()
    return { action: await action(), curl: curlTiming }
  }
  const actionTiming = await action()
  return { action: actionTiming, curl: await curl() }
}

/** The 1000 small files on loopback: the action, its one-file fixed cost, and the bare client. */
async function measureSmall(emulator: Emulator, ws: string, files: SmallFile[]): Promise<SmallSample> {
  const oneFile = await measureAction(emulator, ws, 'one', 1)
  const action = await measureAction(emulator, ws, 'small', files.length)
  await emulator.reset()
  const started = Date.now()
  const [time, ...timeArgs] = TIME_V
  const { stderr } = await execFileAsync(time, [
    ...timeArgs,
    NODE24,
    path.join(REPO_ROOT, 'bench', 'node-baseline.mjs'),
    emulator.url,
    emulator.apiKey,
    path.join(ws, 'small'),
    String(config.concurrency)
  ])
  const bareNode = { wireMs: span(emulator.timeline()), wallMs: Date.now() - started, ...parseTimeV(stderr) }
  if (emulator.store.assets.length !== files.length) throw new Error('bare Node: not every small file was confirmed')
  return { action, oneFile, bareNode }
}

/** The small files with a round trip on every request, against curl's three waves; turns alternate. */
async function measureLatency(emulator: Emulator, ws: string, files: SmallFile[], run: number): Promise<LatencySample> {
  const waves = async (): Promise<Timing> => {
    await emulator.reset()
    const started = Date.now()
    await curlThreeWaves(emulator, files, config.concurrency, path.join(scratch, 'curl-waves'))
    const timing = { wireMs: span(emulator.timeline()), wallMs: Date.now() - started }
    if (emulator.store.assets.length !== files.length) throw new Error('curl waves: not every file was confirmed')
    return timing
  }
  if (run % 2 === 0) {
    const curlWaves = await waves()
    return { action: await measureAction(emulator, ws, 'small', files.length), curlWaves }
  }
  const action = await measureAction(emulator, ws, 'small', files.length)
  return { action, curlWaves: await waves() }
}

/**
 * The action on a tree of `files` small files in folders of 1,000, `config.scaleRuns` times;
 * then as a docs sync does: a run that writes a manifest, and the next, which finds every file
 * unchanged. A run that fails is reported as such, not thrown: a crash at 100,000 files is a finding.
 */
async function measureScale(emulator: Emulator, ws: string, files: number): Promise<ScaleResult> {
  const dir = `scale-${files}`
  const label = files.toLocaleString('en')
  const started = Date.now()
  await writeSmallFiles(path.join(ws, dir), files, 1000)
  const treeSeconds = (Date.now() - started) / 1000
  console.log(`Scale: wrote ${label} files in ${treeSeconds.toFixed(1)} s`)
  const result: ScaleResult = { files, treeSeconds, samples: [], sync: { first: [], unchanged: [] } }
  const show = (what: string, run: number, sample: ActionSample): void =>
    console.log(
      `Scale: ${label} files, ${what}, run ${run} of ${config.scaleRuns}: ${(sample.wallMs / 1000).toFixed(1)} s, ` +
        `${((sample.cpuMs * 1000) / files).toFixed(0)} µs CPU/file, ${sample.rssMiB.toFixed(0)} MiB peak`
    )
  const manifest = `manifest-${files}.json`
  try {
    for (let run = 1; run <= config.scaleRuns; run++) {
      result.samples.push(await measureAction(emulator, ws, dir, files))
      show('upload', run, result.samples.at(-1)!)
    }
    for (let run = 1; run <= config.scaleRuns; run++) {
      await rm(path.join(ws, manifest), { force: true })
      result.sync.first.push(await measureAction(emulator, ws, dir, files, { manifest }))
      show('manifest, first run', run, result.sync.first.at(-1)!)
      result.sync.unchanged.push(await measureAction(emulator, ws, dir, files, { manifest, unchanged: true }))
      show('manifest, all unchanged', run, result.sync.unchanged.at(-1)!)
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error)
    console.log(`Scale: ${label} files: ${result.error.slice(0, 2000)}`)
  } finally {
    await emulator.reset()
    await removeDir(path.join(ws, dir))
    await rm(path.join(ws, manifest), { force: true })
  }
  return result
}

// ── reporting ────────────────────────────────────────────────────────────────

async function report(results: Results): Promise<number> {
  const rows = targetRows(results, config)
  const scale = scaleRows(results, config)
  printTargets(rows)
  console.log(
    `\nmeasured: the median of ${config.runs} runs (scale rows: ${config.scaleRuns}), or the largest where ` +
      'so stated; min–max: the lowest and highest per-run figure. Times are the wire time the emulator saw; ' +
      'CPU is user + system of the process (GNU time, 10 ms resolution).'
  )
  printScale(scale)
  console.log(
    '\nBulk mode, concurrency 8, files of 1–8 KiB, loopback. Median (min–max) over the runs; bytes and log ' +
      'lines: the largest run. "beyond fixed": (CPU − CPU of the one-file run) / (files − 1).'
  )
  if (config.scale.every(n => n < 100_000)) {
    console.log('The 100,000-file targets were not measured (add --scale 100000).')
  }
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${process.platform} ${os.release()}, Node ${process.version}`
  console.log(
    `\nMachine: ${machine}, load average ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`
  )
  console.log(`Bundle: ${config.bundle}`)
  const out = args.out ?? path.join(REPO_ROOT, 'bench', 'results', `${args.smoke ? 'smoke' : 'latest'}.json`)
  await mkdir(path.dirname(out), { recursive: true })
  await writeFile(
    out,
    JSON.stringify({ date: new Date().toISOString(), machine, config, rows, scale, samples: results }, null, 2)
  )
  console.log(`JSON: ${path.relative(process.cwd(), out)}`)
  const missed = rows.filter(row => row.ok === false)
  if (missed.length > 0) {
    const enforced = args.smoke ? ' (not enforced with --smoke)' : ''
    console.log(`\nTargets missed${enforced}: ${missed.map(row => row.target).join('; ')}`)
  }
  if (args.smoke) return 0
  return args.check && missed.length > 0 ? 1 : 0
}

// ── helpers ──────────────────────────────────────────────────────────────────

function count(option: string, text: string): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${option} must be a whole number ≥ 1: ${text}`)
  return value
}

function actionInputs(emulator: Emulator, overrides: Record<string, string>): Record<string, string> {
  return {
    'api-key': emulator.apiKey,
    'base-url': emulator.url,
    concurrency: String(config.concurrency),
    'if-no-files-found': 'error',
    retries: '0',
    'fail-fast': 'false',
    ...overrides
  }
}

/** Nothing is taken on trust: the emulator must hold the large file's own bytes (and `assets` assets). */
function expectHeld(emulator: Emulator, sha256: string, who: string, assets: number): void {
  const [key] = emulator.store.objects.keys()
  if (key === undefined || emulator.store.sha256Of(key) !== sha256 || emulator.store.assets.length !== assets) {
    throw new Error(`${who}: the emulator does not hold the bytes (and ${assets} asset)`)
  }
}

function countLines(text: string): number {
  let lines = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

process.exitCode = await main()
