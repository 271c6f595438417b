import type { Writable } from 'node:stream'
import { openMultipartBody, type StreamedBody } from '../netiks/body.js'
import type { NetiksClient } from '../netiks/client.js'
import type { ConfirmedUpload, LocalFile } from '../model.js'
import { callCreatingAsset, fileForAttempt, uploadEach } from './asset-call.js'
import type { OutcomeRecorder, UploadOptions } from './outcome.js'

/** Mode 1 for many files: one multipart POST per file, `concurrency` at a time. */
export async function uploadSingleFiles(
  client: NetiksClient,
  recorder: OutcomeRecorder,
  options: UploadOptions
): Promise<void> {
  await uploadEach(recorder.files, recorder, options, {
    fileOf: file => file,
    step: 'upload',
    send: async file => await uploadSingle(client, file, recorder, options)
  })
}

/** Each attempt re-opens the file and streams it from the start. */
async function uploadSingle(
  client: NetiksClient,
  file: LocalFile,
  recorder: OutcomeRecorder,
  options: UploadOptions
): Promise<ConfirmedUpload> {
  let current = file
  const context = { recorder, options, signal: options.signal }
  return await callCreatingAsset('upload', file, context, async (idempotencyKey, markSent, lastError) => {
    current = fileForAttempt(file, current, lastError, options)
    const multipart = openMultipartBody(current, 'file', bytes => options.progress?.sent(file, bytes))
    const sending = cancellableUntilSent(multipart, options.signal, markSent)
    try {
      const reply = await client.uploadMultipart(sending.body, { signal: sending.signal, idempotencyKey })
      return { reply, file: current, sha256: multipart.sha256(), storageUrl: '', contentType: current.contentType }
    } finally {
      sending.dispose()
    }
  })
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
