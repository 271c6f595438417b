/**
 * CHANGELOG.md in Keep a Changelog 1.1.0 format (https://keepachangelog.com/en/1.1.0/): a
 * `## [Unreleased]` section on top, one `## [X.Y.Z] - YYYY-MM-DD` section per release, newest
 * first, and link references at the bottom. It is the source of every release's notes.
 *
 *   npx tsx script/changelog.ts section 1.2.0   # that version's section, as Markdown
 *   npx tsx script/changelog.ts notes v1.2.0    # the same, after checking the tag against package.json
 *
 * Both print the notes on stdout, or one line saying what is wrong on stderr and exit 1.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPOSITORY_URL = 'https://github.com/netiks/upload-action'
export const UNRELEASED = 'Unreleased'

/** Something in CHANGELOG.md, package.json or the tag that stops a release; the message says what to do. */
export class ReleaseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReleaseError'
  }
}

/** A version of a release: MAJOR.MINOR.PATCH, nothing more (no pre-releases: v1 never moves to one). */
export function parseVersion(text: string): [number, number, number] {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.exec(text)
  if (!match) throw new ReleaseError(`"${text}" is not a version: give MAJOR.MINOR.PATCH, such as 1.2.0.`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** Negative when a comes before b, 0 when equal, positive after. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parseVersion(a), parseVersion(b)]
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]
}

interface Section {
  /** The name between the brackets: 'Unreleased' or a version. */
  name: string
  /** Index of its `## ` heading line. */
  heading: number
  /** Index of the line after its last line. */
  end: number
}

interface Parsed {
  lines: string[]
  sections: Section[]
  /** Index of the first line of the link references at the bottom (lines.length when none). */
  links: number
}

const HEADING = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/
const LINK_REFERENCE = /^\[[^\]]+\]:\s+\S+/

function parse(text: string): Parsed {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  let links = lines.length
  for (let i = lines.length - 1; i >= 0; i--) {
    if (LINK_REFERENCE.test(lines[i])) links = i
    else if (lines[i].trim() !== '') break
  }
  const sections: Section[] = []
  for (let i = 0; i < links; i++) {
    if (lines[i].startsWith('## ')) {
      const match = HEADING.exec(lines[i])
      if (!match) {
        throw new ReleaseError(
          `CHANGELOG.md line ${i + 1} is not a Keep a Changelog heading: "${lines[i]}". ` +
            'Write "## [Unreleased]" or "## [X.Y.Z] - YYYY-MM-DD".'
        )
      }
      if (sections.length > 0) sections.at(-1)!.end = i
      sections.push({ name: match[1], heading: i, end: links })
    }
  }
  return { lines, sections, links }
}

function bodyOf(parsed: Parsed, section: Section): string {
  return parsed.lines
    .slice(section.heading + 1, section.end)
    .join('\n')
    .trim()
}

/** The notes of one version: its section without the heading. */
export function sectionOf(text: string, version: string): string {
  const parsed = parse(text)
  const section = parsed.sections.find(s => s.name === version)
  if (!section) {
    const known = parsed.sections.map(s => s.name).join(', ') || 'none'
    throw new ReleaseError(
      `CHANGELOG.md has no "## [${version}]" section (it has: ${known}). ` +
        `Release with "npm run release -- ${version}", which turns Unreleased into that section.`
    )
  }
  const body = bodyOf(parsed, section)
  if (body === '') throw new ReleaseError(`CHANGELOG.md's "## [${version}]" section is empty.`)
  return body
}

/** The newest released version in the CHANGELOG, if any. */
export function latestVersion(text: string): string | undefined {
  return parse(text).sections.find(s => s.name !== UNRELEASED)?.name
}

/**
 * Turns the Unreleased section into `## [version] - date`, with a fresh empty Unreleased above
 * it, and updates the link references: Unreleased compares the new tag with HEAD, the new
 * version compares the previous tag with the new one (or links its tag's release, for the first).
 */
export function releaseUnreleased(text: string, version: string, date: string): string {
  parseVersion(version)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ReleaseError(`"${date}" is not a date: give YYYY-MM-DD.`)
  const parsed = parse(text)
  const unreleased = parsed.sections.find(s => s.name === UNRELEASED)
  if (!unreleased) {
    throw new ReleaseError('CHANGELOG.md has no "## [Unreleased]" section: add one on top, listing what changed.')
  }
  if (parsed.sections.some(s => s.name === version)) {
    throw new ReleaseError(`CHANGELOG.md already has a "## [${version}]" section.`)
  }
  if (bodyOf(parsed, unreleased) === '') {
    throw new ReleaseError(
      'CHANGELOG.md\'s "## [Unreleased]" section is empty: list what changed in this release there first.'
    )
  }
  const previous = latestVersion(text)
  if (previous !== undefined && compareVersions(version, previous) <= 0) {
    throw new ReleaseError(`${version} is not newer than ${previous}, the latest release in CHANGELOG.md.`)
  }

  const { lines } = parsed
  const references = lines.slice(parsed.links).filter(line => line.trim() !== '')
  const isReference = (name: string) => (line: string) => line.toLowerCase().startsWith(`[${name.toLowerCase()}]:`)
  const versionLink = previous
    ? `[${version}]: ${REPOSITORY_URL}/compare/v${previous}...v${version}`
    : `[${version}]: ${REPOSITORY_URL}/releases/tag/v${version}`
  const newReferences = [
    `[unreleased]: ${REPOSITORY_URL}/compare/v${version}...HEAD`,
    versionLink,
    ...references.filter(line => !isReference(UNRELEASED)(line) && !isReference(version)(line))
  ]
  const body = [
    ...lines.slice(0, unreleased.heading),
    `## [${UNRELEASED}]`,
    '',
    `## [${version}] - ${date}`,
    ...lines.slice(unreleased.heading + 1, parsed.links)
  ]
  while (body.at(-1)?.trim() === '') body.pop()
  return `${body.join('\n')}\n\n${newReferences.join('\n')}\n`
}

/** The version a release tag names: vX.Y.Z, nothing else. */
export function versionOfTag(tag: string): string {
  const match = /^v(\d+\.\d+\.\d+)$/.exec(tag)
  if (!match)
    throw new ReleaseError(`Tag "${tag}" is not a release tag: release tags are vMAJOR.MINOR.PATCH, such as v1.2.0.`)
  parseVersion(match[1])
  return match[1]
}

/** The notes for a tag, after checking that package.json and the CHANGELOG are at its version. */
export function notesForTag(tag: string, packageVersion: string, changelog: string): string {
  const version = versionOfTag(tag)
  if (version !== packageVersion) {
    throw new ReleaseError(
      `Tag ${tag} does not match package.json's version ${packageVersion}. Make release commits with ` +
        `"npm run release -- ${version}", which sets both; delete this tag with "git push --delete origin ${tag}".`
    )
  }
  return sectionOf(changelog, version)
}

async function main(args: string[]): Promise<string> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const changelog = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
  const [command, value] = args
  if (command === 'section' && value) return sectionOf(changelog, value)
  if (command === 'notes' && value) {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }
    return notesForTag(value, pkg.version, changelog)
  }
  throw new ReleaseError('Usage: tsx script/changelog.ts section X.Y.Z | notes vX.Y.Z')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${await main(process.argv.slice(2))}\n`)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}
