// A walk of our own, not @actions/glob's glob(): that throws on the first link that loops (ELOOP),
// even an excluded one, and silently drops a name that is not valid UTF-8; both must be named and
// left out while every other file goes. __tests__/integration/literal-search.test.ts checks both facts.
import { isUtf8 } from 'node:buffer'
import { type Dirent, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { pathInside, pathKey, splitPath, withSlashes, type PathRules } from './paths.js'
import type { GlobRules } from './patterns.js'

/** What the walk found; what it left out is named as reported (see SearchOptions.shown). */
export interface SearchResult {
  /** The regular files taken in, by absolute path, with what findFiles needs of the walk's stat. */
  matches: Map<string, { size: number; mtimeMs: number }>
  /** Symbolic links whose target does not exist, not counting those below a linked folder. */
  brokenLinks: string[]
  /** Hidden files and folders (a folder ends with `/`) that no line names. */
  hidden: string[]
  /** Symbolic links inside the workspace that lead outside it, with where they lead (`/`-separated). */
  linksOut: Array<{ path: string; target: string }>
  /** Entries that are neither a file nor a folder: a FIFO, a socket, a device. */
  special: Array<{ path: string; kind: string }>
  /**
   * Entries that cannot be looked at: a name that is not valid UTF-8 (its folder's path and the
   * name's bytes escaped, \xff), a link that loops; `matched` when a line of `path` takes it in.
   */
  unreachable: Array<{ path: string; reason: string; matched: boolean }>
}

export interface SearchOptions {
  search: GlobRules
  rules: PathRules
  includeHidden: boolean
  /**
   * The workspace's spellings (as given first): a file found below it must not lead out of it
   * through a symbolic link. A search path outside it (an absolute line) is outside on purpose.
   */
  workspace: string[]
  /** How a path is reported: relative to the workspace with `/`, or absolute. */
  shown: (absolutePath: string) => string
}

interface Entry {
  path: string
  /** Reached through a linked folder: a walk that does not follow links never gets here. */
  viaLink: boolean
  /** The entry is a symbolic link (a search path may be reached through one). */
  isLink: boolean
  /** Below the search path, the entry or a folder above it has a hidden name. */
  hidden: boolean
}

interface Walk extends SearchOptions {
  inside: (itemPath: string) => boolean
  found: SearchResult
}

/**
 * Depth first, as @actions/glob's globber walks (following links, no folders listed); a link back
 * up the chain is not entered again. An unreadable folder throws: the set of files could not be complete.
 */
export function walkSearchPaths(searchPaths: string[], options: SearchOptions): SearchResult {
  const found: SearchResult = {
    matches: new Map(),
    brokenLinks: [],
    hidden: [],
    linksOut: [],
    special: [],
    unreachable: []
  }
  const inside = (itemPath: string): boolean =>
    options.workspace.some(spelling => pathInside(spelling, itemPath, options.rules) !== undefined)
  const walk: Walk = { ...options, inside, found }
  const existing = searchPaths.filter(searchPath => lstatOrMissing(searchPath) !== undefined)
  for (const path of existing) walkEntry({ path, viaLink: false, isLink: true, hidden: false }, [], walk)
  return found
}

/**
 * Where names are compared without case, each segment as its folder lists it, so that names and
 * manifest keys do not follow a pattern's spelling (`BUILD/A` finds `build/a/README.txt` as such).
 */
export function spelledOnDisk(searchPaths: string[], rules: PathRules): string[] {
  if (!rules.caseInsensitive) return searchPaths
  const listings = new Map<string, string[]>()
  const listed = (folder: string, segment: string): string | undefined => {
    if (!listings.has(folder)) listings.set(folder, namesIn(folder))
    const names = listings.get(folder)!
    const key = pathKey(segment, rules)
    return names.includes(segment) ? segment : names.find(name => pathKey(name, rules) === key)
  }
  return searchPaths.map(searchPath => {
    const { root, segments } = splitPath(searchPath, rules)
    let spelled = root.replace(/^[a-z]:/, drive => drive.toUpperCase())
    for (const segment of segments) spelled = rules.path.join(spelled, listed(spelled, segment) ?? segment)
    return spelled
  })
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    // Not there, or not to be read: the walk meets it, and says so, if it matters.
    return []
  }
}

