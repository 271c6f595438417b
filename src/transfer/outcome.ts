import { AuthError, CancelledError, HttpError, NetworkError, ProtocolError, errorMessage } from '../errors.js'
import type { RetryPolicy } from './retry.js'
import type {
  ConfirmedUpload,
  FailedStep,
  FailedUpload,
  LocalFile,
  NetiksAsset,
  UploadOutcome
} from '../netiks/types.js'

/** Told how far each file's bytes have gone, so the caller can report long transfers. */
export interface TransferTracker {
  /** A transfer of the file begins (again, on a retry: its count starts over). */
  started(file: LocalFile): void
  sent(file: LocalFile, bytes: number): void
  /** The file is done with, confirmed or not. */
  finished(file: LocalFile): void
}

export interface UploadOptions {
  concurrency: number
  retry: RetryPolicy
  /** Stop starting new files after the first failure. */
  failFast: boolean
  /** Cancels the run: nothing new starts, uploads in flight are aborted. */
  signal?: AbortSignal
  /** Aborts confirms in flight; fired a little after `signal` so that finished PUTs still count. */
  confirmSignal?: AbortSignal
  onConfirmed?: (upload: ConfirmedUpload) => void
  onFailed?: (failure: FailedUpload) => void
  onRetry?: (file: LocalFile, step: FailedStep, retry: number, delayMs: number, error: unknown) => void
  progress?: TransferTracker
}

/** Raised into `stoppedBy` when fail-fast ends a run. */
export class FailFastError extends Error {
  constructor(file: LocalFile) {
    super(`fail-fast: stopped starting new files after ${file.relativePath} failed`)
    this.name = 'FailFastError'
  }
}

/**
 * What each file became while a run goes on. It decides when the run must stop early — a
 * refused api key would be refused for every file, a cancelled run starts nothing, fail-fast
 * stops after the first failure — and can report at any moment, even mid-run.
 */
export class OutcomeRecorder {
  private readonly confirmed: ConfirmedUpload[] = []
  private readonly failed: FailedUpload[] = []
  private readonly settled = new Set<LocalFile>()
  private stoppedBy?: Error

  constructor(
    readonly files: LocalFile[],
    private readonly options: Pick<UploadOptions, 'failFast' | 'signal' | 'onConfirmed' | 'onFailed'>
  ) {}

  shouldStop(): boolean {
    if (this.options.signal?.aborted) this.stoppedBy ??= new CancelledError()
    return this.stoppedBy !== undefined
  }

  confirm(upload: ConfirmedUpload): void {
    this.settled.add(upload.file)
    this.confirmed.push(upload)
    this.options.onConfirmed?.(upload)
  }

  fail(file: LocalFile, fallbackStep: FailedStep, error: unknown): void {
    if (this.settled.has(file)) return
    this.settled.add(file)
    if (error instanceof AuthError) this.stoppedBy ??= error
    if (error instanceof CancelledError || this.options.signal?.aborted) this.stoppedBy ??= new CancelledError()
    if (this.options.failFast) this.stoppedBy ??= new FailFastError(file)
    const failure: FailedUpload = {
      file,
      step: stepOf(error) ?? fallbackStep,
      status: error instanceof HttpError ? error.status : undefined,
      message: errorMessage(error)
    }
    this.failed.push(failure)
    this.options.onFailed?.(failure)
  }

  /** The outcome so far, in file order; files not settled yet are reported as not started. */
  result(): UploadOutcome {
    const order = new Map(this.files.map((file, index) => [file, index]))
    const byFileOrder = (a: { file: LocalFile }, b: { file: LocalFile }): number =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0)
    const reason = notStartedReason(this.stoppedBy)
    const notStarted: FailedUpload[] = this.files
      .filter(file => !this.settled.has(file))
      .map(file => ({ file, step: 'not-started', message: reason }))
    return {
      confirmed: [...this.confirmed].sort(byFileOrder),
      failed: [...this.failed, ...notStarted].sort(byFileOrder),
      stoppedBy: this.stoppedBy
    }
  }
}

function notStartedReason(stoppedBy: Error | undefined): string {
  if (stoppedBy instanceof CancelledError) return 'not uploaded: the run was cancelled first'
  if (stoppedBy instanceof AuthError) return 'not uploaded: the api-key was rejected'
  if (stoppedBy instanceof FailFastError) return `not uploaded: ${stoppedBy.message}`
  return 'not uploaded: the run ended before this file finished'
}

function stepOf(error: unknown): FailedStep | undefined {
  if (error instanceof HttpError || error instanceof NetworkError || error instanceof ProtocolError) {
    return error.step
  }
  return undefined
}

/** The server's record must describe the bytes that were sent. */
export function checkAssetSize(file: LocalFile, asset: NetiksAsset, step: 'upload' | 'confirm'): void {
  if (typeof asset.file_size === 'number' && asset.file_size !== file.size) {
    throw new ProtocolError(
      step,
      `${step} answered asset ${asset.id} with file_size ${asset.file_size}, but ${file.size} bytes were sent.`
    )
  }
}
