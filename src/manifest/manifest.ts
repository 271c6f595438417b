import { createHash } from 'node:crypto'
import { compareText, formatBytes, sortedByPath } from '../format.js'
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { access, mkdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../model.js'
import { JsonSyntaxCheck, type Place } from './json-syntax.js'
import type { ConfirmedUpload, LocalFile } from '../model.js'
import { isInertText, isPlainAssetId } from '../netiks/values.js'
import { writeText } from '../text-file.js'
import { HOST_PATHS, pathKey, type PathRules } from '../files/paths.js'
import { runPool } from '../pool.js'

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
  /** The base-url of this run: `assets` and `legacy` are the entries made against it. */
  'base-url': string
  /** By the file's workspace-relative path, `/`-separated (absolute for a file outside it). */
  assets: Map<string, ManifestEntry>
  /**
   * Entries of a version 1 manifest, by asset name, that no matched file has claimed yet (by
   * name and sha256). Kept, as `v1-assets`, so that a file that comes back is not sent again.
   */
  legacy: Map<string, LegacyEntry>
  /** What the file holds for other base-urls: written back as it was read. */
  others: OtherBaseUrls
}

/**
 * The entries made against the base-urls a run is not made against: they belong to those, and
 * each run writes them back as they were read, whatever their shape (a run cannot tell what
 * another base-url holds). Values are entries as parsed.
 */
export interface OtherBaseUrls {
  /** The base-url the file names at its top, when it is not this run's: it stays there. */
  top?: string
  /** By base-url. */
  sections: Map<string, KeptSection>
}

export interface KeptSection {
  assets: Map<string, unknown>
  legacy: Map<string, unknown>
}

/** A matched file left alone because the manifest already holds its exact bytes. */
export interface UnchangedFile {
  file: LocalFile
  entry: ManifestEntry
}

export interface LoadedManifest {
  manifest: Manifest
  /** Each entry of this base-url left out because it is malformed: its key and what is wrong, for one warning. */
  ignored: string[]
  /** The version the file was written in, when there was one. */
  version?: 1 | 2
  /** False when there was no file yet. */
  existed: boolean
  /** Whether the file held entries made against this run's base-url (in any number, none included). */
  knewBaseUrl: boolean
}

/**
 * The manifest can be neither read nor replaced as it is: the run stops before any request,
 * and the file is left as it is. Says what is wrong (never what the file holds: a manifest
 * path may lead to any file) and what to do.
 */
export class ManifestError extends InputError {
  constructor(
    /** What is wrong, after "The manifest <path> ". */
    readonly problem: string,
    /** What to do about it. */
    readonly advice: string
  ) {
    super(`The manifest ${problem}. ${advice}`)
    this.name = 'ManifestError'
  }
}

/**
 * No manifest is larger. An entry as the action writes it takes some 400 bytes (100,000 take
 * some 40 MB); this leaves room for 100,000 entries whose paths and storage URLs are each a
 * kilobyte or more, while a file that is not a manifest (a disk image, a log that grew
 * without end) is refused before a byte of it is read.
 */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024

const START_AFRESH = 'Fix it, or delete it to start a new manifest (every matched file is then uploaded again once).'

export function emptyManifest(baseUrl: string): Manifest {
  return {
    version: MANIFEST_VERSION,
    'base-url': baseUrl,
    assets: new Map(),
    legacy: new Map(),
    others: { sections: new Map() }
  }
}

/**
 * Checks, before anything is sent, that the manifest can be read and replaced where it is:
 * absent or a regular file (a FIFO is not opened: that would wait for a writer), not larger
 * than any manifest, in a folder the run can write (or one it can make). A manifest that could
 * not be written after the uploads would make the next run send every file again. Returns
 * whether the file exists. Throws a ManifestError.
 */
export async function checkManifestPlace(file: string): Promise<boolean> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw new ManifestError(`cannot be reached (${error.code ?? error.message})`, NOT_REACHED_ADVICE)
  })
  if (info?.isDirectory()) {
    throw new ManifestError(
      'is a directory',
      'Give the path of a JSON file, such as .netiks/manifest.json; it is created if it does not exist.'
    )
  }
  if (info !== undefined && !info.isFile()) throw notRegularFile(info)
  if (info !== undefined && info.size > MAX_MANIFEST_BYTES) throw tooLarge(info.size)
  await checkFolderWritable(path.dirname(file))
  return info !== undefined
}

