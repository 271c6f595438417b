import { openMultipartBody, type StreamedBody } from '../netiks/body.js'
import type { NetiksClient } from '../netiks/client.js'
import type { ConfirmedUpload, LocalFile } from '../netiks/types.js'
import { callCreatingAsset, failureOfAssetCall } from './asset-call.js'
import { fileAsItIsNow } from './file-state.js'
import { OutcomeRecorder, checkAssetSize, recordedNameOf, stepOf, type UploadOptions } from './outcome.js'
import { runPool } from './pool.js'

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
      let sent = false
      const abortUnlessSent = new AbortController()
      const onCancel = (): void => {
        if (!sent) abortUnlessSent.abort()
      }
      options.signal?.addEventListener('abort', onCancel, { once: true })
      if (options.signal?.aborted) onCancel()
      const body: StreamedBody & { contentType: string } = {
        ...multipart,
        writeTo: async sink => {
          await multipart.writeTo(sink)
          sent = true
          markSent()
        }
      }
      try {
        const answer = await client.uploadMultipart(body, { signal: abortUnlessSent.signal, idempotencyKey })
        sha256 = multipart.sha256()
        return answer
      } catch (error) {
        lastError = error
        throw error
      } finally {
        options.signal?.removeEventListener('abort', onCancel)
      }
    },
    { recorder, options, signal: options.signal }
  )
  checkAssetSize(current, reply.asset, 'upload')
  return {
    file: current,
    asset: reply.asset,
    recordedName: recordedNameOf(current, reply.asset),
    storageUrl: reply.asset.storage_url ?? '',
    contentType: current.contentType,
    sha256,
    possibleDuplicate
  }
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
