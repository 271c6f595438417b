import { PRESIGN_BATCH_SIZE } from '../config/constants.js'
import { ProtocolError } from '../netiks/errors.js'
import { openFileBody } from '../netiks/body.js'
import type { NetiksClient } from '../netiks/client.js'
import type { ConfirmedUpload, FailedStep, LocalFile } from '../model.js'
import type { PresignedEntry } from '../netiks/types.js'
import { callCreatingAsset, failureOfAssetCall } from './asset-call.js'
import { MAX_URL_REFRESHES, isExpiredUrlRefusal } from './expiry.js'
import { fileAsItIsNow } from './file-state.js'
import { OutcomeRecorder, checkedAnswer, recordedNameOf, stepOf, type UploadOptions } from './outcome.js'
import { runPool } from '../pool.js'
import { withRetries, type RetryHooks } from './retry.js'

/** A file paired with the presigned URL generated for it. */
export interface PresignedTicket {
  file: LocalFile
  entry: PresignedEntry
}

/** Bytes per generate call beyond the first file: bounds how long a batch's URLs wait. */
const BATCH_MAX_BYTES = 1024 * 1024 * 1024

/** Mode 2 for many files: generate → PUT → confirm, `concurrency` files at a time. */
export async function uploadPresigned(
  client: NetiksClient,
  recorder: OutcomeRecorder,
  options: UploadOptions
): Promise<void> {
  const feed = new PresignedFeed(recorder.files, {
    lookahead: options.concurrency,
    shouldStop: () => recorder.shouldStop(),
    generate: async batch => await generateWithRetries(client, batch, options),
    onBatchFailed: (batch, error) => batch.forEach(file => recorder.fail(file, 'generate', error))
  })
  await runPool(
    feed,
    options.concurrency,
    async ticket => {
      try {
        recorder.confirm(await putAndConfirm(client, ticket, recorder, options))
      } catch (error) {
        const failure = failureOfAssetCall(error, stepOf(error, 'put'))
        recorder.fail(ticket.file, failure.step, failure.error, failure.note)
      } finally {
        options.progress?.finished(ticket.file)
      }
    },
    () => recorder.shouldStop()
  )
}

/**
 * Steps 2 and 3 for one file. The confirm is sent only after a PUT succeeded, and only for
 * the URL that PUT went to. Cancelling does not stop a confirm: the bytes are stored, and the
 * run's deadline decides how long it may take.
 */
export async function putAndConfirm(
  client: NetiksClient,
  ticket: PresignedTicket,
  recorder: OutcomeRecorder,
  options: Pick<UploadOptions, 'retry' | 'signal' | 'onRetry' | 'onUrlRefresh' | 'onFileChanged' | 'progress'>
): Promise<ConfirmedUpload> {
  const put = await putWithFreshUrls(client, ticket, options)
  const { reply, possibleDuplicate } = await callCreatingAsset(
    'confirm',
    ticket.file,
    async (idempotencyKey, markSent) => {
      markSent()
      return await client.confirmUpload(put.entry, put.file.size, { idempotencyKey })
    },
    { recorder, options }
  )
  return checkedAnswer('confirm', reply.asset, {
    file: put.file,
    assetId: reply.asset.id,
    recordedName: recordedNameOf(put.file, reply.asset),
    storageUrl: reply.asset.storage_url ?? put.entry.storage_url,
    contentType: put.entry.content_type,
    sha256: put.sha256,
    possibleDuplicate
  })
}

/**
 * PUTs the file, re-opening it for every attempt. A URL that S3 refuses as expired is
 * replaced by a freshly generated one (at most MAX_URL_REFRESHES times, whatever `retries`).
 */
async function putWithFreshUrls(
  client: NetiksClient,
  ticket: PresignedTicket,
  options: Pick<UploadOptions, 'retry' | 'signal' | 'onRetry' | 'onUrlRefresh' | 'onFileChanged' | 'progress'>
): Promise<{ entry: PresignedEntry; sha256: string; file: LocalFile }> {
  const { file } = ticket
  let entry = ticket.entry
  let current = file
  let lastError: unknown
  for (let refresh = 0; ; refresh++) {
    try {
      const sha256 = await withRetries(
        async () => {
          current = fileAsItIsNow(current, lastError, options)
          options.progress?.started(file)
          const body = openFileBody(current, bytes => options.progress?.sent(file, bytes))
          try {
            await client.putObject(entry, body, options.signal)
          } catch (error) {
            lastError = error
            throw error
          }
          return body.sha256()
        },
        options.retry,
        retryHooks(file, 'put', options, options.signal)
      )
      return { entry, sha256, file: current }
    } catch (error) {
      if (!isExpiredUrlRefusal(error, entry.presigned_url) || refresh >= MAX_URL_REFRESHES) throw error
      options.onUrlRefresh?.({ file, refresh: refresh + 1, error })
      ;[{ entry }] = await generateWithRetries(client, [current], options)
    }
  }
}

