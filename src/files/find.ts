import * as glob from '@actions/glob'
import { countOf, compareText, listSome } from '../format.js'
import { accessSync, constants, realpathSync, statSync } from 'node:fs'
import { AssetNaming } from '../config/constants.js'
import { contentTypeFor } from './content-type.js'
import { InputError } from '../model.js'
import { LiteralRules, literalLines, walkSearchPaths, type SearchOptions, type SearchResult } from './literal-search.js'
import type { LocalFile } from '../model.js'
import { GlobRules } from './patterns.js'
import {
  HOST_PATHS,
  anchorPatterns,
  commonAncestor,
  nameBelow,
  pathKey,
  reportedPath,
  withSlashes,
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
   * Hidden files and folders (names starting with `.`) left out: no line names them and
   * include-hidden-files is false. A folder ends with `/` and stands for all below it.
   */
  hidden: string[]
  /** Symbolic links inside the workspace that lead out of it: left out, with where they lead. */
  linksOut: Array<{ path: string; target: string }>
  /** Matched entries that are not regular files (a FIFO, a socket, a device), and what each is. */
  special: Array<{ path: string; kind: string }>
  /**
   * Entries that cannot be looked at (a name that is not valid UTF-8, shown with its bytes
   * escaped; a link that loops), left out; `matched` when a line takes them in.
   */
  unreachable: Array<{ path: string; reason: string; matched: boolean }>
  /**
   * Where `asset-name: relative` names start: the deepest folder holding every pattern's
   * search path (a search path that is a file stands for its folder), as actions/upload-artifact
   * roots an artifact. It depends on the patterns, not on which files match, so a new file
   * never renames another. Undefined when the search paths are on different drives.
   */
  root?: string
}

export interface SearchChoices {
  search?: FileSearch
  /** Upload hidden files and folders even where no line names them (include-hidden-files). */
  includeHidden?: boolean
}

/**
 * Resolves newline-separated globs (with `!` exclusions) into regular files: relative patterns
 * start at the workspace, whatever the current directory; directories stand for every file
 * beneath them, duplicates collapse, and the result is sorted by reported path so outputs are
 * in a stable order. What it leaves out it returns, to be said (see FoundFiles). Throws an
 * InputError naming every matched file that cannot be read, so that nothing is uploaded from a
 * set that cannot be complete.
 */
export async function findFiles(
  patterns: string[],
  workspace: string,
  rules = HOST_PATHS,
  options: SearchChoices = {}
): Promise<FoundFiles> {
  const pattern = anchorPatterns(patterns, workspace, rules).join('\n')
  const real = realWorkspace(workspace)
  const { found, searchPaths } = await matchPaths(pattern, rules, {
    search: options.search ?? 'auto',
    includeHidden: options.includeHidden ?? false,
    workspace: { given: workspace, real }
  })
  const files: LocalFile[] = []
  const outside: string[] = []
  const unreadable: string[] = []
  // Synchronous on purpose: nothing else runs yet, and a thousand access calls take milliseconds
  // this way instead of a round trip through the thread pool each.
  const baseOf = workspaceSpellings(workspace, real, rules)
  const shown = (absolutePath: string): string => reportedPath(baseOf(absolutePath), absolutePath, rules).path
  for (const [absolutePath, info] of found.matches) {
    try {
      accessSync(absolutePath, constants.R_OK)
      const where = reportedPath(baseOf(absolutePath), absolutePath, rules)
      files.push(fileAt(absolutePath, where.path, info.size, info.mtimeMs, rules))
      if (where.outside) outside.push(where.path)
    } catch (error) {
      unreadable.push(`${shown(absolutePath)} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`)
    }
  }
  if (unreadable.length > 0) {
    throw new InputError(
      `Cannot read ${countOf(unreadable.length, 'matched file')}: ` +
        `${listSome(unreadable)}. ` +
        "Fix their permissions, or exclude them with a ! pattern in 'path'."
    )
  }
  const byPath = <T extends { path: string }>(a: T, b: T): number => compareText(a.path, b.path)
  return {
    files: files.sort((a, b) => compareText(a.relativePath, b.relativePath)),
    brokenLinks: found.brokenLinks.map(shown).sort(compareText),
    outside: outside.sort(compareText),
    hidden: found.hidden.map(entry => shownFolderOrFile(entry, shown, rules)).sort(compareText),
    linksOut: found.linksOut
      .map(link => ({ path: shown(link.path), target: withSlashes(link.target, rules) }))
      .sort(byPath),
    special: found.special.map(entry => ({ ...entry, path: shown(entry.path) })).sort(byPath),
    unreachable: found.unreachable.map(entry => ({ ...entry, path: shown(entry.path) })).sort(byPath),
    root: namingRoot(searchPaths, rules)
  }
}

/** A left-out folder keeps the separator that marks it as one, as `/`. */
function shownFolderOrFile(entry: string, shown: (absolutePath: string) => string, rules: PathRules): string {
  return entry.endsWith(rules.path.sep) ? `${shown(entry.slice(0, -1))}/` : shown(entry)
}

/** The workspace's real path: a self-hosted runner's work folder is often reached through a link. */
function realWorkspace(workspace: string): string {
  try {
    return realpathSync(workspace)
  } catch {
    // A workspace that cannot be resolved is only ever spelled one way.
    return workspace
  }
}

/**
 * The workspace to report a path against: the workspace as given, or, when it is reached
 * through a symbolic link (a self-hosted runner's work folder often is), its real path for a
 * path spelled through the link's target, which is inside the workspace too.
 */
function workspaceSpellings(workspace: string, real: string, rules: PathRules): (absolutePath: string) => string {
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
 * How files are searched for: `auto` takes plain paths as they are (see literal-search.ts) and
 * matches every other line as @actions/glob would (see patterns.ts); `glob` matches every line
 * that way (for tests that compare the two).
 */
export type FileSearch = 'auto' | 'glob'

/** @actions/glob's options, for its checks of the patterns and its search paths. */
const GLOB_OPTIONS = {
  implicitDescendants: true,
  matchDirectories: false,
  followSymbolicLinks: true,
  omitBrokenSymbolicLinks: true
}

/**
 * One walk of the search paths that @actions/glob gives for the patterns (made only for those,
 * and its checks of the patterns: it walks nothing), with the rules of plain paths where every
 * line is one, else with the patterns matched as @actions/glob matches them.
 */
async function matchPaths(
  pattern: string,
  rules: PathRules,
  options: SearchOptions & { search: FileSearch }
): Promise<{ found: SearchResult; searchPaths: string[] }> {
  const searchPaths = (await glob.create(pattern, GLOB_OPTIONS)).getSearchPaths()
  const lines = options.search === 'auto' ? literalLines(pattern, rules) : undefined
  const search = lines !== undefined ? new LiteralRules(lines, rules) : new GlobRules(pattern, rules)
  try {
    return { found: walkSearchPaths(searchPaths, search, rules, options), searchPaths }
  } catch (error) {
    throw searchError(error)
  }
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

/** A file system error met while searching, as an InputError; anything else as it is. */
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
