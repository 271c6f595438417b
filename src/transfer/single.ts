import { runPool } from './pool.js'
import { withRetries } from './retry.js'
import { openMultipartBody } from '../netiks/body.js'
import type { NetiksClient } from '../netiks/client.js'
import { OutcomeRecorder, checkAssetSize, type UploadOptions } from './outcome.js'
import type { ConfirmedUpload, LocalFile } from '../netiks/types.js'

/**
 * Mode 1 for one file: a streamed multipart POST whose answer is the confirmed asset. Each
 * attempt re-opens the file and streams it from the start.
 */
export async function uploadSingle(
  client: NetiksClient,
  file: LocalFile,
  options: Pick<UploadOptions, 'retry' | 'signal' | 'onRetry' | 'progress'>
): Promise<ConfirmedUpload> {
  return await withRetries(
    async () => {
      options.progress?.started(file)
      const body = openMultipartBody(file, 'file', bytes => options.progress?.sent(file, bytes))
      const { asset } = await client.uploadMultipart(body, { signal: options.signal })
      checkAssetSize(file, asset, 'upload')
      return { file, asset, storageUrl: asset.storage_url ?? '', contentType: file.contentType, sha256: body.sha256() }
    },
    options.retry,
    {
      signal: options.signal,
      onRetry: (retry, delay, error) => options.onRetry?.(file, 'upload', retry, delay, error)
    }
  )
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
        recorder.confirm(await uploadSingle(client, file, options))
      } catch (error) {
        recorder.fail(file, 'upload', error)
      } finally {
        options.progress?.finished(file)
      }
    },
    () => recorder.shouldStop()
  )
}