const NOT_REACHED_ADVICE =
  'Check that the path and each folder on it exist as folders the job can read, or give another path.'

function tooLarge(bytes: number): ManifestError {
  return new ManifestError(
    `is ${formatBytes(bytes)}, larger than any manifest (at most ${formatBytes(MAX_MANIFEST_BYTES)}; ` +
      '100,000 entries take some 40 MB): it was not read',
    "Check that 'manifest' names the action's own manifest, not another file. " + START_AFRESH
  )
}

/** What a file that is not a regular one is, for the error. */
function fileType(info: Stats): string {
  if (info.isDirectory()) return 'a directory'
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

function notRegularFile(info: Stats): ManifestError {
  return new ManifestError(
    `is ${fileType(info)}, not a regular file: it was not read`,
    'Give the path of a JSON file the action may replace, such as .netiks/manifest.json.'
  )
}

/**
 * The manifest's folder, or the nearest existing folder above it (the missing ones are made when
 * the manifest is written), is a folder the run may write in.
 */
async function checkFolderWritable(folder: string): Promise<void> {
  let existing = folder
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && path.dirname(existing) !== existing) return undefined
      throw new ManifestError(`cannot be written in ${existing} (${error.code ?? error.message})`, NOT_REACHED_ADVICE)
    })
    if (info === undefined) {
      existing = path.dirname(existing)
      continue
    }
    if (!info.isDirectory()) {
      throw new ManifestError(`cannot be written: ${existing} is not a folder`, NOT_REACHED_ADVICE)
    }
    break
  }
  try {
    await access(existing, constants.W_OK | constants.X_OK)
  } catch (error) {
    throw new ManifestError(
      `cannot be written: this job may not write in ${existing} (${(error as NodeJS.ErrnoException).code}), ` +
        'so the next run would upload every file again; nothing was uploaded',
      'Make that folder writable for the job, or give a manifest path in a folder it can write, such as .netiks/ in the workspace.'
    )
  }
}

/**
 * Reads the manifest, of this version or of version 1, after checkManifestPlace. The entries
 * made against this run's base-url are read into the manifest; those of every other base-url
 * are kept as they are, to be written back. A file this action cannot read whole as a manifest
 * (not JSON, not an object, a version it does not know, a member of the wrong shape) throws a
 * ManifestError and is left as it is: it is replaced only once all it holds is understood. A
 * malformed entry is left out and listed in `ignored`; the others are used.
 */
export async function loadManifest(file: string, baseUrl: string): Promise<LoadedManifest> {
  const json = (await checkManifestPlace(file)) ? readManifestJson(file) : undefined
  if (json === undefined) return absentManifest(baseUrl)
  if (!isJsonObject(json)) throw shapeError('is JSON, but not an object')
  const version = json.version
  if (version !== 1 && version !== MANIFEST_VERSION) throw unknownVersion(version)
  const top = json['base-url']
  if (typeof top !== 'string' || top === '') throw shapeError('has no "base-url" (a string) at its top')
  const sections = otherSections(json['other-base-urls'], top)
  sections.set(top, sectionOf(json, version, 'at its top'))
  const own = sections.get(baseUrl)
  sections.delete(baseUrl)
  const others: OtherBaseUrls = { ...(top !== baseUrl ? { top } : {}), sections }
  const manifest: Manifest = { ...emptyManifest(baseUrl), others }
  const ignored = own === undefined ? [] : checkEntries(own, manifest)
  return { manifest, existed: true, knewBaseUrl: own !== undefined, ignored, version }
}

function absentManifest(baseUrl: string): LoadedManifest {
  return { manifest: emptyManifest(baseUrl), existed: false, knewBaseUrl: false, ignored: [] }
}

/**
 * Opened without waiting: opening a FIFO for reading waits for a writer, for ever. Only a
 * regular file is read (see readManifestBytes); O_NONBLOCK changes nothing for one.
 */
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

/**
 * The manifest's JSON value, or undefined when it is gone. A text JSON.parse refuses is placed,
 * never quoted: it may be anything (a token file a link points to), and JSON.parse's message
 * quotes it, names no place at all for an unexpected token, and counts characters, not bytes.
 */
