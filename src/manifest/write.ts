import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { HOST_PATHS, type PathRules } from '../files/paths.js'
import { compareText } from '../format.js'
import type { ConfirmedUpload } from '../model.js'
import { writeText } from '../text-file.js'
import { withEntries } from './compare.js'
import { MANIFEST_VERSION, type KeptSection, type Manifest } from './manifest.js'

export interface WriteManifestOptions {
  now?: Date
  rules?: PathRules
  rename?: (from: string, to: string) => Promise<void>
  retryDelaysMs?: number[]
}

/** Writes the manifest with the assets confirmed in this run, atomically; returns how many assets this base-url has. */
export async function writeManifest(
  file: string,
  before: Manifest,
  confirmed: ConfirmedUpload[] = [],
  options: WriteManifestOptions = {}
): Promise<number> {
  const uploadedAt = (options.now ?? new Date()).toISOString()
  const entries = confirmed.map(({ file, recordedName, sha256, assetId, storageUrl, contentType }) => ({
    file,
    entry: {
      name: file.name,
      ...(recordedName !== file.name ? { recorded_name: recordedName } : {}),
      sha256,
      size: file.size,
      id: assetId,
      storage_url: storageUrl,
      content_type: contentType,
      uploaded_at: uploadedAt
    }
  }))
  const after = entries.length > 0 ? withEntries(before, entries, options.rules ?? HOST_PATHS) : before
  await replaceAtomically(file, manifestText(after), options)
  return after.assets.size
}

/** An object's members in the order written: in a JavaScript object, integer-like keys would come first. */
class Members {
  constructor(readonly members: Iterable<[string, unknown]>) {}
}

/**
 * The text, piece by piece, as `JSON.stringify(…, null, 2)` writes it: at the top the base-url
 * the file named there (this run's, for a new file), the others under `other-base-urls`; for
 * each, `assets` and, while it holds any, `v1-assets`, by key, as this action always wrote them.
 */
function* manifestText(manifest: Manifest): Generator<string> {
  const sections = new Map(manifest.others.sections)
  const top = manifest.others.top ?? manifest['base-url']
  // Under other-base-urls, a base-url without entries is not written.
  if (top === manifest['base-url'] || manifest.assets.size + manifest.legacy.size > 0) {
    sections.set(manifest['base-url'], manifest)
  }
  const below = [...sections.keys()].filter(url => url !== top).sort(compareText)
  const others = below.map((url): [string, Members] => [url, new Members(sectionMembers(sections.get(url)!))])
  const members: Array<[string, unknown]> = [
    ['version', MANIFEST_VERSION],
    ['base-url', top]
  ]
  members.push(...sectionMembers(sections.get(top)!))
  if (others.length > 0) members.push(['other-base-urls', new Members(others)])
  yield* jsonPieces(new Members(members), 0)
  yield '\n'
}

function sectionMembers(section: KeptSection): Array<[string, Members]> {
  const members: Array<[string, Members]> = [['assets', new Members(byKey(section.assets))]]
  if (section.legacy.size > 0) members.push(['v1-assets', new Members(byKey(section.legacy))])
  return members
}

function* byKey(map: Map<string, unknown>): Generator<[string, unknown]> {
  for (const key of [...map.keys()].sort(compareText)) yield [key, map.get(key)]
}

/** A JSON value at `level`, as JSON.stringify(…, null, 2) writes it. */
function* jsonPieces(value: unknown, level: number): Generator<string> {
  const indent = '\n' + '  '.repeat(level)
  if (!(value instanceof Members)) return yield JSON.stringify(value, null, 2).replaceAll('\n', indent)
  let first = true
  for (const [key, member] of value.members) {
    yield `${first ? '{' : ','}${indent}  ${JSON.stringify(key)}: `
    yield* jsonPieces(member, level + 1)
    first = false
  }
  yield first ? '{}' : `${indent}}`
}

/** Windows refuses a rename while another process (an antivirus, an indexer) holds the file open. */
const RENAME_RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RENAME_RETRY_DELAYS_MS = [25, 50, 100, 200, 400, 800]

async function replaceAtomically(file: string, pieces: Iterable<string>, options: WriteManifestOptions): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  try {
    await writeText(temp, pieces)
    for (const delay of [...(options.retryDelaysMs ?? RENAME_RETRY_DELAYS_MS), undefined]) {
      try {
        return await (options.rename ?? rename)(temp, file)
      } catch (error) {
        if (delay === undefined || !RENAME_RETRY_CODES.has((error as NodeJS.ErrnoException).code ?? '')) throw error
        await sleep(delay)
      }
    }
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
