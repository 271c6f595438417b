import * as glob from '@actions/glob'
import { countOf, compareText, listSome } from './format.js'
import { accessSync, constants, realpathSync, statSync } from 'node:fs'
import { lstat, stat } from 'node:fs/promises'
import { AssetNaming } from './constants.js'
import { contentTypeFor } from './content-type.js'
import { InputError } from './errors.js'
import { type FoundStat, foundStat, literalLines, walkLiteral } from './literal-search.js'
import type { LocalFile } from './netiks/types.js'
import {
  HOST_PATHS,
  anchorPatterns,
  commonAncestor,
  nameBelow,
  pathKey,
  reportedPath,
  type PathRules
} from './paths.js'

export type { LocalFile }

export interface FoundFiles {
  /** Regular files, sorted by relative path. */
  files: LocalFile[]
  /** Relative paths of matched symbolic links whose target does not exist; they are skipped. */
  brokenLinks: string[]
  /** Absolute (`/`-separated) paths of the files outside the workspace, as they are reported. */
  outside: string[]
  /**
   * Where `asset-name: relative` names start: the deepest folder holding every pattern's
   * search path (a search path that is a file stands for its folder), as actions/upload-artifact
   * roots an artifact. It depends on the patterns, not on which files match, so a new file
   * never renames another. Undefined when the search paths are on different drives.
   */
  root?: string
}

/**
 * Resolves newline-separated globs (with `!` exclusions) into regular files: relative patterns
 * start at the workspace, whatever the current directory; directories stand for every file
 * beneath them, duplicates collapse, and the result is sorted by reported path so outputs are
 * in a stable order. Throws an InputError naming every matched file that cannot be read, so
 * that nothing is uploaded from a set that cannot be complete.
 */
export async function findFiles(
  patterns: string[],
  workspace: string,
  rules = HOST_PATHS,
  options: { search?: FileSearch } = {}
): Promise<FoundFiles> {
  const pattern = anchorPatterns(patterns, workspace, rules).join('\n')
  const { matches, brokenLinks, searchPaths } = await matchPaths(pattern, workspace, rules, options.search ?? 'auto')
  const files: LocalFile[] = []
  const outside: string[] = []
  const unreadable: string[] = []
  // Synchronous on purpose: nothing else runs yet, and a thousand stat calls take milliseconds
  // this way instead of a round trip through the thread pool each.
  const baseOf = workspaceSpellings(workspace, rules)
  for (const [absolutePath, found] of matches) {
    try {
      const info = found ?? foundStat(statSync(absolutePath))
      if (!info.isFile) continue
      accessSync(absolutePath, constants.R_OK)
      const where = reportedPath(baseOf(absolutePath), absolutePath, rules)
      files.push(fileAt(absolutePath, where.path, info.size, info.mtimeMs, rules))
      if (where.outside) outside.push(where.path)
    } catch (error) {
      unreadable.push(
        `${reportedPath(workspace, absolutePath, rules).path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`
      )
    }
  }
  if (unreadable.length > 0) {
    throw new InputError(
      `Cannot read ${countOf(unreadable.length, 'matched file')}: ` +
        `${listSome(unreadable)}. ` +
        "Fix their permissions, or exclude them with a ! pattern in 'path'."
    )
  }
  return {
    files: files.sort((a, b) => compareText(a.relativePath, b.relativePath)),
    brokenLinks,
    outside: outside.sort(compareText),
    root: namingRoot(searchPaths, rules)
  }
}

/**
 * The workspace to report a path against: the workspace as given, or, when it is reached
 * through a symbolic link (a self-hosted runner's work folder often is), its real path for a
 * path spelled through the link's target, which is inside the workspace too.
 */
