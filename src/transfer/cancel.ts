/**
 * How a GitHub runner cancels a step: SIGINT, then SIGTERM 7.5 s later, then a kill of the
 * whole process tree 2.5 s after that. The report must be written before the kill.
 */
export const RUNNER_CANCEL = {
  /** After the first SIGINT, the report is written by then if no SIGTERM comes first. */
  reportAfterInterruptMs: 9000,
  /** After a SIGTERM (or a second signal), the report is written by then: 1 s before the kill. */
  reportAfterTerminateMs: 1500
}

/**
 * SIGBREAK is Ctrl-Break on Windows (Node maps Ctrl-C to SIGINT there): the Windows runner sends
 * Ctrl-C, then Ctrl-Break 7.5 s later, so as the second signal it hurries the report. Elsewhere
 * it is never sent, and listening for it is harmless.
 */
const CANCEL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGBREAK']

export interface CancellationHooks {
  onCancel: (signal: NodeJS.Signals) => void
  /** Time is up: write the report with whatever is settled, then exit. Called at most once. */
  onDeadline: () => void
}

/**
 * On the first signal nothing new starts, and uploads whose bytes are still being sent are
 * aborted (the server cannot have registered them). Requests whose bytes are all sent —
 * confirms, and single uploads waiting for their answer — go on, since they may be
 * registered: they get the time the runner allows. The deadline is set by the signals: 9 s
 * after a SIGINT, 1.5 s after a SIGTERM or a second signal, whichever comes first.
 */
export class Cancellation {
  private readonly run = new AbortController()
  private deadline?: { at: number; timer: NodeJS.Timeout }
  private deadlinePassed = false
  private readonly onSignal = (signal: NodeJS.Signals): void => this.cancel(signal)

  constructor(
    private readonly hooks: CancellationHooks,
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
    this.reportWithin(hurry ? this.timing.reportAfterTerminateMs : this.timing.reportAfterInterruptMs)
  }

  dispose(): void {
    if (this.deadline) clearTimeout(this.deadline.timer)
    for (const signal of CANCEL_SIGNALS) process.off(signal, this.onSignal)
  }

  private reportWithin(ms: number): void {
    const at = Date.now() + ms
    if (this.deadlinePassed || (this.deadline && this.deadline.at <= at)) return
    if (this.deadline) clearTimeout(this.deadline.timer)
    const timer = setTimeout(() => {
      this.deadlinePassed = true
      this.hooks.onDeadline()
    }, ms)
    this.deadline = { at, timer }
  }
}
