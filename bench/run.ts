/**
 * npm run bench — the action against raw curl, same bytes, same emulator, same run.
 *
 *   npm run bench                 512 MiB file and 1000 small files, medians of 5 runs
 *   npm run bench -- --smoke      16 MiB and 100 files, 1 run: seconds, targets not enforced
 *   npm run bench -- --check      exit 1 if a target is missed
 *   options: --runs N --large-mib N --small-files N --out FILE
 *
 * Times are the wire time as the emulator sees it (first request in → last answer out), so
 * that process start-up, measured on its own, does not blur the transfer comparison.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { GENERATE_PRESIGNED_PATH, UPLOAD_FILE_PATH, startEmulator, type Emulator } from '../emulator/server.js'
import { NODE24, REPO_ROOT, runAction, type ActionRun } from '../harness/run-action.js'
import { removeDir, writeRandomFile } from '../harness/workspace.js'

const execFileAsync = promisify(execFile)
const MiB = 1024 * 1024

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'large-mib': { type: 'string' },
    'small-files': { type: 'string' },
    out: { type: 'string' }
  }
})
const config = {
  runs: Number(args.runs ?? (args.smoke ? 1 : 5)),
  largeBytes: Number(args['large-mib'] ?? (args.smoke ? 16 : 512)) * MiB,
  smallFiles: Number(args['small-files'] ?? (args.smoke ? 100 : 1000)),
  concurrency: 8
}

interface Timing {
  wireMs: number
  wallMs: number
}

interface Sample {
  action: Timing
  curl: Timing
  /** The bare node:http reference (bench/node-baseline.mjs): bulk large file and small files. */
  bareNode?: Timing
  rssMiB?: number
  startupMs?: number
  requests?: Record<string, number>
}

async function main(): Promise<number> {
  // Memory-backed storage where there is some, so the disk is not what gets measured.
  const scratch = existsSync('/dev/shm')
    ? await mkdtemp('/dev/shm/netiks-bench-')
    : await mkdtemp(path.join(os.tmpdir(), 'netiks-bench-'))
  const emulator = await startEmulator({ dataDir: path.join(scratch, 'emulator') })
  const ws = path.join(scratch, 'workspace')
  try {
    console.log(`Preparing: one ${config.largeBytes / MiB} MiB file, ${config.smallFiles} files of 1–8 KiB…`)
    const large = path.join(ws, 'large/big.bin')
    await writeRandomFile(large, config.largeBytes)
    const largeSha = await sha256File(large)
    const smallFiles = await writeSmallFiles(ws, config.smallFiles)

    const results = {
      largeBulk: [] as Sample[],
      largeSingle: [] as Sample[],
      smallBulk: [] as Sample[]
    }
    // One unmeasured round first: the first transfers of a process (JIT, allocators, TCP) run slow.
    console.log('Warm-up round (not measured)')
    await measureLarge(emulator, ws, large, largeSha, 'bulk')
    await measureLarge(emulator, ws, large, largeSha, 'single')
    await measureSmall(emulator, ws, smallFiles)
    for (let run = 1; run <= config.runs; run++) {
      console.log(`Run ${run} of ${config.runs}`)
      results.largeBulk.push(await measureLarge(emulator, ws, large, largeSha, 'bulk'))
      results.largeSingle.push(await measureLarge(emulator, ws, large, largeSha, 'single'))
      results.smallBulk.push(await measureSmall(emulator, ws, smallFiles))
    }
    return await report(results)
  } finally {
    await emulator.close()
    await removeDir(scratch)
  }
}

