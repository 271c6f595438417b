import { AUTO_SINGLE_MAX_BYTES, MAX_PUT_BYTES, UploadMode } from '../config/constants.js'
import { InputError } from '../model.js'
import { countOf } from '../format.js'
import type { FailedUpload, LocalFile } from '../model.js'

export interface UploadPlan {
  strategy: UploadMode.Single | UploadMode.Bulk
  /** Why this strategy, in words for the log. */
  reason: string
}

/** Files a plan cannot send, each with why: the run is refused before any request. */
export class RefusedFilesError extends InputError {
  /** Why each file is refused, by relative path. */
  readonly refused: ReadonlyMap<string, string>

  constructor(message: string, files: LocalFile[], reasonOf: (file: LocalFile) => string) {
    super(message)
    this.name = 'RefusedFilesError'
    this.refused = new Map(files.map(file => [file.relativePath, reasonOf(file)]))
  }

  /** Every file of the run as not uploaded: each refused one with why, the others as not started. */
  failures(files: LocalFile[]): FailedUpload[] {
    const notStarted = `not uploaded: the run was refused before any request, for ${countOf(this.refused.size, 'other file')} it could not send (step 'refused')`
    return files.map(file => {
      const reason = this.refused.get(file.relativePath)
      return reason === undefined
        ? { file, step: 'not-started', message: notStarted }
        : { file, step: 'refused', message: reason }
    })
  }
}

/**
 * `auto` sends one small file as a single multipart upload, everything else through presigned
 * URLs. Throws when bulk would PUT more than S3 takes at once, or single would lose a name's folders.
 */
export function choosePlan(requested: UploadMode, files: LocalFile[]): UploadPlan {
  const plan = pickStrategy(requested, files)
  const tooLarge = plan.strategy === UploadMode.Bulk ? files.filter(file => file.size > MAX_PUT_BYTES) : []
  if (tooLarge.length > 0) {
    throw new RefusedFilesError(
      `${tooLarge.map(file => `${file.relativePath} (${file.size} bytes)`).join(', ')} ` +
        `${tooLarge.length === 1 ? 'is' : 'are'} larger than 5 GiB, the most one presigned ` +
        'S3 PUT accepts. Upload such files with mode: single, or split them before uploading.',
      tooLarge,
      file =>
        `${file.size} bytes, more than the 5 GiB one presigned S3 PUT accepts: upload it with mode: single, ` +
        'or split it before uploading.'
    )
  }
  return plan
}

function pickStrategy(requested: UploadMode, files: LocalFile[]): UploadPlan {
  // Netiks reads a single upload's file name with Django's multipart parser, which keeps only
  // what follows the last `/` or `\`: such a name cannot survive single mode.
  const folded = files.filter(file => /[/\\]/.test(file.name))
  if (requested === UploadMode.Single) {
    if (folded.length > 0) {
      throw new RefusedFilesError(
        `mode: single cannot keep the name "${folded[0].name}"` +
          (folded.length > 1 ? ` (nor ${folded.length - 1} more)` : '') +
          ": the Netiks API reads a single upload's file name with a multipart parser that keeps only the part " +
          'after the last / or \\. Use mode: bulk or auto (the presigned flow keeps the whole name), or ' +
          'asset-name: basename.',
        folded,
        file =>
          `mode: single cannot keep the name "${file.name}": the Netiks API keeps only the part after its last ` +
          '/ or \\. Use mode: bulk or auto, or asset-name: basename.'
      )
    }
    return { strategy: UploadMode.Single, reason: 'mode: single' }
  }
  if (requested === UploadMode.Bulk) return { strategy: UploadMode.Bulk, reason: 'mode: bulk' }
  if (files.length === 1 && files[0].size < AUTO_SINGLE_MAX_BYTES) {
    if (folded.length > 0) {
      return { strategy: UploadMode.Bulk, reason: 'mode: auto, a name with a folder, which only bulk mode keeps' }
    }
    return { strategy: UploadMode.Single, reason: 'mode: auto, one file under 10 MiB' }
  }
  return {
    strategy: UploadMode.Bulk,
    reason: files.length === 1 ? 'mode: auto, one file of 10 MiB or more' : `mode: auto, ${files.length} files`
  }
}
