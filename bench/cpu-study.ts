/**
 * CPU per file of one or more action bundles against bench/node-baseline.mjs, on the same
 * in-process emulator and the same tree of 1–8 KiB files (bulk mode, concurrency 8, loopback):
 * user + system of the client's process, as `npm run bench` counts it, but read from wait4()
 * in microseconds (GNU time prints 10 ms steps; `--gnu-time` uses it anyway). Variants run
 * interleaved, round by round, so drift on a shared machine hits them alike; round 0 is a
 * warm-up and is not counted. Prints median (min–max) per variant, and the ratios to the bare
 * client (`cpu×base`, and `thr×base` from the emulator's wire time).
 *
 *   npx tsx bench/cpu-study.ts --files 0,1000,3000 --runs 7 --baseline \
 *     --variant committed=dist/index.js --variant exp=/tmp/exp/index.js
 *
 * A variant is LABEL=BUNDLE[@NODE_OPTIONS, comma-separated], e.g.
 * `prof=dist/index.js@--cpu-prof,--cpu-prof-dir=/tmp/prof`; `--variant none` runs the bare
 * client alone (`--baseline-options` gives it NODE_OPTIONS). `--files 0` runs the action on an
 * empty folder with `if-no-files-found: ignore`: the fixed cost of a run, in ms. `--dry-run`
 * only finds, plans and reports. `--wrap CMD,ARG,…` runs node under another command inside the
 * measurement (strace, perf record; see bench/perf-owner.mjs).
 */
import { execFile } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { startEmulator } from '../emulator/server.js'
import { NODE24, REPO_ROOT, runAction } from '../harness/run-action.js'
import { TIME_V, median, parseTimeV, span } from './stats.js'
import { makeScratch, writeSmallFiles } from './tree.js'

const execFileAsync = promisify(execFile)
/**
 * GNU time prints CPU in 10 ms steps; the same wait4() rusage at microseconds, printed in GNU
 * time's words so that parseTimeV reads it. `--gnu-time` uses /usr/bin/time -v instead.
 */
const RUSAGE = [
  'python3',
  '-c',
  [
    'import os, sys',
    'pid = os.fork()',
    'if pid == 0: os.execvp(sys.argv[1], sys.argv[1:])',
    '_, status, ru = os.wait4(pid, 0)',
    'sys.stderr.write(f"User time (seconds): {ru.ru_utime:.6f}\\nSystem time (seconds): {ru.ru_stime:.6f}\\n' +
      'Maximum resident set size (kbytes): {ru.ru_maxrss}\\n")',
    'code = os.waitstatus_to_exitcode(status)',
    'sys.exit(code if code >= 0 else 128 - code)'
  ].join('\n')
]
const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    variant: { type: 'string', multiple: true, default: ['committed=dist/index.js'] },
    baseline: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '8' },
    'gnu-time': { type: 'boolean', default: false },
    /** A command to run node under (inside the CPU measurement), comma-separated, e.g. strace,-c */
    wrap: { type: 'string' },
    /** dry-run: true: only finding the files, planning and reporting (nothing is uploaded) */
    'dry-run': { type: 'boolean', default: false },
    /** NODE_OPTIONS for the bare client, comma-separated, e.g. --cpu-prof,--cpu-prof-dir=/tmp/p */
    'baseline-options': { type: 'string' }
  }
})
const WRAPPER = args['gnu-time'] ? TIME_V : RUSAGE
const counts = args.files.split(',').map(Number)
const runs = Number(args.runs)
const concurrency = args.concurrency
const variants = args.variant
  .filter(text => text !== 'none')
  .map(text => {
    const [label, rest] = [text.slice(0, text.indexOf('=')), text.slice(text.indexOf('=') + 1)]
    const [bundle, nodeOptions] = rest.split('@')
    return { label, bundle: path.resolve(REPO_ROOT, bundle), nodeOptions: nodeOptions?.split(',').join(' ') }
  })

interface Sample {
  cpuMs: number
  userMs: number
  systemMs: number
  wireMs: number
  rssMiB: number
}

