import { openMultipartBody, type BodySink } from '../netiks/body.js'
import type { ConfirmedUpload, LocalFile } from '../model.js'
import { callCreatingAsset, fileForAttempt, uploadEach } from './asset-call.js'
import type { Transfer } from './outcome.js'

/** Mode 1 for many files: one multipart POST per file, `concurrency` at a time. */
export async function uploadSingleFiles(run: Transfer): Promise<void> {
  await uploadEach(run, run.recorder.files, {
    fileOf: file => file,
    step: 'upload',
    send: async file => await uploadSingle(run, file)
  })
}

/**
 * Each attempt re-opens the file and streams it from the start. A cancelled run aborts a body
 * still being sent — the server cannot register half a body — but not one sent whole, which the
 * server may be registering: that one is left to be answered.
 */
async function uploadSingle(run: Transfer, file: LocalFile): Promise<ConfirmedUpload> {
  const { client, options } = run
  const runSignal = options.signal
  let current = file
  const attempt = async (idempotencyKey: string, markSent: () => void, lastError: unknown) => {
    current = fileForAttempt(file, current, lastError, options)
    const multipart = openMultipartBody(current, bytes => options.progress?.sent(file, bytes))
    const untilSent = new AbortController()
    const abort = (): void => untilSent.abort()
    runSignal?.addEventListener('abort', abort, { once: true })
    if (runSignal?.aborted) abort()
    const body = {
      length: multipart.length,
      contentType: multipart.contentType,
      writeTo: async (sink: BodySink): Promise<void> => {
        await multipart.writeTo(sink)
        runSignal?.removeEventListener('abort', abort)
        markSent()
      }
    }
    try {
      const reply = await client.uploadMultipart(body, { signal: untilSent.signal, idempotencyKey })
      return { reply, file: current, sha256: multipart.sha256(), storageUrl: '', contentType: current.contentType }
    } finally {
      runSignal?.removeEventListener('abort', abort)
    }
  }
  return await callCreatingAsset(run, 'upload', file, attempt, runSignal)
}