async function generateWithRetries(
  client: NetiksClient,
  batch: LocalFile[],
  options: Pick<UploadOptions, 'retry' | 'signal' | 'onRetry'>
): Promise<PresignedTicket[]> {
  const entries = await withRetries(
    async () =>
      await client.generatePresignedUrls(
        batch.map(file => ({ name: file.name, type: file.contentType, size: file.size })),
        options.signal
      ),
    options.retry,
    retryHooks(batch[0], 'generate', options, options.signal)
  )
  return pairEntries(batch, entries)
}

function retryHooks(
  file: LocalFile,
  step: FailedStep,
  options: Pick<UploadOptions, 'onRetry'>,
  signal: AbortSignal | undefined
): RetryHooks {
  return { signal, onRetry: (retry, delay, error) => options.onRetry?.(file, step, retry, delay, error) }
}

interface FeedOptions {
  /** Keep at least this many tickets ready while files remain. */
  lookahead: number
  shouldStop: () => boolean
  generate: (batch: LocalFile[]) => Promise<PresignedTicket[]>
  onBatchFailed: (files: LocalFile[], error: unknown) => void
}

/**
 * Hands out presigned tickets in file order, generating URLs in batches only as they are
 * about to be used: a batch is asked for when fewer than `lookahead` tickets are ready, so a
 * long queue never holds URLs that could expire before their turn.
 */
export class PresignedFeed implements AsyncIterable<PresignedTicket> {
  private readonly ready: PresignedTicket[] = []
  private cursor = 0
  private generating?: Promise<void>

  constructor(
    private readonly files: LocalFile[],
    private readonly options: FeedOptions
  ) {}

  [Symbol.asyncIterator](): AsyncIterator<PresignedTicket> {
    return { next: async () => await this.next() }
  }

  async next(): Promise<IteratorResult<PresignedTicket>> {
    for (;;) {
      if (this.options.shouldStop()) return { done: true, value: undefined }
      const ticket = this.ready.shift()
      if (ticket !== undefined) {
        if (this.ready.length < this.options.lookahead) void this.generateNextBatch()
        return { done: false, value: ticket }
      }
      if (this.cursor >= this.files.length && this.generating === undefined) {
        return { done: true, value: undefined }
      }
      await this.generateNextBatch()
    }
  }

  private generateNextBatch(): Promise<void> {
    if (this.generating === undefined && this.cursor < this.files.length && !this.options.shouldStop()) {
      const batch = nextBatch(this.files, this.cursor)
      this.cursor += batch.length
      this.generating = this.generate(batch).finally(() => {
        this.generating = undefined
      })
    }
    return this.generating ?? Promise.resolve()
  }

  private async generate(batch: LocalFile[]): Promise<void> {
    try {
      this.ready.push(...(await this.options.generate(batch)))
    } catch (error) {
      this.options.onBatchFailed(batch, error)
    }
  }
}

/** Every batch of generate calls the bulk flow will make for these files, in order. */
export function planBatches(files: LocalFile[]): LocalFile[][] {
  const batches: LocalFile[][] = []
  for (let start = 0; start < files.length; start += batches[batches.length - 1].length) {
    batches.push(nextBatch(files, start))
  }
  return batches
}

/** Up to PRESIGN_BATCH_SIZE files and BATCH_MAX_BYTES, but always at least one file. */
export function nextBatch(files: LocalFile[], start: number): LocalFile[] {
  const batch: LocalFile[] = []
  let bytes = 0
  for (let i = start; i < files.length && batch.length < PRESIGN_BATCH_SIZE; i++) {
    if (batch.length > 0 && bytes + files[i].size > BATCH_MAX_BYTES) break
    batch.push(files[i])
    bytes += files[i].size
  }
  return batch
}

/**
 * Pairs each file with its entry: by position when the names agree (names can repeat within a
 * batch), otherwise by the first unused entry of that name.
 */
export function pairEntries(files: LocalFile[], entries: PresignedEntry[]): PresignedTicket[] {
  const used = new Set<number>()
  return files.map((file, index) => {
    let position = entries[index]?.file_name === file.name && !used.has(index) ? index : -1
    if (position < 0) position = entries.findIndex((entry, i) => !used.has(i) && entry.file_name === file.name)
    if (position < 0) {
      throw new ProtocolError('generate', `generate answered no presigned URL for "${file.name}".`)
    }
    used.add(position)
    const entry = entries[position]
    if (typeof entry.presigned_url !== 'string' || typeof entry.s3_path !== 'string') {
      throw new ProtocolError('generate', `generate answered an incomplete entry for "${file.name}".`)
    }
    return { file, entry: { ...entry, content_type: entry.content_type || file.contentType } }
  })
}
