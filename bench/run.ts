/**
 * npm run bench — the action against raw curl and a bare node:http client, same bytes, same
 * emulator, same run; and the action's cost per file as the number of files grows.
 *
 *   npm run bench                  all rows, medians of 5 runs (scale rows: 3 runs)
 *   npm run bench -- --smoke       16 MiB, 100 files, a 2,000-file scale row, 1 run: seconds,
 *                                  targets reported but not enforced
 *   npm run bench -- --check       exit 1 if a target is missed
 *   options: --runs N --large-mib N --small-files N --latency-ms MS (0: no latency row)
 *            --scale N,N… (default 10000,100000) --no-scale --scale-runs N --out FILE
 *
 * Transfer times are the wire time as the emulator sees it (first request in → last answer
 * out), so that process start-up, measured on its own, does not blur the comparison. CPU and
 * peak memory are the action's process as GNU time reports them (/usr/bin/time -v).
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { GENERATE_PRESIGNED_PATH, UPLOAD_FILE_PATH, startEmulator, type Emulator } from '../emulator/server.js'
import { NODE24, REPO_ROOT, parseOutputFile, runAction, type ActionRun } from '../harness/run-action.js'
import { removeDir, writeRandomFile } from '../harness/workspace.js'
import {
  MiB,
  printScale,
  printTargets,
  scaleRows,
  targetRows,
  type ActionSample,
  type BenchConfig,
  type LargeSample,
  type LatencySample,
  type Results,
  type ScaleResult,
  type SmallSample,
  type Timing
} from './report.js'
import { curlPutArgs } from './curl.js'
import { TIME_V, parseTimeV, span } from './stats.js'
import { SMALL_FILE_FOOTPRINT, makeScratch, writeSmallFiles, type SmallFile } from './tree.js'

const execFileAsync = promisify(execFile)
/** Files per generate call, as the action batches them. */
const GENERATE_BATCH = 50

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'large-mib': { type: 'string' },
    'small-files': { type: 'string' },
    'latency-ms': { type: 'string' },
    scale: { type: 'string' },
    'no-scale': { type: 'boolean', default: false },
    'scale-runs': { type: 'string' },
    out: { type: 'string' }
  }
})
const config: BenchConfig = {
  runs: count('runs', args.runs ?? (args.smoke ? '1' : '5')),
  largeBytes: count('large-mib', args['large-mib'] ?? (args.smoke ? '16' : '512')) * MiB,
  smallFiles: count('small-files', args['small-files'] ?? (args.smoke ? '100' : '1000')),
  concurrency: 8,
  latencyMs: count('latency-ms', args['latency-ms'] ?? '20', 0),
  scale: args['no-scale']
    ? []
    : (args.scale ?? (args.smoke ? '2000' : '10000,100000')).split(',').map(n => count('scale', n.trim())),
  scaleRuns: count('scale-runs', args['scale-runs'] ?? (args.smoke ? '1' : '3'))
}

/** Where this run keeps its workspace, the emulators' data and the runner files. */
let scratch = ''

