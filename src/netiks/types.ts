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

/** The `asset` object of a 201 from developer-upload-file (both modes). */
export interface NetiksAsset {
  id: string
  asset_name?: string
  storage_url?: string
  format?: string
  file_size?: number
  [field: string]: unknown
}

/** An asset-creating call's answer. */
export interface AssetReply {
  asset: NetiksAsset
  /**
   * The server said this answers an earlier request with the same Idempotency-Key
   * (`Idempotent-Replayed: true`): the asset was created once, by that earlier request.
   */
  replayed: boolean
}

export interface UploadFileResponse {
  message?: string
  asset: NetiksAsset
}

export interface PresignRequestFile {
  name: string
  type: string
  size: number
}

/** One entry of `presigned_urls` from developer-generate-presigned-url. */
export interface PresignedEntry {
  file_name: string
  presigned_url: string
  storage_url: string
  s3_path: string
  content_type: string
}

export interface GeneratePresignedResponse {
  presigned_urls: PresignedEntry[]
}

/** The confirm body: the generate entry's storage details, the size, and the presigned flag. */
export interface ConfirmRequest {
  is_presigned: true
  file_name: string
  storage_url: string
  s3_path: string
  content_type: string
  file_size: number
}

/** A file the server confirmed, with what the action learned while sending it. */
export interface ConfirmedUpload {
  /** The file as it was sent (a fresh stat when it changed after it was found). */
  file: LocalFile
  /** The asset's id. Only what the outputs need is kept: a run may hold 100,000 of these. */
  assetId: string
  /** The name the server recorded (`asset_name` in its answer), else the name sent. */
  recordedName: string
  storageUrl: string
  contentType: string
  sha256: string
  /**
   * An earlier attempt of the asset-creating call may have been registered too: it failed in
   * a way that does not prove it had no effect (reply lost or stalled, 500, 502, 504), and
   * the server did not say that this answer replays it.
   */
  possibleDuplicate: boolean
}

/**
 * Where a file stopped: a step of the contract, never started, or refused before any request
 * (`refused`: too large for bulk mode, a name single mode cannot keep). `upload-unknown` and
 * `confirm-unknown`: the asset-creating request was sent but no answer settled it, or its
 * answer could not be trusted (it contradicted what was sent), so the asset may exist on Netiks.
 */
export type FailedStep =
  'upload' | 'generate' | 'put' | 'confirm' | 'upload-unknown' | 'confirm-unknown' | 'not-started' | 'refused'

/** A file that was not uploaded, and why. */
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