function readManifestJson(file: string): unknown {
  const bytes = readManifestBytes(file)
  if (bytes === undefined) return undefined
  const text = bytes.toString('utf8')
  // The bytes are let go of before the parse (they are read again only to place a text that is
  // not JSON): detached, their memory goes back now, not at a collection after the parse.
  ;(bytes.buffer as Detachable).transfer?.(0)
  try {
    return JSON.parse(text)
  } catch {
    throw notJson(whereJsonEnds(file))
  }
}

/** An ArrayBuffer that ArrayBuffer.prototype.transfer (ES2024, Node 21 and later) can detach. */
type Detachable = ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer }

/** Where the file's bytes first depart from JSON; undefined when they cannot be read again. */
function whereJsonEnds(file: string): Place | undefined {
  let bytes: Buffer | undefined
  try {
    bytes = readManifestBytes(file)
  } catch {
    return undefined
  }
  if (bytes === undefined) return undefined
  const check = new JsonSyntaxCheck()
  return check.push(bytes) ?? check.end()
}

/**
 * The manifest's bytes, in a buffer of their own (see readManifestJson), or undefined when it
 * is gone. Throws a ManifestError.
 */
function readManifestBytes(file: string): Buffer | undefined {
  let fd: number
  try {
    fd = openSync(file, OPEN_FOR_READING)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw cannotRead(error)
  }
  try {
    // What was opened is checked again: another file may have taken the path since checkManifestPlace.
    const info = fstatSync(fd)
    if (!info.isFile()) throw notRegularFile(info)
    // Never from Buffer's shared pool: the bytes' ArrayBuffer is theirs alone, to be detached.
    let bytes = Buffer.allocUnsafeSlow(Math.min(info.size, MAX_MANIFEST_BYTES) + 1)
    let length = fill(fd, bytes, 0)
    // Filled: the file grew as it was read. It is read on, but no further than any manifest.
    while (length === bytes.length) {
      if (length > MAX_MANIFEST_BYTES) throw tooLarge(length)
      const grown = Buffer.allocUnsafeSlow(Math.min(2 * length, MAX_MANIFEST_BYTES + 1))
      bytes.copy(grown)
      bytes = grown
      length = fill(fd, bytes, length)
    }
    return bytes.subarray(0, length)
  } catch (error) {
    throw error instanceof ManifestError ? error : cannotRead(error)
  } finally {
    closeSync(fd)
  }
}

/** Reads the file into `bytes` from `start` until they are full or the file ends; returns how far they are filled. */
function fill(fd: number, bytes: Buffer, start: number): number {
  let length = start
  while (length < bytes.length) {
    const read = readSync(fd, bytes, length, bytes.length - length, length)
    if (read === 0) break
    length += read
  }
  return length
}

function cannotRead(error: unknown): ManifestError {
  return new ManifestError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, NOT_REACHED_ADVICE)
}

function notJson(at: Place | undefined): ManifestError {
  return new ManifestError(
    `is not valid JSON${at ? `: it departs from JSON at byte ${at.offset} (line ${at.line})` : ''}; ` +
      'it was left as it is, and nothing was uploaded',
    START_AFRESH
  )
}

/** A JSON object: not null, not an array. */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function shapeError(problem: string): ManifestError {
  return new ManifestError(
    `${problem}, so it is not a manifest this action reads; it was left as it is, and nothing was uploaded`,
    `Check that 'manifest' names the action's own manifest (see "Sync without duplicates" in the README). ${START_AFRESH}`
  )
}

function unknownVersion(version: unknown): ManifestError {
  // The version is said only when it is a plain number: the value is the file's, and could be anything.
  const which = typeof version === 'number' && Number.isSafeInteger(version) ? `has version ${version}` : undefined
  if (which === undefined)
    return shapeError(version === undefined ? 'has no "version"' : 'has a "version" that is not a number')
  return new ManifestError(
    `${which}, which this action does not know (it reads versions 1 and ${MANIFEST_VERSION}); ` +
      'it was left as it is, and nothing was uploaded',
    'A newer release of netiks/upload-action wrote it: run that release, or a newer one, with this manifest.'
  )
}