async function main(): Promise<number> {
  const largestTree = config.smallFiles + 1 + Math.max(0, ...config.scale)
  scratch = await makeScratch(2 * config.largeBytes + largestTree * SMALL_FILE_FOOTPRINT)
  const emulator = await startEmulator({ dataDir: path.join(scratch, 'emulator') })
  // A second emulator that waits before every API and S3 request, as a cloud API's round trip does.
  const slow =
    config.latencyMs > 0
      ? await startEmulator({ dataDir: path.join(scratch, 'emulator-latency'), latencyMs: config.latencyMs })
      : undefined
  const ws = path.join(scratch, 'workspace')
  try {
    console.log(`Scratch: ${scratch}`)
    console.log(`Preparing: one ${config.largeBytes / MiB} MiB file, ${config.smallFiles} files of 1–8 KiB…`)
    const large = path.join(ws, 'large/big.bin')
    await writeRandomFile(large, config.largeBytes)
    const largeSha = await sha256File(large)
    const smallFiles = await writeSmallFiles(path.join(ws, 'small'), config.smallFiles)
    await writeSmallFiles(path.join(ws, 'one'), 1)

    const results: Results = { largeBulk: [], largeSingle: [], small: [], latency: [], scale: [] }
    // One unmeasured round first: the first transfers of a process (JIT, allocators, TCP) run slow.
    console.log('Warm-up round (not measured)')
    await measureLarge(emulator, ws, large, largeSha, 'bulk')
    await measureLarge(emulator, ws, large, largeSha, 'single')
    await measureSmall(emulator, ws, smallFiles)
    for (let run = 1; run <= config.runs; run++) {
      console.log(`Run ${run} of ${config.runs}`)
      results.largeBulk.push(await measureLarge(emulator, ws, large, largeSha, 'bulk'))
      results.largeSingle.push(await measureLarge(emulator, ws, large, largeSha, 'single'))
      results.small.push(await measureSmall(emulator, ws, smallFiles))
      if (slow) results.latency.push(await measureLatency(slow, ws, smallFiles))
    }
    for (const files of config.scale) results.scale.push(await measureScale(emulator, ws, files))
    return await report(results)
  } finally {
    await emulator.close()
    await slow?.close()
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

async function measureLarge(
  emulator: Emulator,
  ws: string,
  file: string,
  sha256: string,
  mode: 'bulk' | 'single'
): Promise<LargeSample> {
  await emulator.reset()
  const run = await runAction({ workspace: ws, inputs: actionInputs(emulator, { path: 'large', mode }) })
  expectSuccess(run, 1)
  const action = { wireMs: wireSpan(emulator), wallMs: run.durationMs }
  const held = emulator.state().assets[0]
  if (held?.sha256 !== sha256) throw new Error(`${mode}: the emulator does not hold the large file's bytes`)

  // Peak memory from a run of its own: /usr/bin/time is kept out of the timed runs.
  await emulator.reset()
  const measured = await runAction({
    workspace: ws,
    inputs: actionInputs(emulator, { path: 'large', mode }),
    wrapper: ['/usr/bin/time', '-v']
  })
  expectSuccess(measured, 1)
  const rssMiB = parseTimeV(measured.stderr).rssMiB

  await emulator.reset()
  let curlStarted = Date.now()
  let firstEntry = 0
  if (mode === 'bulk') {
    const [entry] = await generate(emulator, [
      { name: 'big.bin', type: 'application/octet-stream', size: config.largeBytes }
    ])
    firstEntry = emulator.timeline().length
    curlStarted = Date.now()
    await curl(curlPutArgs(file, entry.content_type, entry.presigned_url))
  } else {
    await curl([
      '-sS',
      '-f',
      '-o',
      '/dev/null',
      '-H',
      `x-api-key: ${emulator.apiKey}`,
      '-F',
      `file=@${file};type=application/octet-stream`,
      emulator.url + UPLOAD_FILE_PATH
    ])
  }
  const curlTiming = { wireMs: wireSpan(emulator, firstEntry), wallMs: Date.now() - curlStarted }
  if (emulator.state().objects[0]?.sha256 !== sha256)
    throw new Error(`curl ${mode}: the emulator does not hold the bytes`)
  const bareNode = mode === 'bulk' ? await measureBareNodePut(emulator, file, sha256) : undefined
  return { action, curl: curlTiming, bareNode, rssMiB }
}

/** A plain read stream piped into an http PUT, with no hashing: what Node itself reaches. */
async function measureBareNodePut(emulator: Emulator, file: string, sha256: string): Promise<Timing> {
  await emulator.reset()
  const [entry] = await generate(emulator, [
    { name: 'big.bin', type: 'application/octet-stream', size: config.largeBytes }
  ])
  const firstEntry = emulator.timeline().length
  const started = Date.now()
  await runNodeBaseline(['put', entry.presigned_url, file, entry.content_type])
  const timing = { wireMs: wireSpan(emulator, firstEntry), wallMs: Date.now() - started }
  if (emulator.state().objects[0]?.sha256 !== sha256) throw new Error('bare Node: the emulator does not hold the bytes')
  return timing
}
async function measureSmall(emulator: Emulator, ws: string, files: SmallFile[]): Promise<SmallSample> {
  const oneFile = await measureAction(emulator, ws, 'one', 1)
  const action = await measureAction(emulator, ws, 'small', files.length)
  const requests = { ...emulator.state().requests }

  // What Node itself allows: the same three steps with nothing but node:http, on the same Node.
  await emulator.reset()
  const bareStarted = Date.now()
  const usage = await runNodeBaseline([
    'bulk',
    emulator.url,
    emulator.apiKey,
    path.join(ws, 'small'),
    String(config.concurrency)
  ])
  const bareNode = { wireMs: wireSpan(emulator), wallMs: Date.now() - bareStarted, cpuMs: usage.cpuMs }
  if (emulator.store.assets.length !== files.length) throw new Error('bare Node: not every small file was confirmed')

  // The raw baseline: URLs made beforehand (not timed), then two parallel curl waves.
  await emulator.reset()
  const entries: PresignedEntry[] = []
  for (let i = 0; i < files.length; i += GENERATE_BATCH) {
    entries.push(...(await generate(emulator, describe(files.slice(i, i + GENERATE_BATCH)))))
  }
  const dir = path.join(scratch, 'curl')
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'puts.cfg'), putsConfig(entries, files))
  await writeFile(path.join(dir, 'confirms.cfg'), confirmsConfig(emulator, entries, files))
  const curlStarted = Date.now()
  await curl([...curlParallel(), '-K', path.join(dir, 'puts.cfg')])
  await curl([...curlParallel(), '-K', path.join(dir, 'confirms.cfg')])
  const curlTiming = { wireMs: wireSpan(emulator), wallMs: Date.now() - curlStarted }
  if (emulator.store.assets.length !== files.length) throw new Error('curl: not every small file was confirmed')
  return { action, curl: curlTiming, bareNode, requests, oneFile }
}

