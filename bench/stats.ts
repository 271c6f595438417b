/** Small numeric helpers of the benchmark: medians, spreads, and what GNU time reports. */

/** What `/usr/bin/time -v` saw of one process: its CPU (user + system) and its peak memory. */
export interface Usage {
  userMs: number
  systemMs: number
  cpuMs: number
  rssMiB: number
}

/** The command that runs a process under GNU time, to read its rusage from stderr. */
export const TIME_V = ['/usr/bin/time', '-v']

/** Parses the rusage GNU time prints (its resolution is 10 ms of CPU and 1 KiB of memory). */
export function parseTimeV(stderr: string): Usage {
  const field = (label: string): number => {
    const value = new RegExp(`${label}: ([\\d.]+)`).exec(stderr)?.[1]
    if (value === undefined) throw new Error(`no "${label}" in the output of /usr/bin/time -v:\n${stderr.slice(-2000)}`)
    return Number(value)
  }
  const userMs = field('User time \\(seconds\\)') * 1000
  const systemMs = field('System time \\(seconds\\)') * 1000
  return { userMs, systemMs, cpuMs: userMs + systemMs, rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024 }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** The lowest and highest of several runs, e.g. "0.81–1.02": how noisy the median is. */
export function spread(values: number[], digits = 2): string {
  if (values.length < 2) return ''
  let low = Infinity
  let high = -Infinity
  for (const value of values) {
    low = Math.min(low, value)
    high = Math.max(high, value)
  }
  return `${low.toFixed(digits)}–${high.toFixed(digits)}`
}

/** The earliest start and the latest end, without spreading a 200,000-entry array as arguments. */
export function span(entries: Array<{ start: number; end: number }>): number {
  let first = Infinity
  let last = -Infinity
  for (const entry of entries) {
    first = Math.min(first, entry.start)
    last = Math.max(last, entry.end)
  }
  return last - first
}
