import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import path from 'node:path'
import { kindOf } from '../files/walk.js'
import { formatBytes } from '../format.js'
import { isInertText, isPlainAssetId } from '../netiks/values.js'
import { whereJsonDeparts, type Place } from './json-syntax.js'
import {
  MANIFEST_VERSION,
  ManifestError,
  type KeptSection,
  type LegacyEntry,
  type Manifest,
  type ManifestEntry
} from './manifest.js'

export interface LoadedManifest {
  manifest: Manifest
  /** This base-url's malformed entries, left out: each key and what is wrong, for one warning. */
  ignored: string[]
  /** False when there was no file yet. */
  existed: boolean
  /** Whether the file held entries made against this run's base-url (in any number, none included). */
  knewBaseUrl: boolean
}

/** A larger file is not a manifest (a disk image, a log), and is not read. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024
const START_AFRESH = 'Fix it, or delete it to start a new manifest (every matched file is then uploaded again once).'
const NOT_REACHED = 'Check that the path and each folder on it exist as folders the job can read, or give another path.'

/** Reads the manifest (version 2 or 1); one this action cannot read whole, or could not replace, throws a ManifestError. */
export async function loadManifest(file: string, baseUrl: string): Promise<LoadedManifest> {
  const json = (await checkManifestPlace(file)) ? readManifestJson(file) : undefined
  const manifest: Manifest = {
    version: MANIFEST_VERSION,
    'base-url': baseUrl,
    assets: new Map(),
    legacy: new Map(),
    others: { sections: new Map() }
  }
  if (json === undefined) return { manifest, existed: false, knewBaseUrl: false, ignored: [] }
  if (!isJsonObject(json)) throw shapeError('is JSON, but not an object')
  const version = json.version
  if (version !== 1 && version !== MANIFEST_VERSION) throw unknownVersion(version)
  const top = json['base-url']
  if (typeof top !== 'string' || top === '') throw shapeError('has no "base-url" (a string) at its top')
  const sections = otherSections(json['other-base-urls'], top)
  sections.set(top, sectionOf(json, version, 'at its top'))
  const own = sections.get(baseUrl)
  sections.delete(baseUrl)
  manifest.others = { ...(top !== baseUrl ? { top } : {}), sections }
  const ignored = own === undefined ? [] : checkEntries(own, manifest)
  return { manifest, existed: true, knewBaseUrl: own !== undefined, ignored }
}

/**
 * Absent or a regular file (a FIFO is not opened: that waits for a writer), in a folder the run
 * can write: one not written after the uploads would make the next run send them all again.
 */
async function checkManifestPlace(file: string): Promise<boolean> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw new ManifestError(`cannot be reached (${error.code ?? error.message})`, NOT_REACHED)
  })
  if (info?.isDirectory()) {
    const advice = 'Give the path of a JSON file, such as .netiks/manifest.json; it is created if it does not exist.'
    throw new ManifestError('is a directory', advice)
  }
  if (info && !info.isFile()) throw notRegularFile(info)
  if (info && info.size > MAX_MANIFEST_BYTES) throw tooLarge(info.size)
  // The nearest folder that exists: the missing ones are made with the manifest.
  let folder = path.dirname(file)
  while (!(await isFolder(folder))) folder = path.dirname(folder)
  await access(folder, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
    throw new ManifestError(
      `cannot be written: this job may not write in ${folder} (${error.code}), ` +
        'so the next run would upload every file again; nothing was uploaded',
      'Make that folder writable for the job, or give a manifest path in a folder it can write, such as .netiks/ in the workspace.'
    )
  })
  return info !== undefined
}

async function isFolder(at: string): Promise<boolean> {
  const info = await stat(at).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && path.dirname(at) !== at) return undefined
    throw new ManifestError(`cannot be written in ${at} (${error.code ?? error.message})`, NOT_REACHED)
  })
  if (info && !info.isDirectory()) throw new ManifestError(`cannot be written: ${at} is not a folder`, NOT_REACHED)
  return info !== undefined
}

function tooLarge(bytes: number): ManifestError {
  return new ManifestError(
    `is ${formatBytes(bytes)}, larger than any manifest (at most ${formatBytes(MAX_MANIFEST_BYTES)}; ` +
      '100,000 entries take some 40 MB): it was not read',
    "Check that 'manifest' names the action's own manifest, not another file. " + START_AFRESH
  )
}

function notRegularFile(info: Stats): ManifestError {
  return new ManifestError(
    `is ${kindOf(info)}, not a regular file: it was not read`,
    'Give the path of a JSON file the action may replace, such as .netiks/manifest.json.'
  )
}

/** The manifest's JSON value, or undefined when it is gone. A text that is not JSON is placed, never quoted. */
function readManifestJson(file: string): unknown {
  const bytes = readManifestBytes(file)
  if (bytes === undefined) return undefined
  const text = bytes.toString('utf8')
  // Detached, the bytes' memory goes back before the parse, not at a collection after it.
  ;(bytes.buffer as ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer }).transfer?.(0)
  try {
    return JSON.parse(text)
  } catch {
    let place: Place | undefined
    try {
      const again = readManifestBytes(file)
      place = again && whereJsonDeparts(again)
    } catch {
      // Gone or unreadable by now: not placed.
    }
    throw new ManifestError(
      `is not valid JSON${place ? `: it departs from JSON at byte ${place.offset} (line ${place.line})` : ''}; ` +
        'it was left as it is, and nothing was uploaded',
      START_AFRESH
    )
  }
}