/**
 * With a round trip on every request, against curl doing the same work in three waves at the
 * same parallelism: every generate, then every PUT, then every confirm. The action pipelines
 * the three steps; the waves wait for the slowest request of each.
 */
async function measureLatency(emulator: Emulator, ws: string, files: SmallFile[]): Promise<LatencySample> {
  const action = await measureAction(emulator, ws, 'small', files.length)
  await emulator.reset()
  const dir = path.join(scratch, 'curl-waves')
  await mkdir(dir, { recursive: true })
  const batches: SmallFile[][] = []
  for (let i = 0; i < files.length; i += GENERATE_BATCH) batches.push(files.slice(i, i + GENERATE_BATCH))
  const answer = (i: number): string => path.join(dir, `generated-${i}.json`)
  await writeFile(
    path.join(dir, 'generate.cfg'),
    batches
      .map((batch, i) =>
        [
          `url = ${quote(emulator.url + GENERATE_PRESIGNED_PATH)}`,
          `header = ${quote(`x-api-key: ${emulator.apiKey}`)}`,
          'header = "Content-Type: application/json"',
          `data = ${quote(JSON.stringify({ files: describe(batch) }))}`,
          `output = ${quote(answer(i))}`
        ].join('\n')
      )
      .join('\nnext\n') + '\n'
  )
  const started = Date.now()
  await curl([...curlParallel(), '-K', path.join(dir, 'generate.cfg')])
  // Reading the answers and writing the next wave's list is part of working in waves: timed.
  const entries: PresignedEntry[] = []
  for (let i = 0; i < batches.length; i++) {
    entries.push(
      ...(JSON.parse(await readFile(answer(i), 'utf8')) as { presigned_urls: PresignedEntry[] }).presigned_urls
    )
  }
  await writeFile(path.join(dir, 'puts.cfg'), putsConfig(entries, files))
  await curl([...curlParallel(), '-K', path.join(dir, 'puts.cfg')])
  await writeFile(path.join(dir, 'confirms.cfg'), confirmsConfig(emulator, entries, files))
  await curl([...curlParallel(), '-K', path.join(dir, 'confirms.cfg')])
  const curlWaves = { wireMs: wireSpan(emulator), wallMs: Date.now() - started }
  if (emulator.store.assets.length !== files.length) throw new Error('curl waves: not every small file was confirmed')
  return { action, curlWaves }
}

