import { createHash } from 'node:crypto'
import { compareText } from './format.js'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ConfirmedUpload, LocalFile } from './netiks/types.js'
import { runPool } from './transfer/pool.js'

export const MANIFEST_VERSION = 1

/** What the action remembers of one asset it uploaded, under the name it was sent as. */
export interface ManifestEntry {
  sha256: string
  size: number
  id: string
  storage_url: string
  content_type: string
  uploaded_at: string
}

export interface Manifest {
  version: typeof MANIFEST_VERSION
  'base-url': string
  assets: Record<string, ManifestEntry>
}

/** A matched file left alone because the manifest already holds its exact bytes. */
export interface UnchangedFile {
  file: LocalFile
  entry: ManifestEntry
}

export interface LoadedManifest {
  manifest: Manifest
  /** Why the file on disk could not be used, for a warning; undefined when it was used or absent. */
  problem?: string
  /** False when there was no file yet. */
  existed: boolean
}

/**
 * Reads the manifest. A file that cannot be used — not JSON, another version, made against
 * another base-url — yields an empty manifest and a `problem` to warn about: every file is
 * then uploaded and the manifest rewritten. It never throws for the file's contents.
 */
export async function loadManifest(file: string, baseUrl: string): Promise<LoadedManifest> {
  const empty: Manifest = { version: MANIFEST_VERSION, 'base-url': baseUrl, assets: {} }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: empty, existed: false }
    return { manifest: empty, existed: true, problem: `cannot be read (${(error as NodeJS.ErrnoException).code})` }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return { manifest: empty, existed: true, problem: `is not valid JSON (${(error as Error).message})` }
  }
  const record = (parsed ?? {}) as Record<string, unknown>
  if (typeof parsed !== 'object' || Array.isArray(parsed) || record.version !== MANIFEST_VERSION) {
    return {
      manifest: empty,
      existed: true,
      problem: `has version ${JSON.stringify(record.version)}, which this action does not know (it writes version ${MANIFEST_VERSION})`
    }
  }
  if (record['base-url'] !== baseUrl) {
    return {
      manifest: empty,
      existed: true,
      problem: `was made against ${JSON.stringify(record['base-url'])}, not ${baseUrl}, so its assets are not known there`
    }
  }
  const assets: Record<string, ManifestEntry> = {}
  for (const [name, entry] of Object.entries((record.assets ?? {}) as Record<string, unknown>)) {
    if (isEntry(entry)) assets[name] = entry
  }
  return { manifest: { ...empty, assets }, existed: true }
}

function isEntry(value: unknown): value is ManifestEntry {
  const entry = value as ManifestEntry
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(entry.sha256) &&
    Number.isSafeInteger(entry.size) &&
    typeof entry.id === 'string' &&
    entry.id !== ''
  )
}

/**
 * Splits the files into those to upload and those the manifest already holds unchanged (same
 * name, same sha256). Only a file whose name and size match an entry is hashed — one
 * streaming read — so new and resized files cost nothing here.
 */
export async function findUnchanged(
  files: LocalFile[],
  manifest: Manifest,
  concurrency: number
): Promise<{ upload: LocalFile[]; unchanged: UnchangedFile[]; digests: Map<LocalFile, string> }> {
  const digests = new Map<LocalFile, string>()
  const candidates = files.filter(file => manifest.assets[file.name]?.size === file.size)
  await runPool(candidates, concurrency, async file => {
    digests.set(file, await sha256OfFile(file.absolutePath))
  })
  const unchanged: UnchangedFile[] = []
  const upload: LocalFile[] = []
  for (const file of files) {
    const entry = manifest.assets[file.name]
    if (entry !== undefined && digests.get(file) === entry.sha256) unchanged.push({ file, entry })
    else upload.push(file)
  }
  return { upload, unchanged, digests }
}

/** The manifest with every asset confirmed in this run added (or replacing the entry of its name). */
export function recordUploads(manifest: Manifest, confirmed: ConfirmedUpload[], now = new Date()): Manifest {
  const assets = { ...manifest.assets }
  for (const upload of confirmed) {
    assets[upload.file.name] = {
      sha256: upload.sha256,
      size: upload.file.size,
      id: upload.asset.id,
      storage_url: upload.storageUrl,
      content_type: upload.contentType,
      uploaded_at: now.toISOString()
    }
  }
  return { ...manifest, assets }
}

/** Writes the manifest so that a reader sees the old file or the new one, never half of one. */
export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  const sorted = {
    ...manifest,
    assets: Object.fromEntries(Object.entries(manifest.assets).sort(([a], [b]) => compareText(a, b)))
  }
  try {
    await writeFile(temp, `${JSON.stringify(sorted, null, 2)}\n`)
    await rename(temp, file)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