/** Looks at the entry and, for a folder to go into, at everything below it; `chain` holds the real paths above. */
function walkEntry(entry: Entry, chain: string[], walk: Walk): void {
  if (!visit(entry, walk)) return
  const realPath = realpathSync.native(entry.path)
  if (chain.includes(realPath)) return
  const below = [...chain, realPath]
  const viaLink = entry.viaLink || lstatSync(entry.path).isSymbolicLink()
  for (const child of readFolder(entry.path, walk)) {
    const path = walk.rules.path.join(entry.path, child.name)
    const hidden = entry.hidden || child.name.startsWith('.')
    walkEntry({ path, viaLink, isLink: child.isSymbolicLink(), hidden }, below, walk)
  }
}

/** Takes the entry in, or names it as left out; true for a folder to go into. */
function visit(item: Entry, walk: Walk): boolean {
  const { search, includeHidden, inside, shown, found } = walk
  const taken = search.takes(item.path)
  const entered = search.enters(item.path)
  if (!taken && !entered) return false
  const info = statOrLeftOut(item, taken, walk)
  if (info === undefined) return false
  const isFolder = info.isDirectory()
  // Named only where the walk would have taken it in.
  const wanted = isFolder ? entered : taken
  if (item.hidden && !includeHidden && !search.namesHidden(item.path, isFolder)) {
    if (wanted) found.hidden.push(isFolder ? `${shown(item.path)}/` : shown(item.path))
    return false
  }
  if (!isFolder && !info.isFile()) {
    if (taken) found.special.push({ path: shown(item.path), kind: kindOf(info) })
    return false
  }
  const target = item.isLink && inside(item.path) ? realpathSync.native(item.path) : undefined
  if (target !== undefined && !inside(target)) {
    if (wanted) found.linksOut.push({ path: shown(item.path), target: withSlashes(target, walk.rules) })
    return false
  }
  if (!isFolder && taken) found.matches.set(item.path, { size: info.size, mtimeMs: info.mtimeMs })
  return isFolder && entered
}

/** Undefined for a broken link, an entry gone since its folder was read, or a looping link (named and left out). */
function statOrLeftOut(item: Entry, taken: boolean, { shown, found }: Walk): Stats | undefined {
  try {
    return statSync(item.path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') {
      found.unreachable.push({ path: shown(item.path), matched: taken, reason: 'a symbolic link that loops (ELOOP)' })
      return undefined
    }
    if (code !== 'ENOENT') throw error
    if (!item.viaLink && taken && lstatOrMissing(item.path)?.isSymbolicLink()) found.brokenLinks.push(shown(item.path))
    return undefined
  }
}

/**
 * readdir gives a name that is not valid UTF-8 with U+FFFD for its bad bytes, which names no file:
 * it is left out and named with its bytes escaped.
 */
function readFolder(folder: string, { rules, search, shown, found }: Walk): Dirent[] {
  const entries = readdirSync(folder, { withFileTypes: true })
  if (!entries.some(entry => entry.name.includes('\uFFFD'))) return entries
  const badNames = readdirSync(folder, { encoding: 'buffer' }).filter(name => !isUtf8(name))
  for (const name of badNames) {
    found.unreachable.push({
      path: shown(rules.path.join(folder, escapeNameBytes(name))),
      matched: search.takes(rules.path.join(folder, name.toString('utf8'))),
      reason: 'its name is not valid UTF-8, so it cannot be named in the outputs or on Netiks'
    })
  }
  const lost = new Set(badNames.map(name => name.toString('utf8')))
  return entries.filter(entry => !lost.has(entry.name))
}

/** The name with each byte that is not part of valid UTF-8 written as \xHH: `bad\xff\xfe.txt`. */
function escapeNameBytes(bytes: Buffer): string {
  let text = ''
  for (let i = 0; i < bytes.length;) {
    // A character is the shortest valid sequence from its first byte; a byte that starts none is escaped.
    const length = [1, 2, 3, 4].find(n => i + n <= bytes.length && isUtf8(bytes.subarray(i, i + n)))
    text +=
      length === undefined ? `\\x${bytes[i].toString(16).padStart(2, '0')}` : bytes.toString('utf8', i, i + length)
    i += length ?? 1
  }
  return text
}

/** What an entry that is not a regular file is, for a message. */
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory'
  if (info.isFIFO()) return 'a FIFO'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  return 'not a regular file'
}

function lstatOrMissing(itemPath: string): Stats | undefined {
  try {
    return lstatSync(itemPath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
