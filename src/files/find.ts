import * as glob from '@actions/glob'
import { accessSync, constants, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { AssetNaming } from '../config/constants.js'
import { countOf, compareText, listSome } from '../format.js'
import { InputError, type LocalFile } from '../model.js'
import { contentTypeFor } from './content-type.js'
import { GlobRules } from './patterns.js'
import {
  HOST_PATHS,
  anchorPatterns,
  commonAncestor,
  nameBelow,
  pathInside,
  pathKey,
  reportedPath,
  samePath,
  splitPath,
  type PathRules
} from './paths.js'
import { spelledOnDisk, walkSearchPaths, type SearchResult } from './walk.js'

/** The files found, and what the search left out (see SearchResult), each sorted by path. */
export interface FoundFiles extends Omit<SearchResult, 'matches'> {
  /** Regular files, sorted by relative path. */
  files: LocalFile[]
  /** Absolute (`/`-separated) paths of the files outside the workspace, as they are reported. */
  outside: string[]
  /**
   * Where `asset-name: relative` names start: the deepest folder holding every search path (one
   * that is a file stands for its folder), as actions/upload-artifact roots an artifact, so a
   * new file never renames another. Undefined when the search paths are on different drives.
   */
  root?: string
}

/**
 * Relative patterns start at the workspace, whatever the current directory. Throws an InputError
 * naming every matched file that cannot be read: nothing is uploaded from an incomplete set.
 */
export async function findFiles(
  patterns: string[],
  workspace: string,
  rules = HOST_PATHS,
  { includeHidden = false }: { includeHidden?: boolean } = {}
): Promise<FoundFiles> {
  const pattern = anchorPatterns(patterns, workspace, rules).join('\n')
  // @actions/glob only reads the lines and gives where each starts: walk.ts walks (see why there).
  const searchPaths = spelledOnDisk((await glob.create(pattern)).getSearchPaths(), rules)
  const spellings = workspaceSpellings(workspace, searchPaths, rules)
  const report = (absolutePath: string) => reportedPath(spellings, absolutePath, rules)
  const shown = (absolutePath: string): string => report(absolutePath).path
  const search = new GlobRules(pattern, rules)
  let found: SearchResult
  try {
    found = walkSearchPaths(searchPaths, { search, rules, includeHidden, workspace: spellings, shown })
  } catch (error) {
    throw searchError(error)
  }
  const files: LocalFile[] = []
  const outside: string[] = []
  const unreadable: string[] = []
  for (const [absolutePath, { size, mtimeMs }] of found.matches) {
    const where = report(absolutePath)
    try {
      accessSync(absolutePath, constants.R_OK)
    } catch (error) {
      unreadable.push(`${where.path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`)
      continue
    }
    const name = rules.path.basename(absolutePath)
    files.push({ absolutePath, relativePath: where.path, name, size, mtimeMs, contentType: contentTypeFor(name) })
    if (where.outside) outside.push(where.path)
  }
  if (unreadable.length > 0) {
    throw new InputError(
      `Cannot read ${countOf(unreadable.length, 'matched file')}: ${listSome(unreadable)}. ` +
        "Fix their permissions, or exclude them with a ! pattern in 'path'."
    )
  }
  const byPath = <T extends { path: string }>(a: T, b: T): number => compareText(a.path, b.path)
  return {
    files: files.sort((a, b) => compareText(a.relativePath, b.relativePath)),
    brokenLinks: found.brokenLinks.sort(compareText),
    outside: outside.sort(compareText),
    hidden: found.hidden.sort(compareText),
    linksOut: found.linksOut.sort(byPath),
    special: found.special.sort(byPath),
    unreachable: found.unreachable.sort(byPath),
    root: namingRoot(searchPaths, rules)
  }
}

/**
 * The workspace's spellings: as given, as its real path (a self-hosted runner's work folder is
 * often reached through a link), and as a search path outside both reaches it through a link
 * above it (macOS's /var/folders/… for a workspace given as /private/var/folders/…).
 */
function workspaceSpellings(given: string, searchPaths: string[], rules: PathRules): string[] {
  const real = realPathOr(given)
  const spellings = [...new Set([given, real])]
  for (const searchPath of searchPaths) {
    if (spellings.some(spelling => pathInside(spelling, searchPath, rules) !== undefined)) continue
    const below = pathInside(real, realPathOr(searchPath), rules)
    if (below === undefined) continue
    const { root, segments } = splitPath(searchPath, rules)
    const depth = segments.length - below.split('/').filter(Boolean).length
    const candidate = root + segments.slice(0, depth).join(rules.path.sep)
    if (samePath(realPathOr(candidate), real, rules)) spellings.push(candidate)
  }
  return spellings
}

/** The real path, or the path as it is when it cannot be resolved (it is then only ever spelled one way). */
function realPathOr(somePath: string): string {
  try {
    return realpathSync(somePath)
  } catch {
    return somePath
  }
}

/** The least common ancestor of the search paths; one that names a file stands for its folder. */
function namingRoot(searchPaths: string[], rules: PathRules): string | undefined {
  const folders = searchPaths.map(searchPath => {
    try {
      return statSync(searchPath).isFile() ? rules.path.dirname(searchPath) : searchPath
    } catch {
      return searchPath
    }
  })
  return commonAncestor(folders, rules)
}

function searchError(error: unknown): unknown {
  const { code, path: where } = error as NodeJS.ErrnoException
  if (code === undefined) return error
  return new InputError(
    `Cannot search ${where ?? 'a matched directory'} for files (${code}). Fix its permissions, ` +
      "or leave it out with a ! line in 'path': every folder a pattern can reach (all below a " +
      'folder it names, or below a **) is searched unless a ! line excludes it.'
  )
}

/** Two or more matched files that would be sent under one name. */
export interface NameClash {
  name: string
  paths: string[]
}

/** Clashes are compared as the file system compares names: Netiks would hold several assets of one name. */
export function nameAssets(
  files: LocalFile[],
  naming: AssetNaming,
  root: string | undefined,
  rules = HOST_PATHS
): { files: LocalFile[]; clashes: NameClash[] } {
  const named =
    naming === AssetNaming.Relative
      ? files.map(file => ({ ...file, name: nameBelow(root, file.absolutePath, rules) }))
      : files
  // A clash is made only for a second file of a name: most names are distinct.
  const byName = new Map<string, LocalFile | NameClash>()
  for (const file of named) {
    const key = pathKey(file.name, rules)
    const seen = byName.get(key)
    if (seen === undefined) byName.set(key, file)
    else if ('paths' in seen) seen.paths.push(file.relativePath)
    else byName.set(key, { name: seen.name, paths: [seen.relativePath, file.relativePath] })
  }
  const clashes: NameClash[] = []
  for (const entry of byName.values()) if ('paths' in entry) clashes.push(entry)
  return { files: named, clashes }
}

/**
 * Takes `file` out of what was found, as a file or as a hidden entry; true if it was there. A hidden
 * folder holding it may hold more: it stays listed.
 */
export function leaveOut(found: FoundFiles, workspace: string, file: string): boolean {
  const isFile = (at: string): boolean => samePath(at, file)
  const hiddenFile = (hidden: string): boolean => isFile(path.resolve(workspace, hidden))
  const holdsFile = (hidden: string): boolean =>
    hidden.endsWith('/') && pathInside(path.resolve(workspace, hidden), file) !== undefined
  const seen = found.files.some(at => isFile(at.absolutePath)) || found.hidden.some(h => hiddenFile(h) || holdsFile(h))
  found.files = found.files.filter(at => !isFile(at.absolutePath))
  found.hidden = found.hidden.filter(hidden => !hiddenFile(hidden))
  return seen
}
