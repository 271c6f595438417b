import { type Dirent, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import { pathInside, type PathRules } from './paths.js'
import type { SearchRules } from './patterns.js'

/**
 * The file search for the usual `path:` (`dist`, `site/**`, `build/app.zip`, with maybe a
 * `!site/drafts`): lines that are plain paths, with no wildcard but a last `/**`, and no
 * trailing separator (see literalLines). Each line covers its path and all below, so no
 * pattern needs matching: this walks the folders as @actions/glob does (its options here:
 * follow links, implicit descendants, no directories) and finds exactly what it finds,
 * without its per-entry promises and pattern matching: @actions/glob took about 55 µs of CPU
 * a file (5.1 s for 100,000 files), this walk a few. __tests__/literal-search.test.ts
 * compares the two on trees with links, loops, broken links and exclusions.
 */

/** Of an entry's stat, what findFiles needs: kept instead of the Stats, a fraction of its size. */
export interface FoundStat {
  isFile: boolean
  size: number
  mtimeMs: number
}

export function foundStat(info: Stats): FoundStat {
  return { isFile: info.isFile(), size: info.size, mtimeMs: info.mtimeMs }
}

/** Longer lines go to @actions/glob (see literalLines): far above any path's length (4 KiB on Linux). */
const MAX_PLAIN_LINE = 16 * 1024

/** A line of a plain-path pattern: its path, and whether a `!` makes it an exclusion. */
export interface LiteralLine {
  path: string
  exclude: boolean
}

/**
 * The lines of `pattern` (as anchorPatterns wrote them: absolute) when every one is a plain
 * path, or one followed by `/**`, each maybe after `!`; otherwise undefined. With the action's
 * options @actions/glob's search paths are then those of the lines without `!`, and a line
 * covers exactly its path and everything below it (`X/**` matches X itself, file or folder,
 * and all below, as X does with its implicit descendants); of the lines that cover an entry,
 * the last decides. Anything else (a wildcard or character set, a trailing separator that
 * asks for folders only, a `.` or `..` segment that @actions/glob refuses, a `\` that it
 * takes as an escape outside Windows, and on Windows an exclusion, which it compares without
 * regard to case) is left to @actions/glob.
 */
export function literalLines(pattern: string, rules: PathRules): LiteralLine[] | undefined {
  const windows = rules.path.sep === '\\'
  const separators = windows ? /[\\/]+/ : /\/+/
  const lines: LiteralLine[] = []
  // Lines as @actions/glob splits them.
  const text = windows ? pattern.replace(/\r\n?/g, '\n') : pattern
  for (const raw of text.split('\n')) {
    let line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    // No path is this long; minimatch refuses patterns of 64 Ki characters, and @actions/glob
    // adds `/**` to a line: left to it, so that it fails as it always did.
    if (line.length > MAX_PLAIN_LINE) return undefined
    let exclude = false
    while (line.startsWith('!')) {
      exclude = !exclude
      line = line.slice(1).trim()
    }
    if (exclude && windows) return undefined
    line = line.replace(windows ? /(?<=[^\\/])[\\/]\*\*$/ : /(?<=[^/])\/\*\*$/, '')
    if (/[*?[!]/.test(line) || (!windows && line.includes('\\'))) return undefined
    if (windows ? !/^[A-Za-z]:[\\/]/.test(line) : !line.startsWith('/')) return undefined
    if (line.endsWith('/') || line.endsWith(rules.path.sep)) return undefined
    if (line.split(separators).some(segment => segment === '.' || segment === '..')) return undefined
    lines.push({ path: rules.path.normalize(line), exclude })
  }
  return lines.length > 0 ? lines : undefined
}

/**
 * The rules of plain-path lines, without pattern matching: a line covers its path and all
 * below it; of the lines that cover an entry, the last decides.
 */
export class LiteralRules implements SearchRules {
  private readonly excludes: boolean
  private readonly includes: string[]
  private readonly sep: string

  constructor(
    private readonly lines: LiteralLine[],
    rules: PathRules
  ) {
    this.sep = rules.path.sep
    this.excludes = lines.some(line => line.exclude)
    this.includes = lines.filter(line => !line.exclude).map(line => line.path)
  }

  /** Every entry the walk reaches is below a line without `!`: only exclusions can leave it out. */
  takes(itemPath: string): boolean {
    if (!this.excludes) return true
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const { path, exclude } = this.lines[i]
      if (this.isAtOrBelow(itemPath, path)) return !exclude
    }
    return false
  }

  /** A folder a `!` line leaves out is entered only on the way to a line below it. */
  enters(folder: string): boolean {
    return this.takes(folder) || this.includes.some(path => this.isBelow(path, folder))
  }

  /**
   * A line names the hidden parts of the path at or above its own path; what lies below it is
   * named only when nothing there is hidden. A folder on the way to a line is named too.
   */
  namesHidden(itemPath: string, isFolder: boolean): boolean {
    return this.includes.some(
      path =>
        (this.isAtOrBelow(itemPath, path) && !hasHiddenSegment(itemPath.slice(path.length), this.sep)) ||
        (isFolder && this.isBelow(path, itemPath))
    )
  }

  private isAtOrBelow(itemPath: string, folder: string): boolean {
    return itemPath === folder || this.isBelow(itemPath, folder)
  }

  private isBelow(itemPath: string, folder: string): boolean {
    return itemPath.startsWith(folder) && itemPath[folder.length] === this.sep && itemPath.length > folder.length + 1
  }
}

function hasHiddenSegment(relative: string, sep: string): boolean {
  return relative.split(sep).some(isHiddenName)
}

/** A hidden file or folder, as upload-artifact and most tools take it: its name starts with `.`. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.')
}

/** What the search left out, and why; each with its absolute path (see SearchResult). */
export interface LeftOutEntry {
  /** For a name that is not valid UTF-8: its folder's path and the name's bytes escaped (\xff). */
  path: string
  /** Whether a line of `path` takes it in: it would have been uploaded, were it a readable file. */
  matched: boolean
}

export interface SearchResult {
  /** The regular files taken in, with what the walk's stat found (findFiles needs no second one). */
  matches: Map<string, FoundStat>
  /** Symbolic links whose target does not exist, not counting those below a linked folder. */
  brokenLinks: string[]
  /** Hidden files and folders (a folder's path ends with a separator) that no line names. */
  hidden: string[]
  /** Symbolic links inside the workspace that lead outside it, with where they lead. */
  linksOut: Array<{ path: string; target: string }>
  /** Entries that are neither a file nor a folder: a FIFO, a socket, a device. */
  special: Array<{ path: string; kind: string }>
  /** Entries that cannot be looked at: a name that is not valid UTF-8, a link that loops. */
  unreachable: Array<LeftOutEntry & { reason: string }>
}

export interface SearchOptions {
  includeHidden: boolean
  /**
   * The workspace as given and as its real path: a file found below it must not lead out of it
   * through a symbolic link. A search path outside it (an absolute line) is outside on purpose.
   */
  workspace: { given: string; real: string }
}

interface SearchState {
  path: string
  /** Depth from the search path (1): how much of the chain of folders is this one's ancestry. */
  level: number
  /** Reached through a linked folder: a walk that does not follow links never gets here. */
  viaLink: boolean
  /** The entry is itself a symbolic link (or, for a search path, may be reached through one). */
  isLink: boolean
  /** Below the search path, the entry or a folder above it has a hidden name. */
  hidden: boolean
}

/**
 * Walks the search paths (@actions/glob's) depth first, as @actions/glob's globber does: a
 * missing search path is skipped; each entry is stat'ed through links; a folder whose real path
 * is already on the chain of folders above it (a link back up) is not entered again; an entry
 * gone by the time it is stat'ed is skipped. What it must not take in it leaves out and says
 * so (see SearchResult): hidden names no line spells out, links out of the workspace, entries
 * that are not regular files, and entries it cannot look at, which stopped @actions/glob's walk
 * and the whole run. Any other error (a folder it may not read) is thrown with its code and
 * path: the set of files could not be complete. Synchronous, as findFiles' stat calls are:
 * nothing else runs yet.
 */
export function walkSearchPaths(
  searchPaths: string[],
  search: SearchRules,
  rules: PathRules,
  options: SearchOptions
): SearchResult {
  const found: SearchResult = {
    matches: new Map(),
    brokenLinks: [],
    hidden: [],
    linksOut: [],
    special: [],
    unreachable: []
  }
  const inside = (itemPath: string): boolean =>
    pathInside(options.workspace.given, itemPath, rules) !== undefined ||
    pathInside(options.workspace.real, itemPath, rules) !== undefined
  const stack: SearchState[] = []
  for (const searchPath of searchPaths) {
    if (lstatOrMissing(searchPath) !== undefined) {
      stack.unshift({ path: searchPath, level: 1, viaLink: false, isLink: true, hidden: false })
    }
  }
  const chain: string[] = []
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const taken = search.takes(item.path)
    const entered = search.enters(item.path)
    if (!taken && !entered) continue
    const info = statOrLeftOut(item, taken, found)
    if (info === undefined) continue
    const isFolder = info.isDirectory()
    if (item.hidden && !options.includeHidden && !search.namesHidden(item.path, isFolder)) {
      if (isFolder ? entered : taken) found.hidden.push(isFolder ? item.path + rules.path.sep : item.path)
      continue
    }
    if (!isFolder && !info.isFile()) {
      if (taken) found.special.push({ path: item.path, kind: kindOf(info) })
      continue
    }
    if (item.isLink && inside(item.path)) {
      const target = realpathSync.native(item.path)
      if (!inside(target)) {
        if (isFolder ? entered : taken) found.linksOut.push({ path: item.path, target })
        continue
      }
    }
    if (!isFolder) {
      if (taken) found.matches.set(item.path, foundStat(info))
      continue
    }
    if (!entered) continue
    const realPath = realpathSync.native(item.path)
    while (chain.length >= item.level) chain.pop()
    if (chain.includes(realPath)) continue
    chain.push(realPath)
    const viaLink = item.viaLink || lstatSync(item.path).isSymbolicLink()
    const children = readFolder(item.path, rules, search, found)
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      stack.push({
        path: rules.path.join(item.path, child.name),
        level: item.level + 1,
        viaLink,
        isLink: child.isSymbolicLink(),
        hidden: item.hidden || isHiddenName(child.name)
      })
    }
  }
  return found
}

