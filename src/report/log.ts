import * as core from '@actions/core'
import { countOf } from '../format.js'

/** GitHub shows about 10 annotations of a kind per step: more would only bury the first ones. */
export const MAX_ANNOTATIONS = 10

/**
 * One kind of per-file line: the first `limit` go to the log, the rest only to the debug log
 * (step debug logging sets RUNNER_DEBUG), and `close` says how many were left out.
 */
export class PerFileLines {
  private count = 0

  constructor(
    /** What the lines are, for the closing line: "confirmed files", "retries". */
    private readonly what: string,
    private readonly limit = 100,
    private readonly debug = core.isDebug()
  ) {}

  /** A line, or what makes it: made only when it is written (most are not, without debug). */
  line(text: string | (() => string)): void {
    this.count++
    if (this.count <= this.limit) core.info(typeof text === 'string' ? text : text())
    else if (this.debug) core.debug(typeof text === 'string' ? text : text())
  }

  /** Writes, once, how many lines were not shown; returns that number. */
  close(): number {
    const hidden = Math.max(0, this.count - this.limit)
    if (hidden > 0 && !this.debug) {
      core.info(
        `… and ${countOf(hidden, 'more line')} of ${this.what}, not shown: ` +
          'enable step debug logging (re-run with debug logging, or set the ACTIONS_STEP_DEBUG secret) to see every one.'
      )
    }
    this.count = Math.min(this.count, this.limit)
    return hidden
  }
}

/** Each item's line, up to PerFileLines' cap. */
export function lineEach<T>(what: string, items: Iterable<T>, lineOf: (item: T) => string): void {
  const lines = new PerFileLines(what)
  for (const item of items) lines.line(() => lineOf(item))
  lines.close()
}

/** Warnings of one kind: the first few are annotations, the rest per-file log lines, then one warning with the count. */
export class CappedWarnings {
  private count = 0
  private readonly overflow: PerFileLines

  constructor(private readonly what: string) {
    this.overflow = new PerFileLines(what)
  }

  warn(text: string): void {
    this.count++
    if (this.count <= MAX_ANNOTATIONS) core.warning(text)
    else this.overflow.line(`Warning: ${text}`)
  }

  close(): void {
    this.overflow.close()
    if (this.count > MAX_ANNOTATIONS) {
      core.warning(`${countOf(this.count - MAX_ANNOTATIONS, 'more warning')} of ${this.what}: see the log.`)
    }
    this.count = 0
  }
}
