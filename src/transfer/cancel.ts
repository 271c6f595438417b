/**
 * How a GitHub runner cancels a step: SIGINT, then SIGTERM 7.5 s later, then a kill of the
 * whole process tree 2.5 s after that. The report must be written before the kill: by these
 * times after a SIGINT, and after a SIGTERM (or a second signal).
 */
const RUNNER_CANCEL = { reportAfterInterruptMs: 9000, reportAfterTerminateMs: 1500 }

/**
 * SIGBREAK is Ctrl-Break on Windows (Node maps Ctrl-C to SIGINT there): the Windows runner sends
 * Ctrl-C, then Ctrl-Break 7.5 s later, so as the second signal it hurries the report. Elsewhere
 * it is never sent, and listening for it is harmless.
 */
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
