import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs'
import type { PathRules } from './paths.js'

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

export interface LiteralMatches {
  /**
   * What @actions/glob would list: every non-directory reached, links followed, with what the
   * walk's stat found (findFiles needs no second one).
   */
  matches: Map<string, FoundStat>
  /**
   * Symbolic links whose target does not exist, as a walk that does not follow links sees them:
   * not those below a linked folder.
   */
  brokenLinks: string[]
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
 * Whether the lines take in an entry the walk reached: the last line that covers it decides.
 * Without exclusions every entry is taken in (each is at or below a line's path).
 */
function takenIn(lines: LiteralLine[], itemPath: string, sep: string): boolean {
  for (let i = lines.length - 1; i >= 0; i--) {
    const { path, exclude } = lines[i]
    if (itemPath === path || (itemPath.startsWith(path) && itemPath[path.length] === sep)) return !exclude
  }
  return false
}

interface SearchState {
  path: string
  /** Depth from the search path (1): how much of the chain of folders is this one's ancestry. */
  level: number
  /** Reached through a linked folder: a walk that does not follow links never gets here. */
  viaLink: boolean
}

/**
 * Walks the search paths (@actions/glob's, for a literal pattern) depth first, as
 * @actions/glob's globber does: a missing search path is skipped; each entry is stat'ed
 * through links; a folder whose real path is already on the chain of folders above it (a link
 * back up) is not entered again; an entry gone by the time it is stat'ed is skipped; any other
 * error is thrown with its code and path. Folders a `!` line excludes are entered too, as
 * @actions/glob enters them (whether to go down is decided by the lines without `!`), and
 * their errors count; what they hold is not listed. Synchronous, as findFiles' stat calls
 * are: nothing else runs yet.
 *
 * An entry its folder still lists that cannot be looked at even without following it (a name
 * that is not valid UTF-8 comes back from readdir with U+FFFD, which names nothing) failed the
 * old search: its walk that did not follow links met it with lstat, ENOENT. It fails this one
 * too, with that error, once the walk is done (as that walk came after every other).
 */
export function walkLiteral(searchPaths: string[], lines: LiteralLine[], rules: PathRules): LiteralMatches {
  const excludes = lines.some(line => line.exclude)
  const wanted = (itemPath: string): boolean => !excludes || takenIn(lines, itemPath, rules.path.sep)
  const matches = new Map<string, FoundStat>()
  const brokenLinks: string[] = []
  const stack: SearchState[] = []
  for (const searchPath of searchPaths) {
    if (lstatOrMissing(searchPath) !== undefined) stack.unshift({ path: searchPath, level: 1, viaLink: false })
  }
  const chain: string[] = []
  let unreachable: unknown
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    let info: Stats
    try {
      info = statSync(item.path)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      if (item.viaLink) continue
      try {
        if (lstatSync(item.path).isSymbolicLink() && wanted(item.path)) brokenLinks.push(item.path)
      } catch (lstatError) {
        if ((lstatError as NodeJS.ErrnoException).code !== 'ENOENT' || stillListed(item.path, rules)) {
          unreachable ??= lstatError
        }
      }
      continue
    }
    if (!info.isDirectory()) {
      if (wanted(item.path)) matches.set(item.path, foundStat(info))
      continue
    }
    const realPath = realpathSync.native(item.path)
    while (chain.length >= item.level) chain.pop()
    if (chain.includes(realPath)) continue
    chain.push(realPath)
    const viaLink = item.viaLink || lstatSync(item.path).isSymbolicLink()
    const names = readdirSync(item.path)
    for (let i = names.length - 1; i >= 0; i--) {
      stack.push({ path: rules.path.join(item.path, names[i]), level: item.level + 1, viaLink })
    }
  }
  if (unreachable !== undefined) throw unreachable
  return { matches, brokenLinks }
}

/** Whether the entry's folder still lists it: it was not removed, its name names nothing. */
function stillListed(itemPath: string, rules: PathRules): boolean {
  try {
    return readdirSync(rules.path.dirname(itemPath)).includes(rules.path.basename(itemPath))
  } catch {
    return false
  }
}

function lstatOrMissing(itemPath: string): Stats | undefined {
  try {
    return lstatSync(itemPath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
