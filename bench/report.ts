/**
 * The benchmark's verdicts: one row per target of issue 24 (the measured figure, the range of
 * the runs, the bound, PASS or FAIL), and a table of the cost per file as the count grows.
 */
import { median, spread } from './stats.js'

export const MiB = 1024 * 1024

/** The 100,000-file targets are enforced from this many files on; smaller counts are shown. */
export const SCALE_TARGET_FILES = 100_000

/** GitHub's limits: 1 MB of outputs per job, 1 MiB of summary per step. */
const OUTPUT_LIMIT_BYTES = 1_000_000
const SUMMARY_LIMIT_BYTES = 1024 * 1024
/**
 * GitHub documents no limit on a step's log; what a user reads is the web viewer, so the log
 * must stay flat in the number of files: per-file lines give way to progress after the first.
 */
const LOG_LIMIT_LINES = 1000

export interface BenchConfig {
  runs: number
  largeBytes: number
  smallFiles: number
  concurrency: number
  latencyMs: number
  throttleKiBps: number
  scale: number[]
  scaleRuns: number
  /** The bundle measured: dist/index.js, or the one --bundle names. */
  bundle: string
}

export interface Timing {
  /** First request in → last answer out, as the emulator saw it. */
  wireMs: number
  wallMs: number
}

/** One run of the action under GNU time, with what it wrote for the runner. */
export interface ActionSample extends Timing {
  cpuMs: number
  rssMiB: number
  outputBytes: number
  summaryBytes: number
  logLines: number
  startupMs: number
}

/** The same upload by the action and by curl (a large file: -T in bulk mode, -F in single mode). */
export interface AgainstCurl {
  action: Timing
  curl: Timing
}

export interface LargeResults {
  bulk: AgainstCurl[]
  single: AgainstCurl[]
}

export interface SmallSample {
  action: ActionSample
  /** The action uploading one file: its fixed cost (start-up, search, report). */
  oneFile: ActionSample
  /** The bare node:http client (bench/node-baseline.mjs), under GNU time too. */
  bareNode: Timing & { cpuMs: number }
}

export interface LatencySample {
  action: ActionSample
  /** Three parallel curl waves: every generate, then every PUT, then every confirm. */
  curlWaves: Timing
}

export interface ScaleResult {
  files: number
  /** Seconds it took to write the tree (not measured against anything). */
  treeSeconds: number
  samples: ActionSample[]
  /** With a `manifest`: the run that writes it, and the next, which finds every file unchanged. */
  sync: { first: ActionSample[]; unchanged: ActionSample[] }
  /** Why the action did not complete a run, if it did not. */
  error?: string
}

export interface Results {
  /** Through the emulator limited to --throttle-kibps. */
  throttled: LargeResults
  loopback: LargeResults
  small: SmallSample[]
  latency: LatencySample[]
  scale: ScaleResult[]
}

