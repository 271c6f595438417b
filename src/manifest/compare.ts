import { createHash } from 'node:crypto'
import { closeSync, createReadStream, openSync } from 'node:fs'
import { HOST_PATHS, pathKey, type PathRules } from '../files/paths.js'
import type { LocalFile } from '../model.js'
import { runPool } from '../pool.js'
import type { Manifest, ManifestEntry, UnchangedFile } from './manifest.js'
import { readUpTo } from './read.js'

/** Unchanged: its entry (by path, else the version 1 entry of its name) has its name, size and sha256. */
export async function findUnchanged(
  files: LocalFile[],
  manifest: Manifest,
  concurrency: number,
  rules = HOST_PATHS
): Promise<{ upload: LocalFile[]; unchanged: UnchangedFile[] }> {
  const entryOfPath = entriesByPathKey(manifest, rules)
  // By the file's index, its entry while it may be unchanged.
  const entries = files.map(file => {
    const entry = entryOfPath(file.relativePath)
    if (entry !== undefined) return entry.name === file.name && entry.size === file.size ? entry : undefined
    const legacy = manifest.legacy.get(file.name)
    return legacy?.size === file.size ? { name: file.name, ...legacy } : undefined
  })
  await runPool(files.keys(), concurrency, async index => {
    const entry = entries[index]
    if (entry !== undefined && (await sha256Of(files[index])) !== entry.sha256) entries[index] = undefined
  })
  const upload: LocalFile[] = []
  const unchanged: UnchangedFile[] = []
  for (const [index, file] of files.entries()) {
    const entry = entries[index]
    if (entry === undefined) upload.push(file)
    else unchanged.push({ file, entry })
  }
  return { upload, unchanged }
}

/** Where paths compare byte for byte (Linux), the manifest's own map answers, with no copy. */
function entriesByPathKey(manifest: Manifest, rules: PathRules): (relativePath: string) => ManifestEntry | undefined {
  if (!rules.caseInsensitive) return relativePath => manifest.assets.get(relativePath)
  const byKey = new Map<string, ManifestEntry>()
  for (const [key, entry] of manifest.assets) byKey.set(pathKey(key, rules), entry)
  return relativePath => byKey.get(pathKey(relativePath, rules))
}

/** The manifest with each unchanged file's entry under its path as spelled now: a version 1 entry becomes a version 2 one. */
export function recordUnchanged(manifest: Manifest, unchanged: UnchangedFile[], rules = HOST_PATHS): Manifest {
  // The usual case, every entry already under its path: the manifest as it is, not copied.
  const inPlace = ({ file, entry }: UnchangedFile): boolean => manifest.assets.get(file.relativePath) === entry
  return manifest.legacy.size === 0 && unchanged.every(inPlace) ? manifest : withEntries(manifest, unchanged, rules)
}

/** An entry replaces the same file spelled in another case where case is ignored, and its name's version 1 entry. */
export function withEntries(manifest: Manifest, entries: UnchangedFile[], rules: PathRules): Manifest {
  const assets = new Map(manifest.assets)
  const legacy = new Map(manifest.legacy)
  // Where paths compare byte for byte, a key only ever replaces the entry of the same key.
  const spelling = rules.caseInsensitive
    ? new Map([...assets.keys()].map(key => [pathKey(key, rules), key]))
    : undefined
  for (const { file, entry } of entries) {
    const folded = pathKey(file.relativePath, rules)
    const previous = spelling?.get(folded)
    if (previous !== undefined && previous !== file.relativePath) assets.delete(previous)
    spelling?.set(folded, file.relativePath)
    assets.set(file.relativePath, entry)
    legacy.delete(file.name)
  }
  return { ...manifest, assets, legacy }
}

/** Files up to this size are read with synchronous calls into one buffer kept for them all. */
const READ_WHOLE_BYTES = 1024 * 1024
let smallFileBytes: Buffer | undefined

/**
 * A small file is read synchronously: a stream per file costs a buffer and thread-pool trips, most
 * of the work for many small files. Up to `size` + 1 bytes are read: a file that grew cannot match.
 */
async function sha256Of(file: LocalFile): Promise<string> {
  const hash = createHash('sha256')
  if (file.size < READ_WHOLE_BYTES) {
    smallFileBytes ??= Buffer.allocUnsafe(READ_WHOLE_BYTES)
    const fd = openSync(file.absolutePath, 'r')
    try {
      return hash
        .update(smallFileBytes.subarray(0, readUpTo(fd, smallFileBytes.subarray(0, file.size + 1))))
        .digest('hex')
    } finally {
      closeSync(fd)
    }
  }
  for await (const chunk of createReadStream(file.absolutePath, { highWaterMark: READ_WHOLE_BYTES })) {
    hash.update(chunk as Buffer)
  }
  return hash.digest('hex')
}
