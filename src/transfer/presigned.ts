import { PRESIGN_BATCH_SIZE } from '../constants.js'
import { HttpError, ProtocolError } from '../errors.js'
import { runPool } from './pool.js'
import { withRetries, type RetryHooks } from './retry.js'
import { openFileBody } from '../netiks/body.js'
import type { NetiksClient } from '../netiks/client.js'
import { OutcomeRecorder, checkAssetSize, type UploadOptions } from './outcome.js'
import type { ConfirmedUpload, FailedStep, LocalFile, PresignedEntry } from '../netiks/types.js'

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
        recorder.confirm(await putAndConfirm(client, ticket, options))
      } catch (error) {
        recorder.fail(ticket.file, 'put', error)
      } finally {
        options.progress?.finished(ticket.file)
      }
    },
    () => recorder.shouldStop()
  )
}

/**
 * Steps 2 and 3 for one file. The confirm is sent only after a PUT succeeded, and only for
 * the URL that PUT went to; once a confirm has answered with an id it is never sent again.
 */
export async function putAndConfirm(
  client: NetiksClient,
  ticket: PresignedTicket,
  options: Pick<UploadOptions, 'retry' | 'signal' | 'confirmSignal' | 'onRetry' | 'progress'>
): Promise<ConfirmedUpload> {
  const { file } = ticket
  const { entry, sha256 } = await putWithFreshUrls(client, ticket, options)
  const { asset } = await withRetries(
    async () => await client.confirmUpload(entry, file.size, { signal: options.confirmSignal }),
    options.retry,
    retryHooks(file, 'confirm', options, options.confirmSignal)
  )
  checkAssetSize(file, asset, 'confirm')
  return { file, asset, storageUrl: asset.storage_url ?? entry.storage_url, contentType: entry.content_type, sha256 }
}

/**
 * PUTs the file, re-opening it for every attempt. A URL that expired while it waited is
 * replaced by a freshly generated one (at most `retries` times) rather than retried.
 */
async function putWithFreshUrls(
  client: NetiksClient,
  ticket: PresignedTicket,
  options: Pick<UploadOptions, 'retry' | 'signal' | 'onRetry' | 'progress'>
): Promise<{ entry: PresignedEntry; sha256: string }> {
  const { file } = ticket
  let entry = ticket.entry
  for (let refresh = 0; ; refresh++) {
    try {
      const sha256 = await withRetries(
        async () => {
          options.progress?.started(file)
          const body = openFileBody(file, bytes => options.progress?.sent(file, bytes))
          await client.putObject(entry, body, options.signal)
          return body.sha256()
        },
        options.retry,
        retryHooks(file, 'put', options, options.signal)
      )
      return { entry, sha256 }
    } catch (error) {
      if (!isExpiredUrl(error) || refresh >= options.retry.retries) throw error
      options.onRetry?.(file, 'generate', refresh + 1, 0, error)
      ;[entry] = (await generateWithRetries(client, [file], options)).map(ticket => ticket.entry)
    }
  }
}

export function isExpiredUrl(error: unknown): boolean {
  return (
    error instanceof HttpError && error.step === 'put' && error.status === 403 && /expired/i.test(error.serverMessage)
  )
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
