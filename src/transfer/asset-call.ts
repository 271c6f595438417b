import { randomUUID } from 'node:crypto'
import { countOf } from '../format.js'
import { HttpError, NetworkError, ProtocolError } from '../netiks/errors.js'
import type { AssetReply, NetiksAsset } from '../netiks/types.js'
import { isInertText, isPlainAssetId } from '../netiks/values.js'
import { FileChangedError, type ConfirmedUpload, type FailedStep, type LocalFile } from '../model.js'
import { restat } from '../netiks/body.js'
import { runPool } from '../pool.js'
import type { AssetRequest, Transfer, UploadOptions } from './outcome.js'
import { withRetries } from './retry.js'

/**
 * The asset call ended without an answer to trust, after an attempt that may have registered the
 * asset: the file is reported as `${request}-unknown`, with `last`'s message and then this one's.
 * Not retried: a repeat could register the file a second time.
 */
class UnknownOutcomeError extends Error {
  constructor(
    readonly request: AssetRequest,
    readonly last: unknown,
    message: string
  ) {
    super(message)
    this.name = 'UnknownOutcomeError'
  }
}

/** What an attempt of an asset call sent, for the record, beside the server's answer. */
interface AssetAttempt {
  reply: AssetReply
  file: LocalFile
  sha256: string
  /** Where the bytes went, when the answer does not say. */
  storageUrl: string
  contentType: string
}

/**
 * Every attempt carries the same Idempotency-Key. An ambiguous failure (sent, then no answer or
 * 500/502/504) is retried too, since a missing asset is worse than a duplicate, but marked as a
 * possible duplicate. The recorder is told while the request is out, so a run ending early reports
 * the file as possibly registered rather than not uploaded.
 */
export async function callCreatingAsset(
  { recorder, options }: Pick<Transfer, 'recorder' | 'options'>,
  request: AssetRequest,
  file: LocalFile,
  attempt: (idempotencyKey: string, markSent: () => void, lastError: unknown) => Promise<AssetAttempt>,
  signal?: AbortSignal
): Promise<ConfirmedUpload> {
  const idempotencyKey = randomUUID()
  let ambiguous = false
  let sent: AssetAttempt
  try {
    sent = await withRetries(
      async lastError => await attempt(idempotencyKey, () => recorder.awaiting(file, request), lastError),
      options.retry,
      {
        signal,
        onFailure: kind => {
          if (kind === 'ambiguous') ambiguous = true
          if (!ambiguous) recorder.awaiting(file, undefined)
        },
        onRetry: (retry, delay, error) => options.onRetry?.(file, request, retry, delay, error)
      }
    )
  } catch (error) {
    // A 2xx the client cannot read was still a success on the server's side.
    if (!ambiguous && !(error instanceof ProtocolError)) throw error
    const note = `An earlier ${request} attempt may have registered the asset on Netiks: check before uploading again.`
    throw new UnknownOutcomeError(request, error, note)
  }
  const { asset, replayed } = sent.reply
  const upload = {
    file: sent.file,
    assetId: asset.id,
    recordedName: recordedNameOf(sent.file, asset),
    storageUrl: asset.storage_url ?? sent.storageUrl,
    contentType: sent.contentType,
    sha256: sent.sha256,
    possibleDuplicate: ambiguous && !replayed
  }
  const problem = answerProblem(asset, upload)
  if (problem === undefined) return upload
  // Nothing of an answer that cannot be trusted reaches the outputs or the manifest.
  const untrusted = new Error(`Netiks answered the ${request} with ${problem}, so the upload is not confirmed`)
  const note = 'The asset may exist on Netiks: check before uploading this file again.'
  throw new UnknownOutcomeError(request, untrusted, note)
}

/** A failure is recorded under the step its error names, else `step`. */
export async function uploadEach<T>(
  { recorder, options }: Pick<Transfer, 'recorder' | 'options'>,
  items: Iterable<T> | AsyncIterable<T>,
  how: { fileOf: (item: T) => LocalFile; step: FailedStep; send: (item: T) => Promise<ConfirmedUpload> }
): Promise<void> {
  const worker = async (item: T): Promise<void> => {
    const file = how.fileOf(item)
    try {
      recorder.confirm(await how.send(item))
    } catch (error) {
      if (error instanceof UnknownOutcomeError) {
        recorder.fail(file, `${error.request}-unknown`, error.last, error.message)
      } else recorder.fail(file, stepOf(error, how.step), error)
    } finally {
      options.progress?.finished(file)
    }
  }
  await runPool(items, options.concurrency, worker, () => recorder.shouldStop())
}

/** After a body found it changed, the file as it is now (the caller is told); its progress count starts over. */
export function fileForAttempt(
  found: LocalFile,
  current: LocalFile,
  lastError: unknown,
  options: Pick<UploadOptions, 'onFileChanged' | 'progress'>
): LocalFile {
  const now = lastError instanceof FileChangedError ? restat(current) : current
  if (now !== current) options.onFileChanged?.(current, now)
  options.progress?.started(found)
  return now
}

/** The step an error names, else the step the strategy was in. */
function stepOf(error: unknown, fallback: FailedStep): FailedStep {
  const named = error instanceof HttpError || error instanceof NetworkError || error instanceof ProtocolError
  return named ? error.step : fallback
}

/** Trusted into the outputs: every value taken from it is inert text, and its `file_size` is the bytes sent. */
function answerProblem(asset: NetiksAsset, upload: ConfirmedUpload): string | undefined {
  const { file, assetId, recordedName, storageUrl, contentType } = upload
  if (!isPlainAssetId(assetId)) {
    return `an asset id that is not a plain id (letters and digits, then . _ ~ : + = / -, at most 256): ${shown(assetId)}`
  }
  if (asset.asset_name !== undefined && asset.asset_name !== null && typeof asset.asset_name !== 'string') {
    return `asset ${assetId} with an asset_name that is not text (${shown(asset.asset_name)})`
  }
  const size = asset.file_size
  if (size !== undefined && size !== null && size !== file.size) {
    return `asset ${assetId} of file_size ${shown(size)}, but ${countOf(file.size, 'byte')} ${file.size === 1 ? 'was' : 'were'} sent`
  }
  if (!isNameSent(recordedName, file.name) && !isInertText(recordedName)) {
    return (
      `asset ${assetId} recorded under the name ${shown(recordedName)}, which holds what could pass for a line ` +
      `or a workflow command of its own, and the name sent (${shown(file.name)}) did not`
    )
  }
  if (typeof storageUrl !== 'string' || !isInertText(storageUrl)) {
    return `asset ${assetId} with a storage_url that is not inert text (${shown(storageUrl)})`
  }
  if (typeof contentType !== 'string' || !isInertText(contentType)) {
    return `asset ${assetId} with a content type that is not inert text (${shown(contentType)})`
  }
  return undefined
}

/** The name sent, or what Django keeps of it: the part after its last `/` or `\`. */
function isNameSent(recorded: string, sent: string): boolean {
  return recorded === sent || sent.endsWith(`/${recorded}`) || sent.endsWith(`\\${recorded}`)
}

/** A value from the server in a message: JSON (so its type shows), cut short. Escaped where it is written. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 100 ? `${text.slice(0, 100)}…` : text
}

/** The name the server says it recorded, else the name that was sent (the same string when they agree). */
function recordedNameOf(file: LocalFile, asset: NetiksAsset): string {
  return typeof asset.asset_name === 'string' && asset.asset_name !== '' && asset.asset_name !== file.name
    ? asset.asset_name
    : file.name
}