/** Each base-url's section under `other-base-urls`, as read; a member of another shape is an error. */
function otherSections(value: unknown, top: string): Map<string, KeptSection> {
  const sections = new Map<string, KeptSection>()
  if (value === undefined) return sections
  if (!isJsonObject(value)) throw shapeError('has "other-base-urls" that is not an object')
  for (const [url, section] of Object.entries(value)) {
    if (url === top) throw shapeError('has the base-url of its top under "other-base-urls" as well')
    if (!isJsonObject(section)) throw shapeError('has a member of "other-base-urls" that is not an object')
    sections.set(url, sectionOf(section, MANIFEST_VERSION, 'under "other-base-urls"'))
  }
  return sections
}

/** The entries of one base-url: by path in `assets`, by name in `v1-assets` (or in `assets`, in version 1). */
function sectionOf(members: Record<string, unknown>, version: 1 | 2, where: string): KeptSection {
  const objectOrNone = (name: string): Map<string, unknown> => {
    const value = members[name]
    if (value == null) return new Map()
    if (!isJsonObject(value)) throw shapeError(`has "${name}" ${where} that is not an object`)
    return new Map(Object.entries(value))
  }
  if (version === 1) return { assets: new Map(), legacy: objectOrNone('assets') }
  return { assets: objectOrNone('assets'), legacy: objectOrNone('v1-assets') }
}

/** Puts this base-url's usable entries into the manifest; returns the malformed ones, each with what is wrong. */
function checkEntries(own: KeptSection, manifest: Manifest): string[] {
  const ignored: string[] = []
  for (const [key, value] of own.assets) {
    const wrong = entryProblem(value, true)
    if (wrong) ignored.push(`${keyForLog(key)} (${wrong})`)
    else manifest.assets.set(key, pickEntry(value as ManifestEntry))
  }
  for (const [name, value] of own.legacy) {
    const wrong = entryProblem(value, false)
    if (wrong) ignored.push(`${keyForLog(name)} (${wrong})`)
    else manifest.legacy.set(name, pickLegacy(value as LegacyEntry))
  }
  return ignored
}

/** An entry's key for the warning: JSON-quoted, and cut short (a key may be of any length). */
function keyForLog(key: string): string {
  const MAX = 120
  return JSON.stringify(key.length > MAX ? `${key.slice(0, MAX)}…` : key)
}

const STRING_FIELDS = ['id', 'storage_url', 'content_type', 'uploaded_at'] as const
/**
 * Longer than any value Netiks gives or a path can be. A skipped file's entry reaches the log
 * and the outputs; a value beyond this is a damaged or foreign entry, not one to print.
 */
const MAX_FIELD_CHARS = 8192
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/

/**
 * A string the manifest may hold in a field: not empty where `nonEmpty`; where `fromNetiks`,
 * inert as a value from Netiks must be to reach the outputs (an entry may come back from a
 * cache). A file's own name may hold line breaks: Linux allows it, and it is escaped wherever
 * it is written.
 */
function isFieldString(value: unknown, { nonEmpty = false, fromNetiks = true } = {}): boolean {
  if (typeof value !== 'string' || value.length > MAX_FIELD_CHARS) return false
  return (!nonEmpty || value !== '') && (!fromNetiks || isInertText(value))
}

/** What is wrong with an entry, or undefined when it can be used. Names the fields, never their values. */
function entryProblem(value: unknown, withName: boolean): string | undefined {
  if (!isJsonObject(value)) return 'not an object'
  const wrong: string[] = []
  if (withName && !isFieldString(value.name, { nonEmpty: true, fromNetiks: false })) wrong.push('name')
  if (withName && value.recorded_name !== undefined && !isFieldString(value.recorded_name, { nonEmpty: true })) {
    wrong.push('recorded_name')
  }
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(value.sha256)) wrong.push('sha256')
  if (!Number.isSafeInteger(value.size) || (value.size as number) < 0) wrong.push('size')
  for (const field of STRING_FIELDS) {
    const valid = field === 'id' ? isPlainAssetId(value.id) : isFieldString(value[field])
    if (!valid) wrong.push(field)
  }
  if (!wrong.includes('uploaded_at') && !ISO_TIME.test(value.uploaded_at as string)) wrong.push('uploaded_at')
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
    // A small file is hashed at once: its bytes are read into one buffer kept for them all.
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
  confirmed: ConfirmedUpload[],
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
function entryOf(upload: ConfirmedUpload, uploadedAt: string): ManifestEntry {
  return {
    name: upload.file.name,
    ...(upload.recordedName !== upload.file.name ? { recorded_name: upload.recordedName } : {}),
    sha256: upload.sha256,
    size: upload.file.size,
    id: upload.assetId,
    storage_url: upload.storageUrl,
    content_type: upload.contentType,
    uploaded_at: uploadedAt
  }
}

