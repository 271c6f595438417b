import { sortedByPath } from '../format.js'
import type { UnchangedFile } from '../manifest/manifest.js'
import type { ConfirmedUpload, FailedUpload, UploadOutcome } from '../model.js'
import { escapeForLog } from './log-safe.js'

/** What a run reports: uploaded, left unchanged, and not uploaded. */
export type RunResult = UploadOutcome & { unchanged?: UnchangedFile[] }

/** One element of the `assets` output: an asset Netiks holds for a matched file. */
export interface AssetRecord {
  path: string
  name: string
  id: string
  storage_url: string
  size: number
  content_type: string
  sha256: string
  /** True when the manifest holds the file unchanged, so it was not sent. */
  skipped: boolean
  /** True when an earlier attempt's answer was lost, so Netiks may hold a second asset for this file. */
  possible_duplicate: boolean
}

/** One element of the `failed` output; `message` escaped as in the log, since a later step may print it. */
export interface FailureRecord {
  path: string
  step: FailedUpload['step']
  status: number | null
  message: string
}

/** One element of the assets file: a failed file has null for what it has not got, and says why in `failure`. */
export type FileRecord =
  | (AssetRecord & { failure: null })
  | (Omit<AssetRecord, 'id' | 'storage_url' | 'sha256'> & {
      id: null
      storage_url: null
      sha256: null
      failure: Omit<FailureRecord, 'path'>
    })

function assetRecordOf(held: ConfirmedUpload | UnchangedFile): AssetRecord {
  const { relativePath: path, size } = held.file
  if ('entry' in held) {
    const { id, storage_url, content_type, sha256 } = held.entry
    const name = held.entry.recorded_name ?? held.entry.name
    return { path, name, id, storage_url, size, content_type, sha256, skipped: true, possible_duplicate: false }
  }
  const { recordedName: name, assetId: id, storageUrl: storage_url, contentType: content_type, sha256 } = held
  return {
    path,
    name,
    id,
    storage_url,
    size,
    content_type,
    sha256,
    skipped: false,
    possible_duplicate: held.possibleDuplicate
  }
}

function failureRecordOf({ file, step, status, message }: FailedUpload): FailureRecord {
  return { path: file.relativePath, step, status: status ?? null, message: escapeForLog(message) }
}

function fileRecordOf(item: ConfirmedUpload | UnchangedFile | FailedUpload): FileRecord {
  if (!('step' in item)) return { ...assetRecordOf(item), failure: null }
  const { path, ...failure } = failureRecordOf(item)
  const { name, size, contentType: content_type } = item.file
  const nothing = { id: null, storage_url: null, size, content_type, sha256: null, skipped: false }
  return { path, name, ...nothing, possible_duplicate: false, failure }
}

/** The assets Netiks holds for the matched files, in path order, made one at a time. */
export function assetRecords(result: RunResult): Generator<AssetRecord> {
  return mapped(sortedByPath([...result.confirmed, ...(result.unchanged ?? [])]), assetRecordOf)
}

export function failureRecords(result: RunResult): Generator<FailureRecord> {
  return mapped(sortedByPath(result.failed), failureRecordOf)
}

/** Every matched file's record, held or failed, in path order. */
export function fileRecords(result: RunResult): Generator<FileRecord> {
  return mapped(sortedByPath([...result.confirmed, ...(result.unchanged ?? []), ...result.failed]), fileRecordOf)
}

export function* mapped<S, T>(items: Iterable<S>, make: (item: S) => T): Generator<T> {
  for (const item of items) yield make(item)
}

/** The leading items within `maxBytes` (each as `bytesOf` counts it) and `maxItems`: the one cap of every list. */
export function leading<T>(
  items: Iterable<T>,
  maxBytes: number,
  bytesOf: (item: T) => number,
  maxItems = Infinity
): T[] {
  const shown: T[] = []
  let bytes = 0
  for (const item of items) {
    bytes += bytesOf(item)
    if (shown.length >= maxItems || bytes > maxBytes) break
    shown.push(item)
  }
  return shown
}
