import { createHash } from 'node:crypto'
import { compareText, sortedByPath } from './format.js'
import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { isJsonObject, readManifestJson, type ManifestJson } from './manifest-reader.js'
import { EntryStore, StoredEntry } from './manifest-store.js'
import type { LocalFile } from './netiks/types.js'
import type { HeldUpload } from './transfer/held.js'
import { writeText } from './report/assets-file.js'
import { HOST_PATHS, pathKey, type PathRules } from './paths.js'
import { runPool } from './transfer/pool.js'

/** Version 2 keys entries by the file's path; version 1 keyed them by asset name. */
export const MANIFEST_VERSION = 2

/** What a version 1 manifest remembered of an asset, under the name it was sent as. */
export interface LegacyEntry {
  sha256: string
  size: number
  id: string
  storage_url: string
  content_type: string
  uploaded_at: string
}

/** What the action remembers of one file it uploaded, under the file's path. */
export interface ManifestEntry extends LegacyEntry {
  /** The name the file was sent under: sent under another name now, it is sent again. */
  name: string
  /** The name Netiks recorded, when it is not the name sent. */
  recorded_name?: string
}

export interface Manifest {
  version: typeof MANIFEST_VERSION
  'base-url': string
  /** By the file's workspace-relative path, `/`-separated (absolute for a file outside it). */
  assets: Map<string, ManifestEntry>
  /**
   * Entries of a version 1 manifest, by asset name, that no matched file has claimed yet (by
   * name and sha256). Kept, as `v1-assets`, so that a file that comes back is not sent again.
   */
  legacy: Map<string, LegacyEntry>
}

/** A matched file left alone because the manifest already holds its exact bytes. */
export interface UnchangedFile {
  file: LocalFile
  entry: ManifestEntry
}

export interface LoadedManifest {
  manifest: Manifest
  /** Why the file on disk could not be used at all, for a warning; undefined when it was used or absent. */
  problem?: string
  /** Each entry left out because it is malformed: its key and what is wrong, for one warning. */
  ignored: string[]
  /** The version the file was written in, when it was used. */
  version?: 1 | 2
  /** False when there was no file yet. */
  existed: boolean
  /**
   * Where the entries are read back from (see EntryStore), when they were left on disk; the
   * caller closes it once the run is reported. Undefined when they are in memory.
   */
  store?: EntryStore
}

/** The members whose entries are read one by one (see readManifestJson). */
const NESTED_MEMBERS = new Set(['assets', 'v1-assets'])

export function emptyManifest(baseUrl: string): Manifest {
  return { version: MANIFEST_VERSION, 'base-url': baseUrl, assets: new Map(), legacy: new Map() }
}

/**
 * Reads the manifest, of this version or of version 1. A file that cannot be used — not a
 * JSON object, another version, made against another base-url — yields an empty manifest and
 * a `problem` to warn about: every file is then uploaded and the manifest rewritten. A
 * malformed entry is left out and listed in `ignored`; the others are used. It never throws
 * for the file's contents.
 *
 * With `storeIn` (a folder), the entries as the action writes them are left in a copy of the
 * file made there and read back on demand (`store`); without it, or when no copy can be made
 * there, every entry is held in memory.
 */
export async function loadManifest(
  file: string,
  baseUrl: string,
  options: { storeIn?: string } = {}
): Promise<LoadedManifest> {
  const store = options.storeIn === undefined ? undefined : await copyToStore(file, options.storeIn)
  try {
    const loaded = await readManifest(store?.file ?? file, baseUrl, store)
    if (store === undefined || loaded.problem !== undefined) store?.close()
    else loaded.store = store
    return loaded
  } catch (error) {
    store?.close()
    throw error
  }
}

/** A store for the manifest's entries, or undefined (in memory, then) when there is no copy to be had. */
async function copyToStore(file: string, folder: string): Promise<EntryStore | undefined> {
  try {
    return await EntryStore.copyOf(file, folder)
  } catch {
    // No file yet, or no room for the copy: the manifest is read as it is, entries in memory.
    return undefined
  }
}

