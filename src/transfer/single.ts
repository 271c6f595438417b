import type { Writable } from 'node:stream'
import { openMultipartBody, type StreamedBody } from '../netiks/body.js'
import type { NetiksClient } from '../netiks/client.js'
import type { ConfirmedUpload, LocalFile } from '../model.js'
import { callCreatingAsset, failureOfAssetCall } from './asset-call.js'
import { fileAsItIsNow } from './file-state.js'
import { OutcomeRecorder, checkedAnswer, recordedNameOf, stepOf, type UploadOptions } from './outcome.js'
import { runPool } from '../pool.js'

/**
 * Mode 1 for one file: a streamed multipart POST whose answer is the confirmed asset. Each
 * attempt re-opens the file and streams it from the start. Cancelling aborts a body still
 * being sent (the server cannot have registered it); one already sent is left to be answered.
 */
export async function uploadSingle(
  client: NetiksClient,
  file: LocalFile,
  recorder: OutcomeRecorder,
  options: Pick<UploadOptions, 'retry' | 'signal' | 'onRetry' | 'onFileChanged' | 'progress'>
): Promise<ConfirmedUpload> {
  let current = file
  let lastError: unknown
  let sha256 = ''
  const { reply, possibleDuplicate } = await callCreatingAsset(
    'upload',
    file,
    async (idempotencyKey, markSent) => {
      current = fileAsItIsNow(current, lastError, options)
      options.progress?.started(file)
      const multipart = openMultipartBody(current, 'file', bytes => options.progress?.sent(file, bytes))
      const sending = cancellableUntilSent(multipart, options.signal, markSent)
      try {
        const answer = await client.uploadMultipart(sending.body, { signal: sending.signal, idempotencyKey })
        sha256 = multipart.sha256()
        return answer
      } catch (error) {
        lastError = error
        throw error
      } finally {
        sending.dispose()
      }
    },
    { recorder, options, signal: options.signal }
  )
  return checkedAnswer('upload', reply.asset, {
    file: current,
    assetId: reply.asset.id,
    recordedName: recordedNameOf(current, reply.asset),
    storageUrl: reply.asset.storage_url ?? '',
    contentType: current.contentType,
    sha256,
    possibleDuplicate
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

/** Mode 1 for many files: one multipart POST per file, `concurrency` at a time. */
export async function uploadSingleFiles(
  client: NetiksClient,
  recorder: OutcomeRecorder,
  options: UploadOptions
): Promise<void> {
  await runPool(
    recorder.files,
    options.concurrency,
    async file => {
      try {
        recorder.confirm(await uploadSingle(client, file, recorder, options))
      } catch (error) {
        const failure = failureOfAssetCall(error, stepOf(error, 'upload'))
        recorder.fail(file, failure.step, failure.error, failure.note)
      } finally {
        options.progress?.finished(file)
      }
    },
    () => recorder.shouldStop()
  )
}
