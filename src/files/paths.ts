/**
 * Paths as this runner's file system spells and compares them. The one place that looks at the
 * platform: everything else takes a PathRules, so the Windows rules are tested on Linux too.
 */
import path from 'node:path'

export interface PathRules {
  /** path.win32 or path.posix: separators, roots (drive letters, UNC shares), normalization. */
  readonly path: path.PlatformPath
  /** Two spellings that differ only in case (or Unicode normalization) name one file. */
  readonly caseInsensitive: boolean
}

/**
 * Windows (NTFS) and macOS (APFS, HFS+) are case-insensitive by default; Linux file systems
 * are not. A case-sensitive APFS volume is rare enough to follow the default.
 */
export function pathRulesFor(platform: NodeJS.Platform): PathRules {
  return {
    path: platform === 'win32' ? path.win32 : path.posix,
    caseInsensitive: platform === 'win32' || platform === 'darwin'
  }
}

export const HOST_PATHS: PathRules = pathRulesFor(process.platform)

/**
 * What two path strings are compared by. Case is folded one character to one character, as
 * NTFS's upcase table does ('ß' stays 'ß'); macOS also finds é and e + ◌́ to be one name.
 */
export function pathKey(text: string, rules = HOST_PATHS): string {
  if (!rules.caseInsensitive) return text
  const normalized = text.normalize('NFC')
  const upper = normalized.toUpperCase()
  if (upper.length === normalized.length) return upper
  let folded = ''
  for (const char of normalized) {
    const up = char.toUpperCase()
    folded += up.length === char.length ? up : char
  }
  return folded
}

/** An absolute path taken apart: `C:\`, `\\server\share\` or `/`, then its segments. */
interface SplitPath {
  root: string
  segments: string[]
}

export function splitPath(absolutePath: string, rules: PathRules): SplitPath {
  const normalized = rules.path.normalize(absolutePath)
  const root = rules.path.parse(normalized).root
  return { root, segments: normalized.slice(root.length).split(rules.path.sep).filter(Boolean) }
}

/** The number of leading segments `inner` shares with `outer`, or -1 when their roots differ. */
function sharedDepth(outer: SplitPath, inner: SplitPath, rules: PathRules): number {
  if (pathKey(outer.root, rules) !== pathKey(inner.root, rules)) return -1
  const limit = Math.min(outer.segments.length, inner.segments.length)
  let depth = 0
  while (depth < limit && pathKey(outer.segments[depth], rules) === pathKey(inner.segments[depth], rules)) depth++
  return depth
}

/**
 * The path of `absolutePath` below `folder`, `/`-separated ('' for the folder itself), or
 * undefined when it is not inside. Segment by segment, so `..foo` is inside and `C:` is not `D:`.
 */
export function pathInside(folder: string, absolutePath: string, rules = HOST_PATHS): string | undefined {
  const outer = splitPath(folder, rules)
  const inner = splitPath(absolutePath, rules)
  if (sharedDepth(outer, inner, rules) !== outer.segments.length) return undefined
  return inner.segments.slice(outer.segments.length).join('/')
}

export function samePath(a: string, b: string, rules = HOST_PATHS): boolean {
  return pathKey(rules.path.normalize(a), rules) === pathKey(rules.path.normalize(b), rules)
}

/** An absolute path with `/` separators: `C:/out/a.zip`, `//server/share/a.zip`, `/tmp/a.zip`. */
export function withSlashes(absolutePath: string, rules = HOST_PATHS): string {
  return rules.path.normalize(absolutePath).split(rules.path.sep).join('/')
}

/**
 * How a file is shown in outputs, logs and the manifest: relative to the workspace (the first of its
 * spellings that holds it), or absolute.
 */
export function reportedPath(
  workspace: string | string[],
  absolutePath: string,
  rules = HOST_PATHS
): { path: string; outside: boolean } {
  for (const spelling of typeof workspace === 'string' ? [workspace] : workspace) {
    const inside = pathInside(spelling, absolutePath, rules)
    if (inside !== undefined && inside !== '') return { path: inside, outside: false }
  }
  return { path: withSlashes(absolutePath, rules), outside: true }
}