async function readManifest(file: string, baseUrl: string, store?: EntryStore): Promise<LoadedManifest> {
  const empty = emptyManifest(baseUrl)
  const unusable = (problem: string): LoadedManifest => ({ manifest: empty, existed: true, problem, ignored: [] })
  // An entry exactly as the action writes it stays in the store; any other is parsed and checked below.
  const keepEntry = store
    ? (value: unknown, start: number, end: number): unknown =>
        isJsonObject(value) && entryProblem(value, true) === undefined && isAsWritten(value as unknown as ManifestEntry)
          ? new StoredEntry(store, start, end - start)
          : value
    : undefined
  let json: ManifestJson
  try {
    json = await readManifestJson(file, NESTED_MEMBERS, { keepEntry })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: empty, existed: false, ignored: [] }
    return unusable(`cannot be read (${(error as NodeJS.ErrnoException).code})`)
  }
  if (json.kind === 'invalid') return unusable(`is not valid JSON (${json.message})`)
  if (json.kind === 'not-object') return unusable('is not a JSON object')
  const { members } = json
  const version = members.get('version')
  if (version !== 1 && version !== MANIFEST_VERSION) {
    return unusable(
      `has version ${JSON.stringify(version)}, which this action does not know (it reads versions 1 and ` +
        `${MANIFEST_VERSION}, and writes ${MANIFEST_VERSION})`
    )
  }
  if (members.get('base-url') !== baseUrl) {
    return unusable(
      `was made against ${JSON.stringify(members.get('base-url'))}, not ${baseUrl}, so its assets are not known there`
    )
  }
  const assets = members.get('assets')
  if (assets != null && !(assets instanceof Map)) return unusable('has "assets" that is not an object')
  const ignored: string[] = []
  let byPath: Map<string, unknown> = new Map()
  let byName: Map<string, unknown> = new Map()
  if (version === 1) byName = assets ?? byName
  else {
    byPath = assets ?? byPath
    const legacy = members.get('v1-assets')
    if (legacy instanceof Map) byName = legacy
    else if (legacy != null) ignored.push('"v1-assets" (not an object)')
  }
  const manifest = empty
  for (const [key, value] of byPath) {
    if (value instanceof StoredEntry) {
      manifest.assets.set(key, value)
      continue
    }
    const wrong = entryProblem(value, true)
    if (wrong) ignored.push(`${JSON.stringify(key)} (${wrong})`)
    else manifest.assets.set(key, pickEntry(value as ManifestEntry))
  }
  for (const [name, value] of byName) {
    const wrong = entryProblem(value, false)
    if (wrong) ignored.push(`${JSON.stringify(name)} (${wrong})`)
    else manifest.legacy.set(name, pickLegacy(value as LegacyEntry))
  }
  return { manifest, existed: true, ignored, version }
}

const STRING_FIELDS = ['id', 'storage_url', 'content_type', 'uploaded_at'] as const

/** What is wrong with an entry, or undefined when it can be used. */
function entryProblem(value: unknown, withName: boolean): string | undefined {
  if (!isJsonObject(value)) return 'not an object'
  const wrong: string[] = []
  if (withName && (typeof value.name !== 'string' || value.name === '')) wrong.push('name')
  if (withName && value.recorded_name !== undefined && typeof value.recorded_name !== 'string') {
    wrong.push('recorded_name')
  }
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(value.sha256)) wrong.push('sha256')
  if (!Number.isSafeInteger(value.size) || (value.size as number) < 0) wrong.push('size')
  for (const field of STRING_FIELDS) if (typeof value[field] !== 'string') wrong.push(field)
  if (value.id === '') wrong.push('id')
  if (wrong.length === 0) return undefined
  return `${wrong.join(', ')} ${wrong.length === 1 ? 'is' : 'are'} missing or invalid`
}

/** Only the known fields, so that nothing unexpected is carried over to the next manifest. */
function pickLegacy(entry: LegacyEntry): LegacyEntry {
  return {
    sha256: entry.sha256.toLowerCase(),
    size: entry.size,
    id: entry.id,
    storage_url: entry.storage_url,
    content_type: entry.content_type,
    uploaded_at: entry.uploaded_at
  }
}

function pickEntry(entry: ManifestEntry): ManifestEntry {
  // An entry as this action writes it is kept as parsed: a copy of each of 100,000 would
  // double what loading costs at its peak.
  if (isAsWritten(entry)) return entry
  const recorded = entry.recorded_name !== undefined && entry.recorded_name !== entry.name
  return { name: entry.name, ...(recorded ? { recorded_name: entry.recorded_name } : {}), ...pickLegacy(entry) }
}

const WRITTEN_FIELDS = ['name', 'sha256', 'size', 'id', 'storage_url', 'content_type', 'uploaded_at']
const WRITTEN_FIELDS_RECORDED = ['name', 'recorded_name', ...WRITTEN_FIELDS.slice(1)]

