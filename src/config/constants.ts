/** Input names, exactly as action.yml spells them. */
export enum Input {
  ApiKey = 'api-key',
  Path = 'path',
  Mode = 'mode',
  BaseUrl = 'base-url',
  AllowInsecureHttp = 'allow-insecure-http',
  Concurrency = 'concurrency',
  IfNoFilesFound = 'if-no-files-found',
  Retries = 'retries',
  FailFast = 'fail-fast',
  DryRun = 'dry-run',
  AssetName = 'asset-name',
  Manifest = 'manifest',
  Shard = 'shard',
  IncludeHiddenFiles = 'include-hidden-files'
}

/** Output names, exactly as action.yml spells them. */
export enum Output {
  AssetIds = 'asset-ids',
  Assets = 'assets',
  Count = 'count',
  Failed = 'failed',
  UploadedCount = 'uploaded-count',
  SkippedCount = 'skipped-count',
  OutputsTruncated = 'outputs-truncated',
  AssetsFile = 'assets-file',
  ChecksumsFile = 'checksums-file'
}

export enum UploadMode {
  Auto = 'auto',
  Single = 'single',
  Bulk = 'bulk'
}

export enum AssetNaming {
  Basename = 'basename',
  Relative = 'relative'
}

export enum NoFileOption {
  Error = 'error',
  Warn = 'warn',
  Ignore = 'ignore'
}

export const DEFAULT_BASE_URL = 'https://prod.backend.netikscloud.com'
/** A matrix runs at most 256 jobs per workflow run, so no more shards than that. */
export const MAX_SHARDS = 256
/** `auto` picks single mode for exactly one file smaller than this. */
export const AUTO_SINGLE_MAX_BYTES = 10 * 1024 * 1024
export const PRESIGN_BATCH_SIZE = 50
/** S3 accepts at most this many bytes in one PUT. */
export const MAX_PUT_BYTES = 5 * 1024 * 1024 * 1024
export const ACTION_VERSION = '1.0.0'
export const ACTION_USER_AGENT = `netiks-upload-action/${ACTION_VERSION}`