/**
 * The deepest folder that holds every one of the paths, or undefined when they are on
 * different drives or shares (Windows): then names start at the drive (see nameBelow).
 */
export function commonAncestor(paths: string[], rules = HOST_PATHS): string | undefined {
  if (paths.length === 0) return undefined
  const first = splitPath(paths[0], rules)
  let depth = first.segments.length
  for (const other of paths.slice(1)) {
    const shared = sharedDepth(first, splitPath(other, rules), rules)
    if (shared < 0) return undefined
    depth = Math.min(depth, shared)
  }
  return first.root + first.segments.slice(0, depth).join(rules.path.sep)
}

/**
 * The `/`-separated name of `absolutePath` below `root`. Without a root (files on several
 * drives) the drive or share is the first part: `E:\out\a.zip` → `E/out/a.zip`,
 * `\\server\share\a.zip` → `server/share/a.zip`, as if one folder held every drive.
 */
export function nameBelow(root: string | undefined, absolutePath: string, rules = HOST_PATHS): string {
  if (root !== undefined) {
    const inside = pathInside(root, absolutePath, rules)
    if (inside !== undefined && inside !== '') return inside
  }
  const { root: drive, segments } = splitPath(absolutePath, rules)
  const driveParts = drive.split(/[\\/:]+/).filter(Boolean)
  return [...driveParts, ...segments].join('/')
}

/**
 * Relative lines made absolute under the workspace, as @actions/glob does under the current
 * directory; the workspace is escaped so that its own `*`, `?` or `[` match only themselves.
 */
export function anchorPatterns(patterns: string[], workspace: string, rules = HOST_PATHS): string[] {
  const folder = rules.path.normalize(workspace)
  return patterns.map(line => {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return line
    const bangs = /^(?:!\s*)*/.exec(trimmed)![0]
    const anchored = anchor(trimmed.slice(bangs.length), folder, rules)
    return anchored === undefined ? line : `${bangs.replace(/\s/g, '')}${anchored}`
  })
}

/** The pattern made absolute, or undefined to leave it as it is. */
function anchor(pattern: string, workspace: string, rules: PathRules): string | undefined {
  if (pattern === '' || pattern === '~' || /^~[\\/]/.test(pattern)) return undefined
  if (!isWindows(rules)) return pattern.startsWith('/') ? undefined : below(workspace, pattern, rules)
  if (/^[\\/]{2}/.test(pattern) || /^[A-Za-z]:[\\/]/.test(pattern)) return undefined
  const drive = rules.path.parse(workspace).root
  if (/^[\\/]/.test(pattern)) return below(drive, pattern.replace(/^[\\/]+/, ''), rules)
  const driveRelative = /^([A-Za-z]):(.*)$/s.exec(pattern)
  if (driveRelative === null) return below(workspace, pattern, rules)
  const [, letter, rest] = driveRelative
  const sameDrive = pathKey(`${letter}:`, rules) === pathKey(drive.slice(0, 2), rules)
  return below(sameDrive ? workspace : `${letter}:\\`, rest, rules)
}

/** `folder` escaped for a glob, then the relative pattern, without a leading `./`. */
function below(folder: string, pattern: string, rules: PathRules): string {
  const dotSlash = isWindows(rules) ? /^\.(?:[\\/]+|$)/ : /^\.(?:\/+|$)/
  let rest = pattern
  while (dotSlash.test(rest)) rest = rest.replace(dotSlash, '')
  const prefix = globEscape(folder, rules)
  if (rest === '') return prefix
  return prefix.endsWith(rules.path.sep) ? prefix + rest : prefix + rules.path.sep + rest
}

export function isWindows(rules: PathRules): boolean {
  return rules.path.sep === '\\'
}

/** As @actions/glob escapes a literal path: `*`, `?` and `[` match only themselves. */
export function globEscape(literal: string, rules = HOST_PATHS): string {
  const escaped = isWindows(rules) ? literal : literal.replace(/\\/g, '\\\\')
  return escaped.replace(/\[/g, '[[]').replace(/\?/g, '[?]').replace(/\*/g, '[*]')
}
