import { runPool } from '../pool.js'
import { openMultipartBody } from './body.js'
import type { NetiksClient } from './client.js'
import { OutcomeRecorder, checkAssetSize } from './outcome.js'
import type { ConfirmedUpload, LocalFile, UploadOptions, UploadOutcome } from './types.js'

/** Mode 1 for one file: a streamed multipart POST; the answer is the confirmed asset. */
export async function uploadSingle(client: NetiksClient, file: LocalFile): Promise<ConfirmedUpload> {
  const body = openMultipartBody(file, 'file')
  const asset = await client.uploadMultipart(body)
  checkAssetSize(file, asset, 'upload')
  return {
    file,
    asset,
    storageUrl: asset.storage_url ?? '',
    contentType: file.contentType,
    sha256: body.sha256()
  }
}

/** Mode 1 for many files: one multipart POST per file, `concurrency` at a time. */
export async function uploadSingleFiles(
  client: NetiksClient,
  files: LocalFile[],
  options: UploadOptions
): Promise<UploadOutcome> {
  const recorder = new OutcomeRecorder(files, options)
  await runPool(
    files,
    options.concurrency,
    async file => {
      recorder.markStarted(file)
      try {
        recorder.confirm(await uploadSingle(client, file))
      } catch (error) {
        recorder.fail(file, 'upload', error)
      }
    },
    () => recorder.shouldStop()
  )
  return recorder.result()
}