/** Exactly the fields pickEntry keeps, in its order, with a lower-case sha256. */
function isAsWritten(entry: ManifestEntry): boolean {
  const fields = entry.recorded_name === undefined ? WRITTEN_FIELDS : WRITTEN_FIELDS_RECORDED
  if (entry.recorded_name === entry.name || entry.sha256 !== entry.sha256.toLowerCase()) return false
  let index = 0
  for (const key in entry) if (key !== fields[index++]) return false
  return index === fields.length
}

/**
 * Splits the files into those to upload and those the manifest already holds unchanged: the
 * entry of the file's path (compared as the file system compares paths) has the name the file
 * is sent under now and its sha256. A file no entry has a path for may match a version 1 entry
 * of its name instead. Only a file whose entry has its size is hashed — one streaming read —
 * so new and resized files cost nothing here. Linear in the number of files and entries.
 */
export async function findUnchanged(
  files: LocalFile[],
  manifest: Manifest,
  concurrency: number,
  rules = HOST_PATHS
): Promise<{ upload: LocalFile[]; unchanged: UnchangedFile[]; hashed: LocalFile[] }> {
  const entryOfPath = entriesByPathKey(manifest, rules)
  const candidateFor = (file: LocalFile): (UnchangedFile & { differs?: true }) | undefined => {
    const entry = entryOfPath(file.relativePath)
    if (entry !== undefined) return entry.name === file.name && entry.size === file.size ? { file, entry } : undefined
    const legacy = manifest.legacy.get(file.name)
    return legacy !== undefined && legacy.size === file.size
      ? { file, entry: { name: file.name, ...legacy } }
      : undefined
  }
  // In file order; a candidate whose digest differs is marked as each digest comes, so that
  // 100,000 digests are not kept to be compared afterwards.
  const candidates: Array<UnchangedFile & { differs?: true }> = []
  const large: typeof candidates = []
  for (const file of files) {
    const candidate = candidateFor(file)
    if (candidate === undefined) continue
    candidates.push(candidate)
    // A small file is hashed at once, while its entry is still the one just read (a stored
    // entry is parsed again for each other entry read in between).
    if (file.size >= READ_WHOLE_BYTES) large.push(candidate)
    else if (sha256OfSmallFile(file) !== candidate.entry.sha256) candidate.differs = true
  }
  await runPool(large, concurrency, async candidate => {
    if ((await sha256OfLargeFile(candidate.file)) !== candidate.entry.sha256) candidate.differs = true
  })
  const unchanged: UnchangedFile[] = []
  const upload: LocalFile[] = []
  let next = 0
  for (const file of files) {
    const candidate = candidates[next]?.file === file ? candidates[next++] : undefined
    if (candidate !== undefined && candidate.differs === undefined) unchanged.push(candidate)
    else upload.push(file)
  }
  return { upload, unchanged, hashed: candidates.map(candidate => candidate.file) }
}

/**
 * The entry of a path, compared as the file system compares paths. Where that is byte for byte
 * (Linux), the manifest's own map answers, with no copy of it.
 */
function entriesByPathKey(manifest: Manifest, rules: PathRules): (relativePath: string) => ManifestEntry | undefined {
  if (!rules.caseInsensitive) return relativePath => manifest.assets.get(relativePath)
  const byKey = new Map<string, ManifestEntry>()
  for (const [key, entry] of manifest.assets) byKey.set(pathKey(key, rules), entry)
  return relativePath => byKey.get(pathKey(relativePath, rules))
}

/**
 * The manifest with each unchanged file's entry under the file's path as it is spelled now:
 * this is how a version 1 entry becomes a version 2 one, without sending anything.
 */
export function recordUnchanged(manifest: Manifest, unchanged: UnchangedFile[], rules = HOST_PATHS): Manifest {
  // The usual case: each entry is already under its file's path, and there is no version 1
  // entry to claim: the manifest stays as it is, with no copy of 100,000 entries.
  const inPlace = ({ file, entry }: UnchangedFile): boolean => manifest.assets.get(file.relativePath) === entry
  if (manifest.legacy.size === 0 && unchanged.every(inPlace)) return manifest
  return withEntries(
    manifest,
    unchanged.map(({ file, entry }) => [file.relativePath, entry]),
    rules
  )
}

/** The manifest with every asset confirmed in this run added (or replacing the entry of its path). */
export function recordUploads(
  manifest: Manifest,
  confirmed: HeldUpload[],
  now = new Date(),
  rules = HOST_PATHS
): Manifest {
  const uploadedAt = now.toISOString()
  const entries = confirmed.map((upload): [string, ManifestEntry] => [
    upload.file.relativePath,
    entryOf(upload, uploadedAt)
  ])
  return withEntries(manifest, entries, rules)
}