const scratch = await makeScratch(Math.max(...counts) * 2 * 12 * 1024 + 64 * 2 ** 20)
const emulator = await startEmulator({ dataDir: path.join(scratch, 'emulator') })
const ws = path.join(scratch, 'ws')
try {
  for (const count of counts) {
    const dir = `t${count}`
    if (count === 0) await mkdir(path.join(ws, dir), { recursive: true })
    else await writeSmallFiles(path.join(ws, dir), count)
    const samples = new Map<string, Sample[]>()
    const labels = [...variants.map(v => v.label), ...(args.baseline ? ['baseline'] : [])]
    for (const label of labels) samples.set(label, [])
    for (let round = 0; round <= runs; round++) {
      for (const variant of variants) {
        const sample = await runVariant(variant, dir, count)
        if (round > 0) samples.get(variant.label)!.push(sample) // round 0 warms the page cache
      }
      if (args.baseline && count > 0) {
        const sample = await runBaseline(dir, count)
        if (round > 0) samples.get('baseline')!.push(sample)
      }
    }
    report(count, samples)
  }
} finally {
  await emulator.close()
  await rm(scratch, { recursive: true, force: true })
}

async function runVariant(variant: (typeof variants)[number], dir: string, count: number): Promise<Sample> {
  await emulator.reset()
  const run = await runAction({
    workspace: ws,
    inputs: {
      'api-key': emulator.apiKey,
      'base-url': emulator.url,
      concurrency,
      'if-no-files-found': count === 0 ? 'ignore' : 'error',
      retries: '0',
      'fail-fast': 'false',
      path: dir,
      mode: 'bulk',
      ...(args['dry-run'] ? { 'dry-run': 'true' } : {})
    },
    env: variant.nodeOptions ? { NODE_OPTIONS: variant.nodeOptions } : {},
    wrapper: [...WRAPPER, ...(args.wrap?.split(',') ?? [])],
    bundle: variant.bundle
  })
  if (run.exitCode !== 0 || emulator.store.assets.length !== (args['dry-run'] ? 0 : count)) {
    throw new Error(
      `${variant.label}: exit ${run.exitCode}, ${emulator.store.assets.length} of ${count}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-3000)}`
    )
  }
  const usage = parseTimeV(run.stderr)
  return { ...usage, wireMs: count ? span(emulator.timeline()) : run.durationMs }
}

async function runBaseline(dir: string, count: number): Promise<Sample> {
  await emulator.reset()
  const [time, ...timeArgs] = WRAPPER
  const { stderr } = await execFileAsync(
    time,
    [
      ...timeArgs,
      ...(args.wrap?.split(',') ?? []),
      NODE24,
      path.join(REPO_ROOT, 'bench', 'node-baseline.mjs'),
      'bulk',
      emulator.url,
      emulator.apiKey,
      path.join(ws, dir),
      concurrency
    ],
    { env: { ...process.env, NODE_OPTIONS: args['baseline-options']?.split(',').join(' ') ?? '' } }
  )
  if (emulator.store.assets.length !== count) throw new Error('baseline: not every file was confirmed')
  return { ...parseTimeV(stderr), wireMs: span(emulator.timeline()) }
}

function report(count: number, samples: Map<string, Sample[]>): void {
  const per = count || 1
  const unit = count ? 'µs/file' : 'ms (run)'
  const scale = count ? 1000 / per : 1
  console.log(`\n${count} files, ${runs} runs, concurrency ${concurrency}: median (min–max)`)
  const base = samples.get('baseline')
  for (const [label, list] of samples) {
    const cpu = list.map(s => s.cpuMs * scale)
    const user = list.map(s => s.userMs * scale)
    const sys = list.map(s => s.systemMs * scale)
    const wire = list.map(s => s.wireMs)
    const ratio = base?.length ? ` cpu×base ${(median(cpu) / median(base.map(s => s.cpuMs * scale))).toFixed(2)}` : ''
    const tput = base?.length ? ` thr×base ${(median(base.map(s => s.wireMs)) / median(wire)).toFixed(2)}` : ''
    console.log(
      `  ${label.padEnd(14)} cpu ${fmt(cpu)} ${unit}  user ${fmt(user)}  sys ${fmt(sys)}  wire ${fmt(wire)} ms${ratio}${tput}`
    )
    const rss = list.map(s => s.rssMiB)
    console.log(
      `  ${''.padEnd(14)} raw cpu ms: ${list.map(s => s.cpuMs.toFixed(0)).join(' ')}  peak RSS ${fmt(rss)} MiB`
    )
  }
}

function fmt(values: number[]): string {
  if (!values.length) return '–'
  return `${median(values).toFixed(1)} (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})`
}
