/** The domain types and errors shared by every stage: inputs, files, manifest, transfer, report. */

/** The steps of an upload, as users see them in messages and in the `failed` output. */
export type UploadStep = 'upload' | 'generate' | 'put' | 'confirm'

/** A problem with the workflow's inputs or files, found before anything is uploaded. */
export class InputError extends Error {
  override name = 'InputError'
}

/** One local file to upload, described once from a single stat. */
export interface LocalFile {
  absolutePath: string
  /** Relative to the workspace, with forward slashes. */
  relativePath: string
  /** The name sent to Netiks. */
  name: string
  size: number
  /** Modification time at that stat; a file whose size or mtime differs later has changed. */
  mtimeMs?: number
  contentType: string
}

/** A file the server confirmed, with what the action learned while sending it. */
export interface ConfirmedUpload {
  /** The file as it was sent (a fresh stat when it changed after it was found). */
  file: LocalFile
  /** Only what the outputs need is kept: a run may hold very many of these. */
  assetId: string
  /** The name the server recorded (`asset_name` in its answer), else the name sent. */
  recordedName: string
  storageUrl: string
  contentType: string
  sha256: string
  /**
   * An earlier attempt may have been registered too: it failed without proof of no effect (reply
   * lost, 500, 502, 504), and the server did not say this answer replays it.
   */
  possibleDuplicate: boolean
}

/**
 * Where a file stopped: a step of the contract, never started, or refused before any request
 * (`refused`: too large for bulk mode, a name single mode cannot keep). `upload-unknown` and
 * `confirm-unknown`: the asset-creating request was sent but no answer settled it, or its
 * answer could not be trusted (it contradicted what was sent), so the asset may exist on Netiks.
 */
export type FailedStep = UploadStep | 'upload-unknown' | 'confirm-unknown' | 'not-started' | 'refused'

export interface FailedUpload {
  file: LocalFile
  step: FailedStep
  status?: number
  message: string
}

/** What a whole upload run achieved. Every file is in exactly one of the two lists. */
export interface UploadOutcome {
  confirmed: ConfirmedUpload[]
  failed: FailedUpload[]
  /** Why the run stopped early (cancelled, the key refused, fail-fast, a systemic failure), if it did. */
  stoppedBy?: Error
}

/** The local file changed or could not be read while it was being sent. */
export class FileReadError extends Error {
  override name = 'FileReadError'
}

/** The file's size or modification time changed between its stat and the end of its read. */
export class FileChangedError extends FileReadError {
  override name = 'FileChangedError'
}

/** The run was cancelled before this work finished. */
export class CancelledError extends Error {
  override name = 'CancelledError'
  override message = 'cancelled before it finished'
}

/** An I/O failure in a few words: its code (ENOSPC, EACCES, …) when it has one, else its message. */
export function codeOrMessage(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? errorMessage(error)
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as Error).message === 'string') {
    return (error as Error).message
  }
  return String(error)
}
