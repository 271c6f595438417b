/**
 * A cancelled workflow signals the action (SIGINT, then SIGTERM) and kills it a few seconds
 * later. On the first signal nothing new starts and uploads in flight are aborted; confirms in
 * flight get `graceMs` more, since their files are already stored; at `deadlineMs` (or on a
 * second signal) `onDeadline` runs so the outputs are written whatever is still pending.
 */
export class Cancellation {
  private readonly run = new AbortController()
  private readonly confirms = new AbortController()
  private readonly timers: NodeJS.Timeout[] = []
  private readonly onSignal = (signal: NodeJS.Signals): void => this.cancel(signal)

  constructor(
    private readonly hooks: { onCancel: (signal: NodeJS.Signals) => void; onDeadline: () => void },
    private readonly graceMs = 2500,
    private readonly deadlineMs = 4000
  ) {
    process.on('SIGINT', this.onSignal)
    process.on('SIGTERM', this.onSignal)
  }

  /** Aborts uploads, PUTs and generate calls. */
  get signal(): AbortSignal {
    return this.run.signal
  }

  /** Aborts confirms, `graceMs` after the run was cancelled. */
  get confirmSignal(): AbortSignal {
    return this.confirms.signal
  }

  cancel(signal: NodeJS.Signals): void {
    if (this.run.signal.aborted) {
      this.hooks.onDeadline()
      return
    }
    this.run.abort()
    this.hooks.onCancel(signal)
    this.timers.push(setTimeout(() => this.confirms.abort(), this.graceMs).unref())
    this.timers.push(setTimeout(() => this.hooks.onDeadline(), this.deadlineMs).unref())
  }

  dispose(): void {
    this.timers.forEach(timer => clearTimeout(timer))
    process.off('SIGINT', this.onSignal)
    process.off('SIGTERM', this.onSignal)
  }
}
