import { compareText } from '../format.js'
import { AuthError, CancelledError, HttpError, NetworkError, ProtocolError, errorMessage } from '../errors.js'
import type {
  ConfirmedUpload,
  FailedStep,
  FailedUpload,
  LocalFile,
  NetiksAsset,
  UploadOutcome
} from '../netiks/types.js'
import { RepeatedFailureError, repeatedFailureLimit, systemicCause, transientCause } from './breaker.js'
import { holdInMemory, type HeldUpload, type Holder } from './held.js'
import type { RetryPolicy } from './retry.js'

/** Told how far each file's bytes have gone, so the caller can report long transfers. */
export interface TransferTracker {
  /** A transfer of the file begins (again, on a retry: its count starts over). */
  started(file: LocalFile): void
  sent(file: LocalFile, bytes: number): void
  /** The file is done with, confirmed or not. */
  finished(file: LocalFile): void
}

/** A presigned URL was replaced by a fresh one, because S3 refused it as expired. */
export interface UrlRefresh {
  file: LocalFile
  /** 1 for the first fresh URL of this file. */
  refresh: number
  /** S3's refusal. */
  error: unknown
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
  onFailed?: (failure: FailedUpload) => void
  onRetry?: (file: LocalFile, step: FailedStep, retry: number, delayMs: number, error: unknown) => void
  onUrlRefresh?: (refresh: UrlRefresh) => void
  /** The file changed after it was found; it is sent as it is now. */
  onFileChanged?: (before: LocalFile, now: LocalFile) => void
  progress?: TransferTracker
}

/** Raised into `stoppedBy` when fail-fast ends a run. */
export class FailFastError extends Error {
  constructor(file: LocalFile) {
    super(`fail-fast: stopped starting new files after ${file.relativePath} failed`)
    this.name = 'FailFastError'
  }
}

/** An asset-creating request that was sent and not yet answered. */
type Unsettled = 'upload' | 'confirm'

/**
 * What each file became while a run goes on. It decides when the run must stop early — a
 * systemic failure would fail every file alike, a cancelled run starts nothing, fail-fast
 * stops after the first failure — and can report at any moment, even mid-run: a file whose
 * asset-creating request is out and unanswered is then reported as possibly existing.
 */
export class OutcomeRecorder {
  private readonly confirmed: HeldUpload[] = []
  private readonly failed: FailedUpload[] = []
  /** Keyed by relative path: a file that changed is sent as a fresh copy of its record. */
  private readonly settled = new Set<string>()
  private readonly awaitingAnswer = new Map<string, Unsettled>()
  /** Files failed in a row from one transient cause, with none confirmed since. */
  private streak?: { cause: string; files: number }
  private stoppedBy?: Error

  constructor(
    readonly files: LocalFile[],
    private readonly options: Pick<
      UploadOptions,
      'baseUrl' | 'concurrency' | 'failFast' | 'signal' | 'onConfirmed' | 'onFailed'
    >,
    /** Where confirmed uploads are kept until the report (see DetailsSpool). */
    private readonly hold: Holder = holdInMemory
  ) {}

  shouldStop(): boolean {
    if (this.options.signal?.aborted) this.stoppedBy ??= new CancelledError()
    return this.stoppedBy !== undefined
  }

  /** The file's asset-creating request is out (or no longer): if the run ends now, it may exist. */
  awaiting(file: LocalFile, request: Unsettled | undefined): void {
    if (request === undefined) this.awaitingAnswer.delete(file.relativePath)
    else this.awaitingAnswer.set(file.relativePath, request)
  }

  confirm(upload: ConfirmedUpload): void {
    if (this.settled.has(upload.file.relativePath)) return
    // Kept before the file counts as settled: a confirmed asset must reach the report, whatever
    // happens to where it is kept (the spool falls back to memory by itself; this is the last net).
    let held: HeldUpload
    try {
      held = this.hold(upload)
    } catch {
      held = holdInMemory(upload)
    }
    this.settled.add(upload.file.relativePath)
    this.awaitingAnswer.delete(upload.file.relativePath)
    this.streak = undefined
    this.confirmed.push(held)
    this.options.onConfirmed?.(upload)
  }

  /** `note` adds to the error's message, e.g. that an earlier attempt may have been registered. */
  fail(file: LocalFile, step: FailedStep, error: unknown, note = ''): void {
    if (this.settled.has(file.relativePath)) return
    this.settled.add(file.relativePath)
    this.awaitingAnswer.delete(file.relativePath)
    const systemic = systemicCause(error, this.options.baseUrl) ?? this.repeatedFailure(error)
    if (systemic) this.stoppedBy ??= systemic
    if (error instanceof CancelledError || this.options.signal?.aborted) this.stoppedBy ??= new CancelledError()
    if (this.options.failFast) this.stoppedBy ??= new FailFastError(file)
    const failure: FailedUpload = {
      file,
      step,
      status: error instanceof HttpError ? error.status : undefined,
      message: note ? `${errorMessage(error)} ${note}` : errorMessage(error)
    }
    this.failed.push(failure)
    this.options.onFailed?.(failure)
  }

  /** A streak of files failing from one transient cause, long enough to say the server is down. */
  private repeatedFailure(error: unknown): Error | undefined {
    const cause = transientCause(error)
    if (cause === undefined || this.options.signal?.aborted) {
      this.streak = undefined
      return undefined
    }
    this.streak = this.streak?.cause === cause ? { cause, files: this.streak.files + 1 } : { cause, files: 1 }
    if (this.streak.files < repeatedFailureLimit(this.options.concurrency)) return undefined
    return new RepeatedFailureError(this.streak.files, error)
  }

  /** The outcome so far, in file order; files not settled yet are reported as unknown or not started. */
  result(): UploadOutcome {
    // The files are in path order: sorting by path puts everything in file order, with no index.
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

function unansweredMessage(request: Unsettled): string {
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

/** The step an error names, else the step the strategy was in. */
export function stepOf(error: unknown, fallback: FailedStep): FailedStep {
  if (error instanceof HttpError || error instanceof NetworkError || error instanceof ProtocolError) {
    return error.step
  }
  return fallback
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

/** The name the server says it recorded, else the name that was sent. */
export function recordedNameOf(file: LocalFile, asset: NetiksAsset): string {
  // The sent name itself when they agree, so that 100,000 records do not hold each name twice.
  return typeof asset.asset_name === 'string' && asset.asset_name !== '' && asset.asset_name !== file.name
    ? asset.asset_name
    : file.name
}
