import { PRESIGN_BATCH_SIZE } from '../config/constants.js'
import { ProtocolError } from '../netiks/errors.js'
import { openFileBody } from '../netiks/body.js'
import type { ConfirmedUpload, FailedStep, LocalFile } from '../model.js'
import type { PresignedEntry } from '../netiks/types.js'
import { callCreatingAsset, fileForAttempt, uploadEach } from './asset-call.js'
import { MAX_URL_REFRESHES, isExpiredUrlRefusal } from './expiry.js'
import type { Transfer, UploadOptions } from './outcome.js'
import { withRetries, type RetryHooks } from './retry.js'

interface PresignedTicket {
  file: LocalFile
  entry: PresignedEntry
}

/** Bytes per generate call beyond the first file: bounds how long a batch's URLs wait. */
const BATCH_MAX_BYTES = 1024 * 1024 * 1024

/** Mode 2 for many files: generate → PUT → confirm, `concurrency` files at a time. */
export async function uploadPresigned(run: Transfer): Promise<void> {
  await uploadEach(run, presignedTickets(run), {
    fileOf: ticket => ticket.file,
    step: 'put',
    send: async ticket => await putAndConfirm(run, ticket)
  })
}

/** URLs are generated a batch at a time as they are about to be used, so none expires waiting its turn. */
async function* presignedTickets(run: Transfer): AsyncGenerator<PresignedTicket> {
  const { recorder, options } = run
  const batches = planBatches(recorder.files)
  const ready: PresignedTicket[] = []
  let next = 0
  let generating: Promise<void> | undefined
  for (;;) {
    if (recorder.shouldStop()) return
    if (generating === undefined && ready.length <= options.concurrency && next < batches.length) {
      const batch = batches[next++]
      generating = generate(run, batch)
        .then(
          tickets => void ready.push(...tickets),
          (error: unknown) => batch.forEach(file => recorder.fail(file, 'generate', error))
        )
        .finally(() => {
          generating = undefined
        })
    }
    const ticket = ready.shift()
    if (ticket !== undefined) yield ticket
    else if (generating !== undefined) await generating
    else return
  }
}

/**
 * Steps 2 and 3 for one file. The confirm is sent only after a PUT succeeded, and only for
 * the URL that PUT went to. Cancelling does not stop a confirm: the bytes are stored, and the
 * run's deadline decides how long it may take.
 */
async function putAndConfirm(run: Transfer, ticket: PresignedTicket): Promise<ConfirmedUpload> {
  const put = await putWithFreshUrls(run, ticket)
  return await callCreatingAsset(run, 'confirm', ticket.file, async (idempotencyKey, markSent) => {
    markSent()
    const reply = await run.client.confirmUpload(put.entry, put.file.size, { idempotencyKey })
    return { ...put, reply, storageUrl: put.entry.storage_url, contentType: put.entry.content_type }
  })
}

/**
 * PUTs the file, re-opening it for every attempt. A URL that S3 refuses as expired is
 * replaced by a freshly generated one (at most MAX_URL_REFRESHES times, whatever `retries`).
 */
async function putWithFreshUrls(
  run: Transfer,
  ticket: PresignedTicket
): Promise<{ entry: PresignedEntry; sha256: string; file: LocalFile }> {
  const { client, options } = run
  let { file, entry } = ticket
  for (let refresh = 1; ; refresh++) {
    try {
      const sha256 = await withRetries(
        async lastError => {
          file = fileForAttempt(ticket.file, file, lastError, options)
          const body = openFileBody(file, bytes => options.progress?.sent(ticket.file, bytes))
          await client.putObject(entry, body, options.signal)
          return body.sha256()
        },
        options.retry,
        retryHooks(ticket.file, 'put', options)
      )
      return { entry, sha256, file }
    } catch (error) {
      if (!isExpiredUrlRefusal(error, entry.presigned_url) || refresh > MAX_URL_REFRESHES) throw error
      options.onUrlRefresh?.({ file: ticket.file, refresh, error })
      ;[{ entry }] = await generate(run, [file])
    }
  }
}

async function generate({ client, options }: Transfer, batch: LocalFile[]): Promise<PresignedTicket[]> {
  const entries = await withRetries(
    async () =>
      await client.generatePresignedUrls(
        batch.map(file => ({ name: file.name, type: file.contentType, size: file.size })),
        options.signal
      ),
    options.retry,
    retryHooks(batch[0], 'generate', options)
  )
  return pairEntries(batch, entries)
}

function retryHooks(file: LocalFile, step: FailedStep, options: Pick<UploadOptions, 'signal' | 'onRetry'>): RetryHooks {
  return {
    signal: options.signal,
    onRetry: (retry, delay, error) => options.onRetry?.(file, step, retry, delay, error)
  }
}

/** The bulk flow's generate calls, in order: up to PRESIGN_BATCH_SIZE files and BATCH_MAX_BYTES, but at least one file. */
export function planBatches(files: LocalFile[]): LocalFile[][] {
  const batches: LocalFile[][] = []
  let bytes = 0
  for (const file of files) {
    const batch = batches.at(-1)
    if (batch === undefined || batch.length === PRESIGN_BATCH_SIZE || bytes + file.size > BATCH_MAX_BYTES) {
      batches.push([file])
      bytes = file.size
    } else {
      batch.push(file)
      bytes += file.size
    }
  }
  return batches
}

/**
 * Pairs each file with its entry: by position when the names agree (names can repeat within a
 * batch), otherwise by the first unused entry of that name.
 */
function pairEntries(files: LocalFile[], entries: PresignedEntry[]): PresignedTicket[] {
  const used = new Set<number>()
  return files.map((file, index) => {
    const free = (i: number): boolean => !used.has(i) && entries[i]?.file_name === file.name
    const position = free(index) ? index : entries.findIndex((_, i) => free(i))
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
