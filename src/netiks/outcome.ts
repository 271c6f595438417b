import { AuthError, CancelledError, HttpError, NetworkError, ProtocolError, errorMessage } from '../errors.js'
import type { ConfirmedUpload, FailedUpload, LocalFile, NetiksAsset, UploadOptions, UploadOutcome } from './types.js'

/**
 * Collects what each file became while a strategy runs, and decides when the run must stop
 * early: a refused api key would be refused for every file, and a cancelled run starts nothing.
 */
export class OutcomeRecorder {
  private readonly confirmed: ConfirmedUpload[] = []
  private readonly failed: FailedUpload[] = []
  private readonly started = new Set<LocalFile>()
  private fatal?: Error

  constructor(
    private readonly files: LocalFile[],
    private readonly options: UploadOptions
  ) {}

  shouldStop(): boolean {
    return this.fatal !== undefined || this.options.signal?.aborted === true
  }

  markStarted(file: LocalFile): void {
    this.started.add(file)
  }

  confirm(upload: ConfirmedUpload): void {
    this.confirmed.push(upload)
    this.options.onConfirmed?.(upload)
  }

  fail(file: LocalFile, fallbackStep: FailedUpload['step'], error: unknown): void {
    this.started.add(file)
    if (error instanceof AuthError) {
      this.fatal ??= error
    }
    if (error instanceof CancelledError || this.options.signal?.aborted) {
      this.fatal ??= new CancelledError()
    }
    const failure: FailedUpload = {
      file,
      step: stepOf(error) ?? fallbackStep,
      status: error instanceof HttpError ? error.status : undefined,
      message: errorMessage(error)
    }
    this.failed.push(failure)
    this.options.onFailed?.(failure)
  }

  result(): UploadOutcome {
    const order = new Map(this.files.map((file, index) => [file, index]))
    const byFileOrder = (a: { file: LocalFile }, b: { file: LocalFile }): number =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0)
    return {
      confirmed: [...this.confirmed].sort(byFileOrder),
      failed: [...this.failed].sort(byFileOrder),
      notStarted: this.files.filter(file => !this.started.has(file)),
      fatal: this.fatal
    }
  }
}

function stepOf(error: unknown): FailedUpload['step'] | undefined {
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