async function measureLarge(
  emulator: Emulator,
  ws: string,
  file: string,
  sha256: string,
  mode: 'bulk' | 'single'
): Promise<Sample> {
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
  const rssMiB = peakRssMiB(measured.stderr)

  await emulator.reset()
  let curlStarted = Date.now()
  let firstEntry = 0
  if (mode === 'bulk') {
    const [entry] = await generate(emulator, [
      { name: 'big.bin', type: 'application/octet-stream', size: config.largeBytes }
    ])
    firstEntry = emulator.timeline().length
    curlStarted = Date.now()
    await curl([
      '-sS',
      '-f',
      '-o',
      '/dev/null',
      '-T',
      file,
      '-H',
      `Content-Type: ${entry.content_type}`,
      entry.presigned_url
    ])
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

async function measureSmall(emulator: Emulator, ws: string, files: SmallFile[]): Promise<Sample> {
  await emulator.reset()
  const run = await runAction({ workspace: ws, inputs: actionInputs(emulator, { path: 'small', mode: 'bulk' }) })
  expectSuccess(run, files.length)
  const timeline = emulator.timeline()
  const action = { wireMs: wireSpan(emulator), wallMs: run.durationMs }
  const startupMs = timeline[0].start - run.spawnedAt
  const requests = { ...emulator.state().requests }

  // What Node itself allows: the same three steps with nothing but node:http, on the same Node.
  await emulator.reset()
  const bareStarted = Date.now()
  await runNodeBaseline(['bulk', emulator.url, emulator.apiKey, path.join(ws, 'small'), String(config.concurrency)])
  const bareNode = { wireMs: wireSpan(emulator), wallMs: Date.now() - bareStarted }
  if (emulator.state().assets.length !== files.length) throw new Error('bare Node: not every small file was confirmed')

  // The raw baseline: URLs made beforehand (not timed), then two parallel curl waves.
  await emulator.reset()
  const entries: PresignedEntry[] = []
  for (let i = 0; i < files.length; i += 50) {
    const batch = files.slice(i, i + 50)
    entries.push(
      ...(await generate(
        emulator,
        batch.map(f => ({ name: f.name, type: 'application/octet-stream', size: f.size }))
      ))
    )
  }
  const dir = path.join(ws, 'curl')
  await mkdir(dir, { recursive: true })
  await writeFile(
    path.join(dir, 'puts.cfg'),
    'header = "Content-Type: application/octet-stream"\n' +
      entries
        .map((e, i) => `upload-file = ${quote(files[i].path)}\nurl = ${quote(e.presigned_url)}\noutput = "/dev/null"\n`)
        .join('')
  )
  await writeFile(
    path.join(dir, 'confirms.cfg'),
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
  const firstRequestBefore = emulator.timeline().length
  const curlStarted = Date.now()
  const parallel = ['-sS', '-f', '--no-progress-meter', '--parallel', '--parallel-max', String(config.concurrency)]
  await curl([...parallel, '-K', path.join(dir, 'puts.cfg')])
  await curl([...parallel, '-K', path.join(dir, 'confirms.cfg')])
  const curlWall = Date.now() - curlStarted
  const curlTiming = { wireMs: wireSpan(emulator, firstRequestBefore), wallMs: curlWall }
  if (emulator.state().assets.length !== files.length) throw new Error('curl: not every small file was confirmed')
  return { action, curl: curlTiming, bareNode, startupMs, requests }
}

// ── reporting ────────────────────────────────────────────────────────────────

interface Row {
  measure: string
  action: string
  curl: string
  ratio: string
  target: string
  ok: boolean | null
}

async function report(results: Record<'largeBulk' | 'largeSingle' | 'smallBulk', Sample[]>): Promise<number> {
  const rows: Row[] = []
  const large = config.largeBytes / MiB
  const transfer = (label: string, samples: Sample[], target: number, sizeMiB?: number): void => {
    const actionMs = median(samples.map(s => s.action.wireMs))
    const curlMs = median(samples.map(s => s.curl.wireMs))
    const ratio = curlMs / actionMs
    const rate = (ms: number): string => (sizeMiB ? `${(sizeMiB / (ms / 1000)).toFixed(0)} MiB/s` : '')
    rows.push({
      measure: label,
      action: `${(actionMs / 1000).toFixed(3)} s ${rate(actionMs)}`.trim(),
      curl: `${(curlMs / 1000).toFixed(3)} s ${rate(curlMs)}`.trim(),
      ratio: `${ratio.toFixed(3)} ${spread(samples.map(s => s.curl.wireMs / s.action.wireMs))}`,
      target: `≥ ${target}`,
      ok: ratio >= target
    })
  }
  // The same work done by bench/node-baseline.mjs: how close Node itself gets to curl here.
  const reference = (label: string, samples: Sample[], sizeMiB?: number): void => {
    const bareMs = median(samples.map(s => s.bareNode?.wireMs ?? Infinity))
    const curlMs = median(samples.map(s => s.curl.wireMs))
    const actionMs = median(samples.map(s => s.action.wireMs))
    const rate = sizeMiB ? ` ${(sizeMiB / (bareMs / 1000)).toFixed(0)} MiB/s` : ''
    rows.push({
      measure: `  reference: ${label}`,
      action: `${(bareMs / 1000).toFixed(3)} s${rate}`,
      curl: `${(curlMs / 1000).toFixed(3)} s`,
      ratio: `${(curlMs / bareMs).toFixed(3)} ${spread(samples.map(s => s.curl.wireMs / (s.bareNode?.wireMs ?? Infinity)))}`,
      target: `action: ${(bareMs / actionMs).toFixed(2)} × this`,
      ok: null
    })
  }
  transfer(`${large} MiB file, bulk (vs curl -T)`, results.largeBulk, 0.95, large)
  reference('a plain Node read stream piped into the PUT, no sha256', results.largeBulk, large)
  transfer(`${large} MiB file, single (vs curl -F)`, results.largeSingle, 0.9, large)
  transfer(`${config.smallFiles} files of 1–8 KiB, bulk, concurrency ${config.concurrency}`, results.smallBulk, 0.8)
  reference('a bare node:http client doing the same three steps', results.smallBulk)

  const rss = Math.max(...[...results.largeBulk, ...results.largeSingle].map(s => s.rssMiB ?? Infinity))
  rows.push({
    measure: `peak RSS, ${large} MiB file (max of all runs)`,
    action: `${rss.toFixed(1)} MiB`,
    curl: '',
    ratio: '',
    target: '≤ 100 MiB',
    ok: rss <= 100
  })
  const startup = median(results.smallBulk.map(s => s.startupMs ?? Infinity))
  rows.push({
    measure: `process start → first request (${config.smallFiles} files)`,
    action: `${startup.toFixed(0)} ms`,
    curl: '',
    ratio: '',
    target: '< 300 ms',
    ok: startup < 300
  })
  const requests = results.smallBulk[results.smallBulk.length - 1].requests ?? {}
  const perThousand = (n: number): number => Math.round((n * 1000) / config.smallFiles)
  const maxGenerate = Math.ceil(config.smallFiles / 50)
  rows.push({
    measure: 'requests per 1000 files (generate / put / confirm)',
    action: `${perThousand(requests.generate)} / ${perThousand(requests.put)} / ${perThousand(requests.confirm)}`,
    curl: '',
    ratio: '',
    target: `generate ≤ ${perThousand(maxGenerate)}, put = confirm = 1000`,
    ok: requests.generate <= maxGenerate && requests.put === config.smallFiles && requests.confirm === config.smallFiles
  })

  printTable(rows)
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${process.platform} ${os.release()}, Node ${process.version}`
  console.log(`\nMachine: ${machine}`)
  console.log(
    'Times are medians of the wire time seen by the emulator; ratio = curl time / action time (median, and the range of the per-run ratios).'
  )
  const out = args.out ?? path.join(REPO_ROOT, 'bench', 'results', `${args.smoke ? 'smoke' : 'latest'}.json`)
  await mkdir(path.dirname(out), { recursive: true })
  await writeFile(
    out,
    JSON.stringify({ date: new Date().toISOString(), machine, config, rows, samples: results }, null, 2)
  )
  console.log(`JSON: ${path.relative(process.cwd(), out)}`)
  const missed = rows.filter(row => row.ok === false)
  if (args.smoke) return 0
  if (missed.length > 0) console.log(`\nTargets missed: ${missed.map(row => row.measure).join('; ')}`)
  return args.check && missed.length > 0 ? 1 : 0
}

function printTable(rows: Row[]): void {
  const header = ['measure', 'action', 'curl', 'curl/action', 'target', '']
  const cells = rows.map(r => [
    r.measure,
    r.action,
    r.curl,
    r.ratio,
    r.target,
    r.ok === null ? '' : r.ok ? 'PASS' : 'MISS'
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i].length)))
  const line = (c: string[]): string => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`
  console.log('')
  console.log(line(header))
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`)
  cells.forEach(c => console.log(line(c)))
}

// ── helpers ──────────────────────────────────────────────────────────────────

interface SmallFile {
  path: string
  name: string
  size: number
}

interface PresignedEntry {
  file_name: string
  presigned_url: string
  storage_url: string
  s3_path: string
  content_type: string
}

async function writeSmallFiles(ws: string, count: number): Promise<SmallFile[]> {
  const files: SmallFile[] = []
  let seed = 12345
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    const size = 1024 + (seed % (7 * 1024 + 1))
    const name = `f${String(i).padStart(4, '0')}.bin`
    const target = path.join(ws, 'small', name)
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, Buffer.alloc(size, i % 251))
    files.push({ path: target, name, size })
  }
  return files
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
  const timeline = emulator.timeline().slice(from)
  return Math.max(...timeline.map(e => e.end)) - Math.min(...timeline.map(e => e.start))
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

/** bench/node-baseline.mjs on the action's Node. */
async function runNodeBaseline(baselineArgs: string[]): Promise<void> {
  await execFileAsync(NODE24, [path.join(REPO_ROOT, 'bench', 'node-baseline.mjs'), ...baselineArgs])
}

/** curl, run asynchronously: the emulator shares this process's event loop. */
async function curl(curlArgs: string[]): Promise<void> {
  await execFileAsync('curl', curlArgs, { maxBuffer: 64 * MiB })
}

function peakRssMiB(timeOutput: string): number | undefined {
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeOutput)?.[1]
  return kb === undefined ? undefined : Number(kb) / 1024
}

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/** The lowest and highest of the per-run ratios, e.g. "(0.81–1.02)": how noisy the median is. */
function spread(ratios: number[]): string {
  return ratios.length < 2 ? '' : `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

process.exitCode = await main()