/**
 * Writes the manifest with every asset confirmed in this run added, as recordUploads and
 * writeManifest would, but without holding the new entries or the JSON text in memory: each
 * entry is made as the file is written (100,000 entries are some 40 MB of objects and as much
 * again of text). Returns how many assets it holds.
 */
export async function writeManifestWithUploads(
  file: string,
  before: Manifest,
  confirmed: ConfirmedUpload[],
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
  const empty = kept.length === 0 && uploads.length === 0 && legacy.size === 0
  await writeManifestText(file, manifestPieces(before, { assets: members(), legacy, empty }), options)
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

/** The entries of this run's base-url, as they are to be written. */
interface OwnEntries {
  /** In key order. */
  assets: Iterable<[string, ManifestEntry]>
  legacy: Map<string, LegacyEntry>
  /** No entry at all: under `other-base-urls` (see manifestPieces), then, it is not written. */
  empty: boolean
}

/**
 * The manifest's text, piece by piece, exactly as `JSON.stringify(…, null, 2)` writes it: at
 * the top, the base-url the file named there before (this run's, for a new file) and its
 * entries; then the other base-urls' entries under `other-base-urls`, by base-url. Each
 * base-url's entries are its `assets` and, while it holds any, its `v1-assets`, each sorted by
 * key. The other base-urls' entries are written back as they were read, in the order this
 * action wrote them (JSON.parse puts integer-like keys first: sorted, they come back in place).
 */
function* manifestPieces(head: Pick<Manifest, 'version' | 'base-url' | 'others'>, own: OwnEntries): Generator<string> {
  const { top, sections } = head.others
  const topUrl = top ?? head['base-url']
  yield `{\n  "version": ${JSON.stringify(head.version)},\n  "base-url": ${JSON.stringify(topUrl)}`
  yield* sectionPieces(top === undefined ? own : sections.get(top)!, 1)
  const below = [...sections.keys()].filter(url => url !== top)
  if (top !== undefined && !own.empty) below.push(head['base-url'])
  if (below.length > 0) {
    yield ',\n  "other-base-urls": {'
    for (const [index, url] of below.sort(compareText).entries()) {
      yield `${index === 0 ? '' : ','}\n    ${JSON.stringify(url)}: {`
      yield* sectionPieces(url === head['base-url'] ? own : sections.get(url)!, 3)
      yield '\n    }'
    }
    yield '\n  }'
  }
  yield '\n}\n'
}

/** `"assets"` and, while it holds any, `"v1-assets"`, as members of an object whose members are at `level`. */
function* sectionPieces(section: OwnEntries | KeptSection, level: number): Generator<string> {
  const indent = '  '.repeat(level)
  const own = 'empty' in section
  yield `${level === 1 ? ',' : ''}\n${indent}"assets": `
  yield* objectPieces(own ? section.assets : sortedMembers(section.assets), level)
  if (section.legacy.size > 0) {
    yield `,\n${indent}"v1-assets": `
    yield* objectPieces(sortedMembers(section.legacy), level)
  }
}

/** An object of entries, the value of a member at `level` (its own members one level deeper). */
function* objectPieces<T>(members: Iterable<[string, T]>, level: number): Generator<string> {
  const inner = '\n' + '  '.repeat(level + 1)
  let first = true
  for (const [key, value] of members) {
    const text = JSON.stringify(value, null, 2).replace(/\n/g, inner)
    yield `${first ? '{' : ','}${inner}${JSON.stringify(key)}: ${text}`
    first = false
  }
  yield first ? '{}' : `\n${'  '.repeat(level)}}`
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
  const empty = manifest.assets.size === 0 && manifest.legacy.size === 0
  return manifestPieces(manifest, { assets: sortedMembers(manifest.assets), legacy: manifest.legacy, empty })
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
    return createHash('sha256')
      .update(bytes.subarray(0, fill(fd, bytes, 0)))
      .digest('hex')
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