function workspaceSpellings(workspace: string, rules: PathRules): (absolutePath: string) => string {
  let real = workspace
  try {
    real = realpathSync(workspace)
  } catch {
    // A workspace that cannot be resolved is only ever spelled one way.
  }
  if (real === workspace) return () => workspace
  return absolutePath =>
    reportedPath(workspace, absolutePath, rules).outside && !reportedPath(real, absolutePath, rules).outside
      ? real
      : workspace
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

/**
 * How files are searched for: `auto` walks plain paths itself (see literal-search.ts) and
 * leaves every other pattern to @actions/glob; `glob` always uses @actions/glob (for tests
 * that compare the two).
 */
export type FileSearch = 'auto' | 'glob'

/** @actions/glob's options: a broken link stops the first walk (see matchPaths). */
const GLOB_OPTIONS = {
  implicitDescendants: true,
  matchDirectories: false,
  followSymbolicLinks: true,
  omitBrokenSymbolicLinks: false
}

/**
 * Plain paths: one walk of our own. Otherwise one @actions/glob walk in the usual case; a walk
 * that meets a broken symbolic link stops with an error, and only then are two walks made: one
 * that skips broken links, one that finds them to name them.
 */
async function matchPaths(
  pattern: string,
  workspace: string,
  rules: PathRules,
  search: FileSearch
): Promise<{ matches: Map<string, FoundStat | undefined>; brokenLinks: string[]; searchPaths: string[] }> {
  const lines = search === 'auto' ? literalLines(pattern, rules) : undefined
  if (lines !== undefined) {
    // The globber is made only for its search paths (and its checks of the patterns): no walk.
    const searchPaths = (await glob.create(pattern, GLOB_OPTIONS)).getSearchPaths()
    try {
      const found = walkLiteral(searchPaths, lines, rules)
      const brokenLinks = found.brokenLinks.map(link => reportedPath(workspace, link, rules).path).sort(compareText)
      return { matches: found.matches, brokenLinks, searchPaths }
    } catch (error) {
      throw searchError(error)
    }
  }
  try {
    return {
      ...(await globPaths(pattern, { followSymbolicLinks: true, omitBrokenSymbolicLinks: false })),
      brokenLinks: []
    }
  } catch (error) {
    if (error instanceof InputError) throw error
  }
  const found = await globPaths(pattern, { followSymbolicLinks: true, omitBrokenSymbolicLinks: true })
  return { ...found, brokenLinks: await findBrokenLinks(pattern, found.matches, workspace, rules) }
}

export function describeFile(
  absolutePath: string,
  size: number,
  workspace: string,
  mtimeMs?: number,
  rules = HOST_PATHS
): LocalFile {
  return fileAt(absolutePath, reportedPath(workspace, absolutePath, rules).path, size, mtimeMs, rules)
}

function fileAt(
  absolutePath: string,
  relativePath: string,
  size: number,
  mtimeMs: number | undefined,
  rules: PathRules
): LocalFile {
  const name = rules.path.basename(absolutePath)
  return { absolutePath, relativePath, name, size, mtimeMs, contentType: contentTypeFor(name) }
}

async function globPaths(
  pattern: string,
  links: { followSymbolicLinks: boolean; omitBrokenSymbolicLinks: boolean }
): Promise<{ matches: Map<string, FoundStat | undefined>; searchPaths: string[] }> {
  const globber = await glob.create(pattern, { ...GLOB_OPTIONS, ...links })
  try {
    const matches = new Map<string, FoundStat | undefined>()
    for (const match of await globber.glob()) matches.set(match, undefined)
    return { matches, searchPaths: globber.getSearchPaths() }
  } catch (error) {
    throw searchError(error)
  }
}

/** A file system error met while searching, as an InputError; anything else as it is. */
function searchError(error: unknown): unknown {
  const { code, path: where } = error as NodeJS.ErrnoException
  if (code === undefined) return error
  return new InputError(
    `Cannot search ${where ?? 'a matched directory'} for files (${code}). Fix its permissions, ` +
      "or change 'path' so that the search does not reach it: every folder a pattern can reach " +
      '(all below a folder it names, or below a **) is searched, even one that a ! pattern excludes.'
  )
}

/**
 * The glob that follows links drops broken ones silently; a second walk that does not follow
 * links sees them as entries, so they can be named in a warning.
 */
async function findBrokenLinks(
  pattern: string,
  followed: Map<string, unknown>,
  workspace: string,
  rules: PathRules
): Promise<string[]> {
  const broken: string[] = []
  const { matches } = await globPaths(pattern, { followSymbolicLinks: false, omitBrokenSymbolicLinks: true })
  for (const candidate of matches.keys()) {
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
    if (!targetExists) broken.push(reportedPath(workspace, candidate, rules).path)
  }
  return broken.sort(compareText)
}

/** Two or more matched files that would be sent under one name. */
export interface NameClash {
  name: string
  paths: string[]
}

/**
 * Sets the name each file is sent under: its base name, or its path below `root` (see
 * FoundFiles.root), always `/`-separated. Reports names that clash — compared as the file
 * system compares names — since Netiks would then hold several assets of one name. Linear in
 * the number of files.
 */
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
  // The first file of each name is kept as the file itself: a clash is made only for a second one,
  // so 100,000 distinct names cost one map entry each, not an entry, an object and an array.
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