/**
 * The action on a tree of `files` small files in folders of 1,000, `config.scaleRuns` times.
 * A run that fails is reported as such, not thrown: a crash at 100,000 files is a finding.
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
      `Scale: ${label} files, ${what}run ${run} of ${config.scaleRuns}: ${(sample.wallMs / 1000).toFixed(1)} s, ` +
        `${((sample.cpuMs * 1000) / files).toFixed(0)} µs CPU/file, ${sample.rssMiB.toFixed(0)} MiB peak`
    )
  // The docs-sync case: a manifest written by a first run, then a run that finds every file unchanged.
  const manifest = `manifest-${files}.json`
  try {
    for (let run = 1; run <= config.scaleRuns; run++) {
      const sample = await measureAction(emulator, ws, dir, files)
      result.samples.push(sample)
      show('', run, sample)
    }
    for (let run = 1; run <= config.scaleRuns; run++) {
      await rm(path.join(ws, manifest), { force: true })
      const first = await measureAction(emulator, ws, dir, files, { manifest })
      result.sync.first.push(first)
      show('with a new manifest, ', run, first)
      const unchanged = await measureAction(emulator, ws, dir, files, { manifest, unchanged: true })
      result.sync.unchanged.push(unchanged)
      show('all unchanged since the manifest, ', run, unchanged)
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
    '\nmeasured: a median over the runs (peak RSS of the large file: the maximum); min–max: the lowest and ' +
      'highest per-run figure. Times are the wire time seen by the emulator; CPU is user + system of the ' +
      'process (GNU time, 10 ms resolution).'
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
  console.log(`\nMachine: ${machine}`)
  const out = args.out ?? path.join(REPO_ROOT, 'bench', 'results', `${args.smoke ? 'smoke' : 'latest'}.json`)
  await mkdir(path.dirname(out), { recursive: true })
  await writeFile(
    out,
    JSON.stringify({ date: new Date().toISOString(), machine, config, rows, scale, samples: results }, null, 2)
  )
  console.log(`JSON: ${path.relative(process.cwd(), out)}`)
  const missed = rows.filter(row => row.ok === false)
  if (missed.length > 0) console.log(`\nTargets missed: ${missed.map(row => row.measure.trim()).join('; ')}`)
  if (args.smoke) return 0
  return args.check && missed.length > 0 ? 1 : 0
}

// ── helpers ──────────────────────────────────────────────────────────────────

interface PresignedEntry {
  file_name: string
  presigned_url: string
  storage_url: string
  s3_path: string
  content_type: string
}

function count(option: string, text: string, least = 1): number {
  const value = Number(text)
  if (!Number.isInteger(value) || value < least)
    throw new Error(`--${option} must be a whole number ≥ ${least}: ${text}`)
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

function expectSuccess(run: ActionRun, files: number): void {
  if (run.exitCode !== 0 || run.outputs.count !== String(files)) {
    throw new Error(`the action failed (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`)
  }
}

/** First request in → last answer out, as the emulator saw it (from timeline entry `from` on). */
function wireSpan(emulator: Emulator, from = 0): number {
  return span(emulator.timeline().slice(from))
}

function describe(files: SmallFile[]): Array<{ name: string; type: string; size: number }> {
  return files.map(f => ({ name: f.name, type: 'application/octet-stream', size: f.size }))
}

async function generate(
  emulator: Emulator,
  files: Array<{ name: string; type: string; size: number }>
): Promise<PresignedEntry[]> {
  const response = await fetch(emulator.url + GENERATE_PRESIGNED_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': emulator.apiKey },
    body: JSON.stringify({ files })
  })
  if (!response.ok) throw new Error(`generate: HTTP ${response.status}`)
  return ((await response.json()) as { presigned_urls: PresignedEntry[] }).presigned_urls
}

/** A curl config that PUTs each file to its presigned URL. */
function putsConfig(entries: PresignedEntry[], files: SmallFile[]): string {
  return (
    'header = "Content-Type: application/octet-stream"\n' +
    entries
      .map((e, i) => `upload-file = ${quote(files[i].path)}\nurl = ${quote(e.presigned_url)}\noutput = "/dev/null"\n`)
      .join('')
  )
}

/** A curl config that confirms each uploaded file. */
function confirmsConfig(emulator: Emulator, entries: PresignedEntry[], files: SmallFile[]): string {
  return (
    entries
      .map((e, i) =>
        [
          `url = ${quote(emulator.url + UPLOAD_FILE_PATH)}`,
          `header = ${quote(`x-api-key: ${emulator.apiKey}`)}`,
          'header = "Content-Type: application/json"',
          `data = ${quote(JSON.stringify({ is_presigned: true, ...e, file_size: files[i].size }))}`,
          'output = "/dev/null"'
        ].join('\n')
      )
      .join('\nnext\n') + '\n'
  )
}

/** curl options for one wave: as many requests in flight as the action's concurrency. */
function curlParallel(): string[] {
  return ['-sS', '-f', '--no-progress-meter', '--parallel', '--parallel-max', String(config.concurrency)]
}

/** bench/node-baseline.mjs on the action's Node, under GNU time. */
async function runNodeBaseline(baselineArgs: string[]): Promise<ReturnType<typeof parseTimeV>> {
  const [time, ...timeArgs] = TIME_V
  const { stderr } = await execFileAsync(time, [
    ...timeArgs,
    NODE24,
    path.join(REPO_ROOT, 'bench', 'node-baseline.mjs'),
    ...baselineArgs
  ])
  return parseTimeV(stderr)
}

/** curl, run asynchronously: the emulator shares this process's event loop. */
async function curl(curlArgs: string[]): Promise<void> {
  await execFileAsync('curl', curlArgs, { maxBuffer: 64 * MiB })
}

function countLines(text: string): number {
  let lines = 0
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

process.exitCode = await main()
