import { compareText, sortedByPath } from '../format.js'
import type { UnchangedFile } from '../manifest/manifest.js'
import type { ConfirmedUpload, FailedUpload } from '../model.js'
import { escapeForLog } from './log-safe.js'

/** What a run reports: uploaded, left unchanged, and not uploaded. */
export interface RunResult {
  confirmed: ConfirmedUpload[]
  failed: FailedUpload[]
  unchanged?: UnchangedFile[]
}

/** One element of the `assets` output: an asset Netiks holds for a matched file. */
export interface AssetRecord {
  path: string
  name: string
  id: string
  storage_url: string
  size: number
  content_type: string
  sha256: string
  /** True when the file was not sent because the manifest holds it unchanged. */
  skipped: boolean
  /** True when an earlier attempt's answer was lost, so Netiks may hold a second asset for this file. */
  possible_duplicate: boolean
}

/** One element of the `failed` output. */
export interface FailureRecord {
  path: string
  step: FailedUpload['step']
  status: number | null
  /** Escaped as in the log: a later step may print it raw or put it in a script. */
  message: string
}

/**
 * One element of the assets file: every matched file of the run, in path order. A file that
 * was not uploaded has null in place of what it has not got, and says why in `failure`.
 */
export type FileRecord =
  | (AssetRecord & { failure: null })
  | (Omit<AssetRecord, 'id' | 'storage_url' | 'sha256'> & {
      id: null
      storage_url: null
      sha256: null
      failure: Omit<FailureRecord, 'path'>
    })

function assetRecordOf(upload: ConfirmedUpload): AssetRecord {
  return {
    path: upload.file.relativePath,
    name: upload.recordedName,
    id: upload.assetId,
    storage_url: upload.storageUrl,
    size: upload.file.size,
    content_type: upload.contentType,
    sha256: upload.sha256,
    skipped: false,
    possible_duplicate: upload.possibleDuplicate
  }
}

function assetRecordOfUnchanged({ file, entry }: UnchangedFile): AssetRecord {
  return {
    path: file.relativePath,
    name: entry.recorded_name ?? entry.name,
    id: entry.id,
    storage_url: entry.storage_url,
    size: file.size,
    content_type: entry.content_type,
    sha256: entry.sha256,
    skipped: true,
    possible_duplicate: false
  }
}

function failureRecordOf(failure: FailedUpload): FailureRecord {
  return {
    path: failure.file.relativePath,
    step: failure.step,
    status: failure.status ?? null,
    message: escapeForLog(failure.message)
  }
}

function fileRecordOfFailure(failure: FailedUpload): FileRecord {
  const { path, ...why } = failureRecordOf(failure)
  return {
    path,
    name: failure.file.name,
    id: null,
    storage_url: null,
    size: failure.file.size,
    content_type: failure.file.contentType,
    sha256: null,
    skipped: false,
    possible_duplicate: false,
    failure: why
  }
}

/** The assets Netiks holds for the matched files, in path order, made one at a time. */
export function* assetRecords(result: RunResult): Generator<AssetRecord> {
  yield* mergeByPath(
    mapped(sortedByPath(result.confirmed), assetRecordOf),
    mapped(sortedByPath(result.unchanged ?? []), assetRecordOfUnchanged)
  )
}

export function* failureRecords(result: RunResult): Generator<FailureRecord> {
  yield* mapped(sortedByPath(result.failed), failureRecordOf)
}

/** Every matched file's record, held or failed, in path order. */
export function* fileRecords(result: RunResult): Generator<FileRecord> {
  const held = mapped(assetRecords(result), (record): FileRecord => ({ ...record, failure: null }))
  yield* mergeByPath(held, mapped(sortedByPath(result.failed), fileRecordOfFailure))
}

/** Each item made into another, one at a time. */
export function* mapped<S, T>(items: Iterable<S>, make: (item: S) => T): Generator<T> {
  for (const item of items) yield make(item)
}

/** Two path-sorted sequences as one. */
function* mergeByPath<T extends { path: string }>(first: Iterable<T>, second: Iterable<T>): Generator<T> {
  const a = first[Symbol.iterator]()
  const b = second[Symbol.iterator]()
  let left = a.next()
  let right = b.next()
  while (!left.done || !right.done) {
    if (right.done || (!left.done && compareText(left.value.path, right.value.path) <= 0)) {
      yield left.value as T
      left = a.next()
    } else {
      yield right.value
      right = b.next()
    }
  }
}