/** What the manifest remembers of a confirmed upload. */
function entryOf(upload: HeldUpload, uploadedAt: string): ManifestEntry {
  const details = upload.details()
  return {
    name: upload.file.name,
    ...(upload.recordedName !== upload.file.name ? { recorded_name: upload.recordedName } : {}),
    sha256: details.sha256,
    size: upload.file.size,
    id: details.assetId,
    storage_url: details.storageUrl,
    content_type: details.contentType,
    uploaded_at: uploadedAt
  }
}

/**
 * Writes the manifest with every asset confirmed in this run added, as recordUploads and
 * writeManifest would, but without holding the new entries or the JSON text in memory: the
 * confirmed uploads' details are read one at a time as the file is written (100,000 entries
 * are some 40 MB of objects and as much again of text). Returns how many assets it holds.
 */
export async function writeManifestWithUploads(
  file: string,
  before: Manifest,
  confirmed: HeldUpload[],
  now = new Date(),
  rules = HOST_PATHS,
  options: WriteManifestOptions = {}
): Promise<number> {
  const uploadedAt = now.toISOString()
  const uploads = sortedByPath(confirmed)
  const { dropped, legacy } = planEntries(
    before,
    uploads,
    upload => [upload.file.relativePath, upload.file.name],
    rules
  )
  const kept = [...before.assets.keys()].filter(key => !dropped.has(key)).sort(compareText)
  let count = 0
  // Both lists are in key order: merged, a confirmed upload replaces the entry of its path.
  function* members(): Generator<[string, ManifestEntry]> {
    let k = 0
    let u = 0
    while (k < kept.length || u < uploads.length) {
      const upload = uploads[u]
      const order = u === uploads.length ? -1 : k === kept.length ? 1 : compareText(kept[k], upload.file.relativePath)
      count++
      if (order < 0) {
        yield [kept[k], before.assets.get(kept[k])!]
        k++
        continue
      }
      if (order === 0) k++
      yield [upload.file.relativePath, entryOf(upload, uploadedAt)]
      u++
    }
  }
  await writeManifestText(file, manifestPieces(before, members(), legacy), options)
  return count
}

/**
 * Sets each entry under its path, replacing an entry whose path is spelled differently but
 * names the same file. A version 1 entry of the same asset name is dropped: it described an
 * earlier upload of that name, as version 1 would have replaced it.
 */
function withEntries(manifest: Manifest, entries: Array<[string, ManifestEntry]>, rules: PathRules): Manifest {
  const { dropped, legacy } = planEntries(manifest, entries, ([key, entry]) => [key, entry.name], rules)
  const assets = new Map(manifest.assets)
  for (const [key, entry] of entries) assets.set(key, entry)
  for (const key of dropped) assets.delete(key)
  return { ...manifest, assets, legacy }
}

/**
 * What setting new entries (their keys and the names they were sent under) does to the
 * manifest besides adding them: the keys they replace (the same file spelled in another case,
 * where case is ignored) and the version 1 entries left (those of the names sent again go).
 */
function planEntries<T>(
  manifest: Manifest,
  items: Iterable<T>,
  keyAndName: (item: T) => [key: string, name: string],
  rules: PathRules
): { dropped: Set<string>; legacy: Map<string, LegacyEntry> } {
  const dropped = new Set<string>()
  const legacy = new Map(manifest.legacy)
  // Where paths compare byte for byte, a key only ever replaces the entry of the same key.
  const spelling = rules.caseInsensitive ? new Map<string, string>() : undefined
  for (const key of spelling ? manifest.assets.keys() : []) spelling!.set(pathKey(key, rules), key)
  for (const item of items) {
    const [key, name] = keyAndName(item)
    if (spelling) {
      const folded = pathKey(key, rules)
      const previous = spelling.get(folded)
      if (previous !== undefined && previous !== key) dropped.add(previous)
      spelling.set(folded, key)
      dropped.delete(key)
    }
    legacy.delete(name)
  }
  return { dropped, legacy }
}

/** The JSON a manifest is written as: entries sorted by key, `v1-assets` only while it holds any. */
export function serializeManifest(manifest: Manifest): string {
  return [...pieces(manifest)].join('')
}

