/**
 * A GitHub runner cancels a step with SIGINT, then SIGTERM, then a kill of the process tree: the
 * report must be written before the kill, by these times after a SIGINT and after a SIGTERM.
 */
const RUNNER_CANCEL = { reportAfterInterruptMs: 9000, reportAfterTerminateMs: 1500 }

/** The Windows runner sends Ctrl-C (SIGINT), then Ctrl-Break (SIGBREAK); elsewhere SIGBREAK never comes. */
const CANCEL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGBREAK']

/**
 * On the first signal nothing new starts, and uploads whose bytes are still being sent are
 * aborted (the server cannot have registered them). Requests whose bytes are all sent go on,
 * since they may be registered, until the deadline the signals set: `onDeadline` then writes
 * the report with whatever is settled, once.
 */
export class Cancellation {
  private readonly run = new AbortController()
  private deadlineAt = Infinity
  private timer?: NodeJS.Timeout
  private readonly onSignal = (signal: NodeJS.Signals): void => this.cancel(signal)

  constructor(
    private readonly hooks: { onCancel: (signal: NodeJS.Signals) => void; onDeadline: () => void },
    private readonly timing = RUNNER_CANCEL
  ) {
    for (const signal of CANCEL_SIGNALS) process.on(signal, this.onSignal)
  }

  /** Fires on the first signal. */
  get signal(): AbortSignal {
    return this.run.signal
  }

  cancel(signal: NodeJS.Signals): void {
    const first = !this.run.signal.aborted
    if (first) {
      this.run.abort()
      this.hooks.onCancel(signal)
    }
    const hurry = signal === 'SIGTERM' || !first
    const ms = hurry ? this.timing.reportAfterTerminateMs : this.timing.reportAfterInterruptMs
    const at = Date.now() + ms
    if (at >= this.deadlineAt) return
    clearTimeout(this.timer)
    this.deadlineAt = at
    this.timer = setTimeout(() => {
      this.deadlineAt = -Infinity
      this.hooks.onDeadline()
    }, ms)
  }

  dispose(): void {
    clearTimeout(this.timer)
    for (const signal of CANCEL_SIGNALS) process.off(signal, this.onSignal)
  }
}
