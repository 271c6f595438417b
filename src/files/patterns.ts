import { GLOBSTAR, Minimatch } from 'minimatch'
import os from 'node:os'
import { globEscape, isWindows, pathKey, type PathRules } from './paths.js'

/**
 * The lines of `path` as @actions/glob reads them (implicit descendants, no directories),
 * matched with minimatch as it matches them, for the walk of walk.ts.
 *
 * Also the one place that knows which hidden names (starting with `.`) a line names: only a
 * segment written out in full (`.well-known`, `[.]env`) does, never a wildcard (`*`, `**`,
 * `.*`): `.*` would otherwise take in `.git` and, below it, the job's token.
 */

type Segment = string | RegExp | typeof GLOBSTAR

interface Line {
  negate: boolean
  segments: Segment[]
  /** A line ending with a separator matches folders only; files only below them. */
  foldersOnly: boolean
}

export class GlobRules {
  private readonly lines: Line[]
  private readonly includes: Line[]

  constructor(
    pattern: string,
    private readonly rules: PathRules
  ) {
    const text = isWindows(rules) ? pattern.replace(/\r\n?/g, '\n') : pattern
    this.lines = text
      .split('\n')
      .map(line => line.trim())
      .filter(line => line !== '' && !line.startsWith('#'))
      .map(line => parseLine(line, rules))
    this.includes = this.lines.filter(line => !line.negate)
  }

  /** Whether a file (any entry but a folder) is taken in: the last line that matches it decides. */
  takes(itemPath: string): boolean {
    const parts = this.split(itemPath)
    let taken = false
    for (const line of this.lines) {
      if (covers(line, parts, false)) taken = !line.negate
    }
    return taken
  }

  /**
   * Whether the walk goes into a folder: a line may match something below it, and no `!` line
   * leaves the folder out, unless a later line may take in something below it.
   */
  enters(folder: string): boolean {
    const parts = this.split(folder)
    let from = 0
    this.lines.forEach((line, index) => {
      if (line.negate && covers({ ...line, foldersOnly: false }, parts, false)) from = index + 1
    })
    return this.lines
      .slice(from)
      .some(
        line => !line.negate && matchFrom(line.segments, 0, parts, 0, { partial: true, strict: false, below: true })
      )
  }

  /** Whether a line names the hidden parts of this path, or of a path below this folder. */
  namesHidden(itemPath: string, isFolder: boolean): boolean {
    const parts = this.split(itemPath)
    return this.includes.some(
      line =>
        covers(line, parts, true) ||
        (isFolder && matchFrom(line.segments, 0, parts, 0, { partial: true, strict: true, below: true }))
    )
  }

  private split(itemPath: string): string[] {
    const key = pathKey(itemPath, this.rules)
    return isWindows(this.rules) ? key.split(/[\\/]+/) : key.split(/\/+/)
  }
}

/** The line matches the path itself, or (implicit descendants) a folder above it. */
function covers(line: Line, parts: string[], strict: boolean): boolean {
  if (!line.foldersOnly && matchFrom(line.segments, 0, parts, 0, { partial: false, strict, below: false })) return true
  return matchFrom(line.segments, 0, parts, 0, { partial: false, strict, below: true })
}

function parseLine(raw: string, rules: PathRules): Line {
  let negate = false
  let line = raw
  while (line.startsWith('!')) {
    negate = !negate
    line = line.slice(1).trim()
  }
  const windows = isWindows(rules)
  if (line === '~' || /^~[\\/]/.test(line)) line = globEscape(os.homedir(), rules) + line.slice(1)
  line = windows ? line.replace(/[\\/]+/g, '\\') : line.replace(/\/+/g, '/')
  const root = rules.path.parse(line.replace(/[*?[].*$/s, '')).root
  const foldersOnly = line.length > root.length && line.endsWith(rules.path.sep)
  if (foldersOnly) line = line.slice(0, -1)
  if (rules.caseInsensitive) line = line.normalize('NFC')
  const matcher = new Minimatch(windows ? line.replace(/\\/g, '/') : line, {
    dot: true,
    nobrace: true,
    nocomment: true,
    noext: true,
    nonegate: true
  })
  return { negate, segments: (matcher.set[0] as Segment[]).map(segment => keyed(segment, rules)), foldersOnly }
}

/**
 * Where the file system ignores case, a segment is matched against pathKey's form of a name: a
 * written-out one by its key (so it stays written out, for namesHidden), a wildcard without case.
 */
function keyed(segment: Segment, rules: PathRules): Segment {
  if (!rules.caseInsensitive || segment === GLOBSTAR) return segment
  return typeof segment === 'string' ? pathKey(segment, rules) : new RegExp(segment.source, `${segment.flags}i`)
}

interface MatchMode {
  /** A path that ends before the line does still matches: something below it may. */
  partial: boolean
  /** Hidden names match only a segment that spells them out. */
  strict: boolean
  /** One or more segments may follow what the line matches (its implicit descendants). */
  below: boolean
}

function isHidden(name: string): boolean {
  return name.startsWith('.')
}

/** Whether `parts[p…]` matches `segments[s…]`: minimatch's matchOne, with the modes above. */
function matchFrom(segments: Segment[], s: number, parts: string[], p: number, mode: MatchMode): boolean {
  for (; s < segments.length; s++, p++) {
    const segment = segments[s]
    if (segment === GLOBSTAR) {
      for (let next = p; next <= parts.length; next++) {
        if (matchFrom(segments, s + 1, parts, next, mode)) return true
        if (next < parts.length && !globstarTakes(parts[next], mode)) return false
      }
      return false
    }
    if (p === parts.length) return mode.partial
    const name = parts[p]
    if (typeof segment === 'string') {
      if (segment !== name) return false
    } else if ((mode.strict && isHidden(name)) || !segment.test(name)) {
      return false
    }
  }
  if (p === parts.length) return !mode.below || mode.partial
  if (!mode.below) return false
  for (; p < parts.length; p++) if (!globstarTakes(parts[p], mode)) return false
  return true
}

/** What `**` (and implicit descendants) may go through: never `.` or `..`, nor a hidden name when strict. */
function globstarTakes(name: string, mode: MatchMode): boolean {
  return name !== '.' && name !== '..' && !(mode.strict && isHidden(name))
}
