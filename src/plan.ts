import { AUTO_SINGLE_MAX_BYTES, MAX_PUT_BYTES, UploadMode } from './constants.js'
import { InputError } from './errors.js'
import type { LocalFile } from './netiks/types.js'

export type Strategy = UploadMode.Single | UploadMode.Bulk

export interface UploadPlan {
  strategy: Strategy
  /** Why this strategy, in words for the log. */
  reason: string
}

/**
 * `auto` sends exactly one file under 10 MiB as a single multipart upload, and everything
 * else through presigned URLs. Throws when bulk mode would have to PUT a file larger than
 * S3 takes in one PUT.
 */
export function choosePlan(requested: UploadMode, files: LocalFile[]): UploadPlan {
  const plan = pickStrategy(requested, files)
  if (plan.strategy === UploadMode.Bulk) {
    const tooLarge = files.filter(file => file.size > MAX_PUT_BYTES)
    if (tooLarge.length > 0) {
      throw new InputError(
        `${tooLarge.map(file => `${file.relativePath} (${file.size} bytes)`).join(', ')} ` +
          `${tooLarge.length === 1 ? 'is' : 'are'} larger than 5 GiB, the most one presigned ` +
          'S3 PUT accepts. Upload such files with mode: single, or split them before uploading.'
      )
    }
  }
  return plan
}

/**
 * The Netiks backend reads a single upload's file name with Django's multipart parser, which
 * keeps only what follows the last `/` or `\\`: such a name cannot survive single mode.
 */
export function losesFoldersInSingleMode(file: LocalFile): boolean {
  return /[/\\]/.test(file.name)
}

function pickStrategy(requested: UploadMode, files: LocalFile[]): UploadPlan {
  const folded = files.filter(losesFoldersInSingleMode)
  if (requested === UploadMode.Single) {
    if (folded.length > 0) {
      throw new InputError(
        `mode: single cannot keep the name "${folded[0].name}"` +
          (folded.length > 1 ? ` (nor ${folded.length - 1} more)` : '') +
          ": the Netiks API reads a single upload's file name with a multipart parser that keeps only the part " +
          'after the last / or \\. Use mode: bulk or auto (the presigned flow keeps the whole name), or ' +
          'asset-name: basename.'
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
