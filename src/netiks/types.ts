/** The `asset` object of a 201 from developer-upload-file (both modes). */
export interface NetiksAsset {
  id: string
  asset_name?: string
  storage_url?: string
  format?: string
  file_size?: number
  [field: string]: unknown
}

export interface AssetReply {
  asset: NetiksAsset
  /** `Idempotent-Replayed: true`: the asset was created once, by an earlier request with the same key. */
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