/**
 * The entry's stat through links, or undefined when there is nothing to take: a broken link
 * (named when a walk that does not follow links would see it), an entry gone since its folder
 * was read, or a link that loops, which is named and left out.
 */
function statOrLeftOut(item: SearchState, taken: boolean, found: SearchResult): Stats | undefined {
  try {
    return statSync(item.path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') {
      found.unreachable.push({ path: item.path, matched: taken, reason: 'a symbolic link that loops (ELOOP)' })
      return undefined
    }
    if (code !== 'ENOENT') throw error
    if (!item.viaLink && taken && lstatOrMissing(item.path)?.isSymbolicLink()) found.brokenLinks.push(item.path)
    return undefined
  }
}

/**
 * The entries of a folder. A name that is not valid UTF-8 comes back from readdir with U+FFFD
 * in place of its bad bytes, which names no file: it is left out and named with its bytes
 * escaped (the name as the folder holds it is read again, as bytes, only then).
 */
function readFolder(folder: string, rules: PathRules, search: SearchRules, found: SearchResult): Dirent[] {
  const entries = readdirSync(folder, { withFileTypes: true })
  if (!entries.some(entry => entry.name.includes('\uFFFD'))) return entries
  const badNames = readdirSync(folder, { encoding: 'buffer' }).filter(name => !isUtf8(name))
  for (const name of badNames) {
    found.unreachable.push({
      path: rules.path.join(folder, escapeNameBytes(name)),
      matched: search.takes(rules.path.join(folder, name.toString('utf8'))),
      reason: 'its name is not valid UTF-8, so it cannot be named in the outputs or on Netiks'
    })
  }
  const lost = new Set(badNames.map(name => name.toString('utf8')))
  return entries.filter(entry => !lost.has(entry.name))
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function isUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes)
    return true
  } catch {
    return false
  }
}

/** The name with each byte that is not part of valid UTF-8 written as \xHH: `bad\xff\xfe.txt`. */
export function escapeNameBytes(bytes: Buffer): string {
  let text = ''
  for (let i = 0; i < bytes.length;) {
    const length = utf8Length(bytes[i])
    const sequence = bytes.subarray(i, i + length)
    if (length > 0 && sequence.length === length && isUtf8(sequence)) {
      text += sequence.toString('utf8')
      i += length
    } else {
      text += `\\x${bytes[i].toString(16).padStart(2, '0')}`
      i++
    }
  }
  return text
}

/** The length of the UTF-8 sequence a byte starts, or 0 for a byte that starts none. */
function utf8Length(lead: number): number {
  if (lead < 0x80) return 1
  if (lead >= 0xc2 && lead < 0xe0) return 2
  if (lead >= 0xe0 && lead < 0xf0) return 3
  if (lead >= 0xf0 && lead < 0xf5) return 4
  return 0
}

/** What an entry that is neither a file nor a folder is, for a message. */
function kindOf(info: Stats): string {
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