/** The manifest's bytes, in memory of their own (see readManifestJson), or undefined when it is gone. */
function readManifestBytes(file: string): Buffer | undefined {
  let fd: number | undefined
  try {
    // Without waiting: a FIFO put in the file's place since it was checked would wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
    // Checked again: another file may have taken the path since checkManifestPlace.
    const info = fstatSync(fd)
    if (!info.isFile()) throw notRegularFile(info)
    let bytes = Buffer.allocUnsafeSlow(Math.min(info.size, MAX_MANIFEST_BYTES) + 1)
    let length = readUpTo(fd, bytes)
    // Filled: it grew as it was read, or said no true size (as /proc does). Read on, no further than any manifest.
    while (length === bytes.length) {
      if (length > MAX_MANIFEST_BYTES) throw tooLarge(length)
      const grown = Buffer.allocUnsafeSlow(Math.min(2 * length, MAX_MANIFEST_BYTES + 1))
      bytes.copy(grown)
      bytes = grown
      length = readUpTo(fd, bytes, length)
    }
    return bytes.subarray(0, length)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (fd === undefined && code === 'ENOENT') return undefined
    throw error instanceof ManifestError ? error : new ManifestError(`cannot be read (${code ?? 'error'})`, NOT_REACHED)
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Reads the file into `bytes` from `start` until they are full or the file ends; returns how far they are filled. */
export function readUpTo(fd: number, bytes: Buffer, start = 0): number {
  let length = start
  for (let read = -1; read !== 0 && length < bytes.length; length += read) {
    read = readSync(fd, bytes, length, bytes.length - length, length)
  }
  return length
}

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
  // Said only when it is a plain number: the value is the file's, and could be anything.
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return shapeError(version === undefined ? 'has no "version"' : 'has a "version" that is not a number')
  }
  return new ManifestError(
    `has version ${version}, which this action does not know (it reads versions 1 and ${MANIFEST_VERSION}); ` +
      'it was left as it is, and nothing was uploaded',
    'A newer release of netiks/upload-action wrote it: run that release, or a newer one, with this manifest.'
  )
}

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

/** One base-url's entries: by path in `assets`, by name in `v1-assets` (in `assets`, in version 1). */
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
  for (const [entries, withName] of [
    [own.assets, true],
    [own.legacy, false]
  ] as const) {
    for (const [key, value] of entries) {
      const wrong = entryProblem(value, withName)
      // The key is JSON-quoted, and cut short: it may be of any length.
      if (wrong) ignored.push(`${JSON.stringify(key.length > 120 ? `${key.slice(0, 120)}…` : key)} (${wrong})`)
      else if (withName) manifest.assets.set(key, pickEntry(value as ManifestEntry))
      else manifest.legacy.set(key, pickLegacy(value as LegacyEntry))
    }
  }
  return ignored
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/

/**
 * What is wrong with an entry (its fields, never their values), or undefined. A skipped file's
 * entry reaches the log and the outputs: a value is no longer than any Netiks gives or a path
 * can be, and one from Netiks is inert (an entry may come back from a cache). A file's own name
 * may hold line breaks (Linux allows it): it is escaped wherever it is written.
 */
function entryProblem(value: unknown, withName: boolean): string | undefined {
  if (!isJsonObject(value)) return 'not an object'
  const isText = (text: unknown, fromNetiks = true): boolean =>
    typeof text === 'string' && text.length <= 8192 && (!fromNetiks || isInertText(text))
  const wrong: string[] = []
  if (withName && !(isText(value.name, false) && value.name !== '')) wrong.push('name')
  if (withName && value.recorded_name !== undefined && !(isText(value.recorded_name) && value.recorded_name !== '')) {
    wrong.push('recorded_name')
  }
  if (typeof value.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(value.sha256)) wrong.push('sha256')
  if (!Number.isSafeInteger(value.size) || (value.size as number) < 0) wrong.push('size')
  if (!isPlainAssetId(value.id)) wrong.push('id')
  for (const field of ['storage_url', 'content_type', 'uploaded_at']) if (!isText(value[field])) wrong.push(field)
  if (!wrong.includes('uploaded_at') && !ISO_TIME.test(value.uploaded_at as string)) wrong.push('uploaded_at')
  return wrong.length === 0 ? undefined : `${wrong.join(', ')} ${wrong.length === 1 ? 'is' : 'are'} missing or invalid`
}

/** Only the known fields, so that nothing unexpected is carried over to the next manifest. */
function pickLegacy(entry: LegacyEntry): LegacyEntry {
  const { size, id, storage_url, content_type, uploaded_at } = entry
  return { sha256: entry.sha256.toLowerCase(), size, id, storage_url, content_type, uploaded_at }
}

function pickEntry(entry: ManifestEntry): ManifestEntry {
  const recorded = entry.recorded_name !== undefined && entry.recorded_name !== entry.name
  const fields = `name,${recorded ? 'recorded_name,' : ''}sha256,size,id,storage_url,content_type,uploaded_at`
  // Kept as parsed when it is as this action writes it: a copy of every entry would double the peak memory.
  if (Object.keys(entry).join() === fields && entry.sha256 === entry.sha256.toLowerCase()) return entry
  return { name: entry.name, ...(recorded ? { recorded_name: entry.recorded_name } : {}), ...pickLegacy(entry) }
}
