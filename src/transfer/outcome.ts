import { compareText, withStop } from '../format.js'
import { AuthError, HttpError } from '../netiks/errors.js'
import { CancelledError, FileChangedError, errorMessage } from '../model.js'
import type { ConfirmedUpload, FailedStep, FailedUpload, LocalFile, UploadOutcome } from '../model.js'
import { Breaker } from './breaker.js'
import type { RetryPolicy } from './retry.js'
import type { NetiksClient } from '../netiks/client.js'

/** Told how far each file's bytes have gone, so the caller can report long transfers. */
export interface TransferTracker {
  /** A transfer of the file begins (again, on a retry: its count starts over). */
  started(file: LocalFile): void
  sent(file: LocalFile, bytes: number): void
  /** The file is done with, confirmed or not. */
  finished(file: LocalFile): void
}

export interface UploadOptions {
  /** The API's base URL, to name it when it turns out to be wrong. */
  baseUrl: string
  concurrency: number
  retry: RetryPolicy
  /** Stop starting new files after the first failure. */
  failFast: boolean
  /** Cancels the run: nothing new starts; generate calls and bodies still being sent are aborted. */
  signal?: AbortSignal
  onConfirmed?: (upload: ConfirmedUpload) => void
  onRetry?: (file: LocalFile, step: FailedStep, retry: number, delayMs: number, error: unknown) => void
  /** A presigned URL replaced by a fresh one (the file's `refresh`th, from 1), because S3 refused it as expired. */
  onUrlRefresh?: (refresh: { file: LocalFile; refresh: number; error: unknown }) => void
  /** The file changed after it was found; it is sent as it is now. */
  onFileChanged?: (before: LocalFile, now: LocalFile) => void
  progress?: TransferTracker
}

/** What every step of a transfer works with. */
export interface Transfer {
  client: NetiksClient
  recorder: OutcomeRecorder
  options: UploadOptions
}

/** Raised into `stoppedBy` when fail-fast ends a run. */
export class FailFastError extends Error {
  constructor(readonly file: LocalFile) {
    super(`fail-fast: stopped starting new files after ${file.relativePath} failed`)
    this.name = 'FailFastError'
  }
}

export type AssetRequest = 'upload' | 'confirm'

/**
 * Decides when the run stops early, and can report at any moment: a file whose asset-creating
 * request is out and unanswered is then reported as possibly existing.
 */
export class OutcomeRecorder {
  private readonly confirmed: ConfirmedUpload[] = []
  private readonly failed: FailedUpload[] = []
  /** Keyed by relative path: a file that changed is sent as a fresh copy of its record. */
  private readonly settled = new Set<string>()
  private readonly awaitingAnswer = new Map<string, AssetRequest>()
  private readonly breaker: Breaker
  private stoppedBy?: Error

  constructor(
    readonly files: LocalFile[],
    private readonly options: Pick<UploadOptions, 'baseUrl' | 'concurrency' | 'failFast' | 'signal' | 'onConfirmed'>
  ) {
    this.breaker = new Breaker(options.baseUrl, options.concurrency)
  }

  shouldStop(): boolean {
    if (this.options.signal?.aborted) this.stoppedBy ??= new CancelledError()
    return this.stoppedBy !== undefined
  }

  /** The file's asset-creating request is out (or no longer): if the run ends now, it may exist. */
  awaiting(file: LocalFile, request: AssetRequest | undefined): void {
    if (request === undefined) this.awaitingAnswer.delete(file.relativePath)
    else this.awaitingAnswer.set(file.relativePath, request)
  }

  confirm(upload: ConfirmedUpload): void {
    if (this.settled.has(upload.file.relativePath)) return
    this.settled.add(upload.file.relativePath)
    this.awaitingAnswer.delete(upload.file.relativePath)
    this.breaker.confirmed()
    this.confirmed.push(upload)
    this.options.onConfirmed?.(upload)
  }

  /** `note` adds to the error's message, e.g. that an earlier attempt may have been registered. */
  fail(file: LocalFile, step: FailedStep, error: unknown, note = ''): void {
    if (this.settled.has(file.relativePath)) return
    this.settled.add(file.relativePath)
    this.awaitingAnswer.delete(file.relativePath)
    const cancelled = error instanceof CancelledError || this.options.signal?.aborted === true
    const tripped = this.breaker.failed(error, cancelled)
    if (tripped) this.stoppedBy ??= tripped
    if (cancelled) this.stoppedBy ??= new CancelledError()
    if (this.options.failFast) this.stoppedBy ??= new FailFastError(file)
    const status = error instanceof HttpError ? error.status : undefined
    const message = [errorMessage(error), note, advice(error)].filter(Boolean).map(withStop).join(' ')
    this.failed.push({ file, step, status, message })
  }

  /** The outcome so far, in file order (which is path order); files not settled are unknown or not started. */
  result(): UploadOutcome {
    // A run cancelled after its last file had started (its confirms were waited for) was still cancelled.
    this.shouldStop()
    const byFileOrder = (a: { file: LocalFile }, b: { file: LocalFile }): number =>
      compareText(a.file.relativePath, b.file.relativePath)
    const reason = notStartedReason(this.stoppedBy)
    const unsettled: FailedUpload[] = this.files
      .filter(file => !this.settled.has(file.relativePath))
      .map(file => {
        const request = this.awaitingAnswer.get(file.relativePath)
        if (request === undefined) return { file, step: 'not-started', message: reason }
        return { file, step: `${request}-unknown`, message: unansweredMessage(request) }
      })
    return {
      confirmed: [...this.confirmed].sort(byFileOrder),
      failed: [...this.failed, ...unsettled].sort(byFileOrder),
      stoppedBy: this.stoppedBy
    }
  }
}

/** What to do about a file that failed for good, where the error itself cannot say it (it is also retried). */
function advice(error: unknown): string {
  return error instanceof FileChangedError
    ? 'It was still changing on the last attempt: upload it again once it is complete.'
    : ''
}

function unansweredMessage(request: AssetRequest): string {
  return (
    `the ${request} request was sent, but the run ended before Netiks answered it: the asset may exist ` +
    'on Netiks. Check before uploading this file again.'
  )
}

function notStartedReason(stoppedBy: Error | undefined): string {
  if (stoppedBy instanceof CancelledError) return 'not uploaded: the run was cancelled first'
  if (stoppedBy instanceof AuthError) return 'not uploaded: the api-key was rejected'
  if (stoppedBy instanceof FailFastError) return `not uploaded: ${stoppedBy.message}`
  if (stoppedBy !== undefined) return `not uploaded: the run stopped first (${stoppedBy.name})`
  return 'not uploaded: the run ended before this file finished'
}
