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

/** One entry of `presigned_urls` from developer-generate-presigned-url. */
export interface PresignedEntry {
  file_name: string
  presigned_url: string
  storage_url: string
  s3_path: string
  content_type: string
}