/**
 * The manifest's text, piece by piece, exactly as `JSON.stringify(…, null, 2)` writes it: the
 * assets (given in key order), then `v1-assets` while it holds any.
 */
function* manifestPieces(
  head: Pick<Manifest, 'version' | 'base-url'>,
  assets: Iterable<[string, ManifestEntry]>,
  legacy: Map<string, LegacyEntry>
): Generator<string> {
  yield `{\n  "version": ${JSON.stringify(head.version)},\n  "base-url": ${JSON.stringify(head['base-url'])},\n  "assets": `
  yield* objectPieces(assets)
  if (legacy.size > 0) {
    yield ',\n  "v1-assets": '
    yield* objectPieces(sortedMembers(legacy))
  }
  yield '\n}\n'
}

/** One member object of the manifest, at the second level of indentation. */
function* objectPieces<T>(members: Iterable<[string, T]>): Generator<string> {
  let first = true
  for (const [key, value] of members) {
    const text = JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')
    yield `${first ? '{' : ','}\n    ${JSON.stringify(key)}: ${text}`
    first = false
  }
  yield first ? '{}' : '\n  }'
}

/** A map's members in key order. */
function* sortedMembers<T>(map: Map<string, T>): Generator<[string, T]> {
  for (const key of [...map.keys()].sort(compareText)) yield [key, map.get(key)!]
}

/** Windows refuses a rename while another process (an antivirus, an indexer) holds the file open. */
const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES'])
export const RENAME_RETRY_DELAYS_MS = [25, 50, 100, 200, 400, 800]

export interface WriteManifestOptions {
  rename?: (from: string, to: string) => Promise<void>
  retryDelaysMs?: number[]
}

/**
 * Writes the manifest so that a reader sees the old file or the new one, never half of one.
 * The replace is retried for a moment when Windows reports the file busy.
 */
export async function writeManifest(
  file: string,
  manifest: Manifest,
  options: WriteManifestOptions = {}
): Promise<void> {
  await writeManifestText(file, pieces(manifest), options)
}

/** The manifest's text piece by piece, entries sorted by key (see manifestPieces). */
function pieces(manifest: Manifest): Generator<string> {
  return manifestPieces(manifest, sortedMembers(manifest.assets), manifest.legacy)
}

/** Writes the pieces to a temporary file, in chunks, then replaces the manifest with it. */
async function writeManifestText(file: string, pieces: Iterable<string>, options: WriteManifestOptions): Promise<void> {
  const replace = options.rename ?? rename
  const delays = options.retryDelaysMs ?? RENAME_RETRY_DELAYS_MS
  await mkdir(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  try {
    await writeText(temp, pieces)
    for (let attempt = 0; ; attempt++) {
      try {
        await replace(temp, file)
        return
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (attempt >= delays.length || code === undefined || !RENAME_RETRY_CODES.has(code)) throw error
        await new Promise(resolve => setTimeout(resolve, delays[attempt]))
      }
    }
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** Files up to this size are hashed with one synchronous read into one buffer kept for them all. */
const READ_WHOLE_BYTES = 1024 * 1024
let wholeFileBuffer = Buffer.alloc(0)

/**
 * The SHA-256 of a small file's bytes now (larger ones are streamed). It is read whole with synchronous calls, as
 * the upload reads it (body.ts): a stream would cost a 1 MiB buffer and several round trips
 * through the thread pool per file, which for 100,000 small files was most of the run's CPU
 * and memory. Up to `size` + 1 bytes are read, so a file that grew meanwhile gets a digest that
 * cannot match (and is uploaded, where the change is caught) without being read whole.
 */
function sha256OfSmallFile(file: LocalFile): string {
  // One buffer for every small file: the read and the hash are synchronous.
  if (wholeFileBuffer.length < file.size + 1) wholeFileBuffer = Buffer.allocUnsafe(READ_WHOLE_BYTES + 1)
  const bytes = wholeFileBuffer.subarray(0, file.size + 1)
  const fd = openSync(file.absolutePath, 'r')
  try {
    let length = 0
    for (;;) {
      const read = readSync(fd, bytes, length, bytes.length - length, length)
      length += read
      if (read === 0 || length === bytes.length) break
    }
    return createHash('sha256').update(bytes.subarray(0, length)).digest('hex')
  } finally {
    closeSync(fd)
  }
}

async function sha256OfLargeFile(file: LocalFile): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file.absolutePath, { highWaterMark: READ_WHOLE_BYTES })) {
    hash.update(chunk as Buffer)
  }
  return hash.digest('hex')
}
