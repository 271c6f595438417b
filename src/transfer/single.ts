import type { Writable } from 'node:stream'
import { openMultipartBody, type StreamedBody } from '../netiks/body.js'
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

/** Each attempt re-opens the file and streams it from the start. */
async function uploadSingle(run: Transfer, file: LocalFile): Promise<ConfirmedUpload> {
  const { client, options } = run
  let current = file
  const attempt = async (idempotencyKey: string, markSent: () => void, lastError: unknown) => {
    current = fileForAttempt(file, current, lastError, options)
    const multipart = openMultipartBody(current, 'file', bytes => options.progress?.sent(file, bytes))
    const sending = cancellableUntilSent(multipart, options.signal, markSent)
    try {
      const reply = await client.uploadMultipart(sending.body, { signal: sending.signal, idempotencyKey })
      return { reply, file: current, sha256: multipart.sha256(), storageUrl: '', contentType: current.contentType }
    } finally {
      sending.dispose()
    }
  }
  return await callCreatingAsset(run, 'upload', file, attempt, options.signal)
}

/**
 * A cancelled run aborts a body still being sent — the server cannot register half a body —
 * but not one sent whole, which the server may be registering: that one is left to be answered.
 */
function cancellableUntilSent(
  multipart: StreamedBody & { contentType: string },
  runSignal: AbortSignal | undefined,
  onSent: () => void
): { body: StreamedBody & { contentType: string }; signal: AbortSignal; dispose: () => void } {
  let sent = false
  const controller = new AbortController()
  const onCancel = (): void => {
    if (!sent) controller.abort()
  }
  runSignal?.addEventListener('abort', onCancel, { once: true })
  if (runSignal?.aborted) onCancel()
  const body = {
    ...multipart,
    writeTo: async (sink: Writable): Promise<void> => {
      await multipart.writeTo(sink)
      sent = true
      onSent()
    }
  }
  return { body, signal: controller.signal, dispose: () => runSignal?.removeEventListener('abort', onCancel) }
}
