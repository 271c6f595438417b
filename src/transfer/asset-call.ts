import { randomUUID } from 'node:crypto'
import { ProtocolError } from '../netiks/errors.js'
import type { AssetReply } from '../netiks/types.js'
import type { ConfirmedUpload, FailedStep, LocalFile } from '../model.js'
import { runPool } from '../pool.js'
import { checkedAnswer, recordedNameOf, stepOf } from './outcome.js'
import type { AssetRequest, OutcomeRecorder, UploadOptions } from './outcome.js'
import { withRetries } from './retry.js'

/** The asset call failed for good after an attempt that may have registered the asset. */
export class MaybeRegisteredError extends Error {
  constructor(
    readonly request: AssetRequest,
    readonly last: unknown
  ) {
    super(`An earlier ${request} attempt may have registered the asset on Netiks: check before uploading again.`)
    this.name = 'MaybeRegisteredError'
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
  request: AssetRequest,
  file: LocalFile,
  context: { recorder: OutcomeRecorder; options: Pick<UploadOptions, 'retry' | 'onRetry'>; signal?: AbortSignal },
  attempt: (idempotencyKey: string, markSent: () => void, lastError: unknown) => Promise<AssetAttempt>
): Promise<ConfirmedUpload> {
  const { recorder, options } = context
  const idempotencyKey = randomUUID()
  let ambiguous = false
  let sent: AssetAttempt
  try {
    sent = await withRetries(
      async lastError => await attempt(idempotencyKey, () => recorder.awaiting(file, request), lastError),
      options.retry,
      {
        signal: context.signal,
        onFailure: kind => {
          if (kind === 'ambiguous') ambiguous = true
          if (!ambiguous) recorder.awaiting(file, undefined)
        },
        onRetry: (retry, delay, error) => options.onRetry?.(file, request, retry, delay, error)
      }
    )
  } catch (error) {
    // A 2xx the client cannot read was still a success on the server's side.
    if (ambiguous || error instanceof ProtocolError) throw new MaybeRegisteredError(request, error)
    throw error
  }
  const { asset, replayed } = sent.reply
  return checkedAnswer(request, asset, {
    file: sent.file,
    assetId: asset.id,
    recordedName: recordedNameOf(sent.file, asset),
    storageUrl: asset.storage_url ?? sent.storageUrl,
    contentType: sent.contentType,
    sha256: sent.sha256,
    possibleDuplicate: ambiguous && !replayed
  })
}

/** A failure is recorded under the step its error names, else `step`. */
export async function uploadEach<T>(
  items: Iterable<T> | AsyncIterable<T>,
  recorder: OutcomeRecorder,
  options: Pick<UploadOptions, 'concurrency' | 'progress'>,
  how: { fileOf: (item: T) => LocalFile; step: FailedStep; send: (item: T) => Promise<ConfirmedUpload> }
): Promise<void> {
  const worker = async (item: T): Promise<void> => {
    const file = how.fileOf(item)
    try {
      recorder.confirm(await how.send(item))
    } catch (error) {
      if (error instanceof MaybeRegisteredError) {
        recorder.fail(file, `${error.request}-unknown`, error.last, error.message)
      } else recorder.fail(file, stepOf(error, how.step), error)
    } finally {
      options.progress?.finished(file)
    }
  }
  await runPool(items, options.concurrency, worker, () => recorder.shouldStop())
}