export interface Row {
  target: string
  action: string
  baseline: string
  /** The figure the bound is about: a median over the runs, or the largest where so stated. */
  measured: string
  /** Lowest–highest of the per-run figures. */
  range: string
  bound: string
  /** null: shown, not enforced (a count below 100,000). */
  ok: boolean | null
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`
const perFile = (cpuMs: number, files: number): number => (cpuMs * 1000) / files
/** CPU per file once the fixed cost of a run (measured with one file) is taken out. */
const marginal = (cpuMs: number, fixedMs: number, files: number): number =>
  ((cpuMs - fixedMs) * 1000) / Math.max(1, files - 1)

/** The rows of issue 24's targets, in its order. */
export function targetRows(results: Results, config: BenchConfig): Row[] {
  const mib = config.largeBytes / MiB
  const limit = `${config.throttleKiBps / 1024} MiB/s limit`
  const n = config.smallFiles
  // A large file's time also shows as a rate.
  const rate = (ms: number): string => `${seconds(ms)} ${(mib / (ms / 1000)).toFixed(0)} MiB/s`
  const latency = results.latency.map(s => ({ action: s.action, curl: s.curlWaves }))
  return [
    speedRow(`${mib} MiB, bulk, ${limit}: curl / action`, results.throttled.bulk, 'curl -T', 0.97, rate),
    speedRow(`${mib} MiB, single, ${limit}: curl / action`, results.throttled.single, 'curl -F', 0.97, rate),
    speedRow(
      `${n} files, ${config.latencyMs} ms a request, concurrency ${config.concurrency}: curl waves / action`,
      latency,
      'curl, 3 waves',
      1.0,
      seconds
    ),
    // The largest count only: the targets are about 100,000 files; smaller counts show the trend.
    ...results.scale
      .filter(scale => scale.files === Math.max(...config.scale))
      .flatMap(scale => scaleTargetRows(scale, results.small, n)),
    startupRow(results.small, n),
    cpuCeilingRow(results.small, n),
    speedRow(`ceiling: ${mib} MiB, bulk, loopback: curl / action`, results.loopback.bulk, 'curl -T', 0.7, rate),
    speedRow(`ceiling: ${mib} MiB, single, loopback: curl / action`, results.loopback.single, 'curl -F', 0.7, rate)
  ]
}

/** curl's time / the action's, as the emulator saw them: ≥ 1 means the action was the faster. */
function speedRow(
  target: string,
  samples: AgainstCurl[],
  curlName: string,
  least: number,
  show: (ms: number) => string
): Row {
  const actionMs = median(samples.map(s => s.action.wireMs))
  const curlMs = median(samples.map(s => s.curl.wireMs))
  return {
    target,
    action: show(actionMs),
    baseline: `${curlName} ${show(curlMs)}`,
    measured: (curlMs / actionMs).toFixed(3),
    range: spread(samples.map(s => s.curl.wireMs / s.action.wireMs)),
    bound: `≥ ${least}`,
    ok: curlMs / actionMs >= least
  }
}

function startupRow(small: SmallSample[], n: number): Row {
  const startup = small.map(s => s.action.startupMs)
  return {
    target: `process start → first request (${n} files, loopback)`,
    action: '',
    baseline: '',
    measured: `${median(startup).toFixed(0)} ms`,
    range: spread(startup, 0),
    bound: '< 300 ms',
    ok: median(startup) < 300
  }
}

/** Total CPU of each process / files: the action's start-up counts, as it is the action's own cost. */
function cpuCeilingRow(small: SmallSample[], n: number): Row {
  const actionCpu = median(small.map(s => perFile(s.action.cpuMs, n)))
  const bareCpu = median(small.map(s => perFile(s.bareNode.cpuMs, n)))
  return {
    target: `ceiling: ${n} files, loopback: CPU per file, action / bare node:http`,
    action: `${actionCpu.toFixed(0)} µs/file`,
    baseline: `bare node:http ${bareCpu.toFixed(0)} µs/file`,
    measured: (actionCpu / bareCpu).toFixed(3),
    range: spread(small.map(s => s.action.cpuMs / s.bareNode.cpuMs)),
    bound: '≤ 1.6',
    ok: actionCpu / bareCpu <= 1.6
  }
}

/** How a scale row is labelled and judged: targets are enforced only at the target's file count. */
interface ScaleJudge {
  label: string
  bound: (text: string) => string
  verdict: (ok: boolean) => boolean | null
}

/**
 * Peak RSS of each kind of run (upload; docs sync writing a manifest; docs sync finding every
 * file unchanged), CPU per file beyond the fixed cost against the small-files run, and what
 * reached GitHub (the largest of all runs).
 */
function scaleTargetRows(scale: ScaleResult, small: SmallSample[], smallFiles: number): Row[] {
  const enforced = scale.files >= SCALE_TARGET_FILES
  const judge: ScaleJudge = {
    label: `${scale.files.toLocaleString('en')} files`,
    bound: text => (enforced ? text : `(${text} at ${SCALE_TARGET_FILES.toLocaleString('en')})`),
    verdict: ok => (enforced ? ok : null)
  }
  if (scale.error !== undefined || scale.samples.length === 0) return [scaleFailureRow(scale, judge)]
  const kinds: Array<[string, ActionSample[]]> = [
    ['upload', scale.samples],
    ['manifest, first run', scale.sync.first],
    ['manifest, all unchanged', scale.sync.unchanged]
  ]
  return [
    ...peakRssRows(kinds, judge),
    ...(small.length > 0 ? [cpuPerFileRow(scale, small, smallFiles, judge)] : []),
    ...reachedGitHubRows(
      kinds.flatMap(([, samples]) => samples),
      judge
    )
  ]
}

function scaleFailureRow(scale: ScaleResult, judge: ScaleJudge): Row {
  return {
    target: `${judge.label}: the action`,
    action: `failed: ${(scale.error ?? 'no run').split('\n')[0].slice(0, 80)}`,
    baseline: '',
    measured: '',
    range: '',
    bound: 'completes',
    ok: false
  }
}

function peakRssRows(kinds: Array<[string, ActionSample[]]>, judge: ScaleJudge): Row[] {
  return kinds
    .filter(([, samples]) => samples.length > 0)
    .map(([kind, samples]) => {
      const rss = samples.map(s => s.rssMiB)
      return {
        target: `${judge.label}, ${kind}: peak RSS`,
        action: '',
        baseline: '',
        measured: `${median(rss).toFixed(1)} MiB`,
        range: spread(rss, 1),
        bound: judge.bound('≤ 400 MiB'),
        ok: judge.verdict(median(rss) <= 400)
      }
    })
}

function cpuPerFileRow(scale: ScaleResult, small: SmallSample[], smallFiles: number, judge: ScaleJudge): Row {
  const fixedMs = median(small.map(s => s.oneFile.cpuMs))
  const smallMarginal = median(small.map(s => marginal(s.action.cpuMs, s.oneFile.cpuMs, smallFiles)))
  const scaleMarginal = median(scale.samples.map(s => marginal(s.cpuMs, fixedMs, scale.files)))
  return {
    target: `${judge.label}: CPU per file beyond the fixed cost, vs ${smallFiles} files`,
    action: `${scaleMarginal.toFixed(0)} µs/file`,
    baseline: `${smallFiles} files ${smallMarginal.toFixed(0)} µs/file`,
    measured: (scaleMarginal / smallMarginal).toFixed(3),
    range: spread(scale.samples.map(s => marginal(s.cpuMs, fixedMs, scale.files) / smallMarginal)),
    bound: judge.bound('≤ 1.2'),
    ok: judge.verdict(scaleMarginal / smallMarginal <= 1.2)
  }
}

/** What reached GitHub in the largest of all runs, against GitHub's limits. */
function reachedGitHubRows(all: ActionSample[], judge: ScaleJudge): Row[] {
  const largest = (pick: (s: ActionSample) => number): number => Math.max(...all.map(pick))
  const reached: Array<[string, number, number, string]> = [
    ['$GITHUB_OUTPUT bytes', largest(s => s.outputBytes), OUTPUT_LIMIT_BYTES, '1 MB'],
    ['summary bytes', largest(s => s.summaryBytes), SUMMARY_LIMIT_BYTES, '1 MiB'],
    ['log lines', largest(s => s.logLines), LOG_LIMIT_LINES, String(LOG_LIMIT_LINES)]
  ]
  return reached.map(([what, value, most, shown]) => ({
    target: `${judge.label}: ${what} (largest run)`,
    action: '',
    baseline: '',
    measured: value.toLocaleString('en'),
    range: '',
    bound: judge.bound(`≤ ${shown}`),
    ok: judge.verdict(value <= most)
  }))
}

/** The cost per file as the count grows: one file (the fixed cost), the small files, the scale rows. */
export function scaleRows(results: Results, config: BenchConfig): string[][] {
  const fixedMs = median(results.small.map(s => s.oneFile.cpuMs))
  const row = (files: number, samples: ActionSample[], run: string): string[] => {
    const figure = (pick: (s: ActionSample) => number, digits: number): string => {
      const values = samples.map(pick)
      const range = spread(values, digits)
      return `${median(values).toFixed(digits)}${range ? ` (${range})` : ''}`
    }
    const largest = (pick: (s: ActionSample) => number): string => Math.max(...samples.map(pick)).toLocaleString('en')
    const beyondFixed = files > 1 && results.small.length > 0
    return [
      files.toLocaleString('en'),
      run,
      String(samples.length),
      figure(s => s.wallMs / 1000, 2),
      figure(s => perFile(s.cpuMs, files), 0),
      beyondFixed ? figure(s => marginal(s.cpuMs, fixedMs, files), 0) : '',
      figure(s => s.rssMiB, 1),
      largest(s => s.outputBytes),
      largest(s => s.summaryBytes),
      largest(s => s.logLines)
    ]
  }
  const rows: string[][] = []
  if (results.small.length > 0) {
    const oneFile = results.small.map(s => s.oneFile)
    const smallFiles = results.small.map(s => s.action)
    rows.push(row(1, oneFile, 'upload'), row(config.smallFiles, smallFiles, 'upload'))
  }
  for (const scale of results.scale) {
    if (scale.samples.length > 0) rows.push(row(scale.files, scale.samples, 'upload'))
    if (scale.sync.first.length > 0) rows.push(row(scale.files, scale.sync.first, 'manifest, first run'))
    if (scale.sync.unchanged.length > 0) rows.push(row(scale.files, scale.sync.unchanged, 'manifest, all unchanged'))
  }
  return rows
}

export function printTargets(rows: Row[]): void {
  printTable(
    ['target', 'action', 'baseline', 'measured', 'min–max', 'bound', 'result'],
    rows.map(r => [
      r.target,
      r.action,
      r.baseline,
      r.measured,
      r.range,
      r.bound,
      r.ok === null ? '' : r.ok ? 'PASS' : 'FAIL'
    ])
  )
}

export function printScale(rows: string[][]): void {
  printTable(
    [
      'files',
      'run',
      'runs',
      'wall s',
      'CPU µs/file',
      'beyond fixed',
      'peak RSS MiB',
      '$GITHUB_OUTPUT bytes',
      'summary bytes',
      'log lines'
    ],
    rows
  )
}

function printTable(header: string[], cells: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map(c => c[i].length)))
  const line = (c: string[]): string => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`
  console.log('')
  console.log(line(header))
  console.log(`|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`)
  cells.forEach(c => console.log(line(c)))
}
