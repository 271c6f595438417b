import * as glob from '@actions/glob'
import { countOf, compareText } from './format.js'
import { accessSync, constants, statSync } from 'node:fs'
import { lstat, stat } from 'node:fs/promises'
import path from 'node:path'
import { AssetNaming } from './constants.js'
import { contentTypeFor } from './content-type.js'
import { InputError } from './errors.js'
import type { LocalFile } from './netiks/types.js'

export type { LocalFile }

export interface FoundFiles {
  /** Regular files, sorted by relative path. */
  files: LocalFile[]
  /** Relative paths of matched symbolic links whose target does not exist; they are skipped. */
  brokenLinks: string[]
}

/**
 * Resolves newline-separated globs (with `!` exclusions) into regular files: directories
 * stand for every file beneath them, duplicates collapse, and the result is sorted by
 * relative path so outputs are in a stable order. Throws an InputError naming every matched
 * file that cannot be read, so that nothing is uploaded from a set that cannot be complete.
 */
export async function findFiles(patterns: string[], workspace: string): Promise<FoundFiles> {
  const pattern = patterns.join('\n')
  const { matches, brokenLinks } = await matchPaths(pattern, workspace)
  const files: LocalFile[] = []
  const unreadable: string[] = []
  // Synchronous on purpose: nothing else runs yet, and a thousand stat calls take milliseconds
  // this way instead of a round trip through the thread pool each.
  for (const absolutePath of matches) {
    try {
      const info = statSync(absolutePath)
      if (!info.isFile()) continue
      accessSync(absolutePath, constants.R_OK)
      files.push(describeFile(absolutePath, info.size, workspace, info.mtimeMs))
    } catch (error) {
      unreadable.push(
        `${relativeTo(workspace, absolutePath)} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`
      )
    }
  }
  if (unreadable.length > 0) {
    throw new InputError(
      `Cannot read ${countOf(unreadable.length, 'matched file')}: ` +
        `${unreadable.join(', ')}. Fix their permissions, or exclude them with a ! pattern in 'path'.`
    )
  }
  return { files: files.sort((a, b) => compareText(a.relativePath, b.relativePath)), brokenLinks }
}

/**
 * One walk in the usual case. A walk that meets a broken symbolic link stops with an error;
 * only then are two walks made: one that skips broken links, one that finds them to name them.
 */
async function matchPaths(
  pattern: string,
  workspace: string
): Promise<{ matches: Set<string>; brokenLinks: string[] }> {
  try {
    return {
      matches: await globPaths(pattern, { followSymbolicLinks: true, omitBrokenSymbolicLinks: false }),
      brokenLinks: []
    }
  } catch (error) {
    if (error instanceof InputError) throw error
  }
  const matches = await globPaths(pattern, { followSymbolicLinks: true, omitBrokenSymbolicLinks: true })
  return { matches, brokenLinks: await findBrokenLinks(pattern, matches, workspace) }
}

export function describeFile(absolutePath: string, size: number, workspace: string, mtimeMs?: number): LocalFile {
  const name = path.basename(absolutePath)
  return {
    absolutePath,
    relativePath: relativeTo(workspace, absolutePath),
    name,
    size,
    mtimeMs,
    contentType: contentTypeFor(name)
  }
}

async function globPaths(
  pattern: string,
  links: { followSymbolicLinks: boolean; omitBrokenSymbolicLinks: boolean }
): Promise<Set<string>> {
  const globber = await glob.create(pattern, { implicitDescendants: true, matchDirectories: false, ...links })
  try {
    return new Set(await globber.glob())
  } catch (error) {
    const { code, path: where } = error as NodeJS.ErrnoException
    if (code === undefined) throw error
    throw new InputError(
      `Cannot search ${where ?? 'a matched directory'} for files (${code}). Fix its permissions, ` +
        "or exclude it with a ! pattern in 'path'."
    )
  }
}

/**
 * The glob that follows links drops broken ones silently; a second walk that does not follow
 * links sees them as entries, so they can be named in a warning.
 */
async function findBrokenLinks(pattern: string, followed: Set<string>, workspace: string): Promise<string[]> {
  const broken: string[] = []
  for (const candidate of await globPaths(pattern, { followSymbolicLinks: false, omitBrokenSymbolicLinks: true })) {
    if (followed.has(candidate)) continue
    const isLink = await lstat(candidate).then(
      info => info.isSymbolicLink(),
      () => false
    )
    if (!isLink) continue
    const targetExists = await stat(candidate).then(
      () => true,
      () => false
    )
    if (!targetExists) broken.push(relativeTo(workspace, candidate))
  }
  return broken.sort(compareText)
}

/** Two or more matched files that would be sent under one name. */
export interface NameClash {
  name: string
  paths: string[]
}

/**
 * Sets the name each file is sent under: its base name, or its path relative to the common
 * root of all matches (as actions/upload-artifact roots its files). Reports base names that
 * clash, since Netiks would then hold several assets of one name.
 */
export function nameAssets(files: LocalFile[], naming: AssetNaming): { files: LocalFile[]; clashes: NameClash[] } {
  const named =
    naming === AssetNaming.Relative
      ? files.map(file => ({ ...file, name: relativeTo(commonRoot(files), file.absolutePath) }))
      : files
  const byName = new Map<string, string[]>()
  for (const file of named) byName.set(file.name, [...(byName.get(file.name) ?? []), file.relativePath])
  const clashes = [...byName].filter(([, paths]) => paths.length > 1).map(([name, paths]) => ({ name, paths }))
  return { files: named, clashes }
}

/** The deepest directory that holds every file. */
export function commonRoot(files: LocalFile[]): string {
  if (files.length === 0) return ''
  let root = path.dirname(files[0].absolutePath)
  for (const file of files) {
    while (root !== path.dirname(root) && path.relative(root, file.absolutePath).startsWith('..')) {
      root = path.dirname(root)
    }
  }
  return root
}

function relativeTo(workspace: string, absolutePath: string): string {
  return path.relative(workspace, absolutePath).split(path.sep).join('/')
}
