/**
 * CHANGELOG.md as the source of release notes: a version's section, Unreleased turned into a
 * dated release with the link references Keep a Changelog keeps, and the checks that stop the
 * release workflow on a tag that does not match package.json or has no notes.
 */
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  ReleaseError,
  compareVersions,
  latestVersion,
  notesForTag,
  releaseUnreleased,
  sectionOf,
  versionOfTag
} from '../../script/changelog.js'
import { ACTION_VERSION } from '../../src/config/constants.js'
import { REPO_ROOT } from '../../tools/readme-tables.js'

const REPO = 'https://github.com/netiks/upload-action'

const CHANGELOG = `# Changelog

Intro text.

## [Unreleased]

- A new input \`shard\`.

  Its second paragraph.

## [1.1.0] - 2026-12-01

### Added

- Thing one.

## [1.0.0] - 2026-11-25

- The action.

[unreleased]: ${REPO}/compare/v1.1.0...HEAD
[1.1.0]: ${REPO}/compare/v1.0.0...v1.1.0
[1.0.0]: ${REPO}/releases/tag/v1.0.0
`

describe('sectionOf', () => {
  it("gives a version's section without its heading, up to the next one or the link references", () => {
    expect(sectionOf(CHANGELOG, '1.1.0')).toBe('### Added\n\n- Thing one.')
    expect(sectionOf(CHANGELOG, '1.0.0')).toBe('- The action.')
    expect(sectionOf(CHANGELOG, 'Unreleased')).toBe('- A new input `shard`.\n\n  Its second paragraph.')
  })

  it('refuses a version with no section, naming the ones there are, and an empty section', () => {
    expect(() => sectionOf(CHANGELOG, '1.2.0')).toThrow(ReleaseError)
    expect(() => sectionOf(CHANGELOG, '1.2.0')).toThrow(
      'CHANGELOG.md has no "## [1.2.0]" section (it has: Unreleased, 1.1.0, 1.0.0).'
    )
    expect(() => sectionOf(releaseUnreleased(CHANGELOG, '1.2.0', '2027-01-02'), 'Unreleased')).toThrow(
      'CHANGELOG.md\'s "## [Unreleased]" section is empty.'
    )
  })

  it('refuses a level-2 heading Keep a Changelog does not write', () => {
    expect(() => sectionOf(CHANGELOG.replace('## [1.0.0] - 2026-11-25', '## 1.0.0'), '1.0.0')).toThrow(
      /line 17 is not a Keep a Changelog heading: "## 1\.0\.0"/
    )
  })

  it('reads CRLF files as LF', () => {
    expect(sectionOf(CHANGELOG.replace(/\n/g, '\r\n'), '1.1.0')).toBe('### Added\n\n- Thing one.')
  })
})

describe('releaseUnreleased', () => {
  it('dates Unreleased as the version, opens a fresh empty Unreleased, and updates the links', () => {
    const released = releaseUnreleased(CHANGELOG, '1.2.0', '2027-01-02')
    expect(released).toBe(`# Changelog

Intro text.

## [Unreleased]

## [1.2.0] - 2027-01-02

- A new input \`shard\`.

  Its second paragraph.

## [1.1.0] - 2026-12-01

### Added

- Thing one.

## [1.0.0] - 2026-11-25

- The action.

[unreleased]: ${REPO}/compare/v1.2.0...HEAD
[1.2.0]: ${REPO}/compare/v1.1.0...v1.2.0
[1.1.0]: ${REPO}/compare/v1.0.0...v1.1.0
[1.0.0]: ${REPO}/releases/tag/v1.0.0
`)
    expect(sectionOf(released, '1.2.0')).toBe(sectionOf(CHANGELOG, 'Unreleased'))
    expect(latestVersion(released)).toBe('1.2.0')
  })

  it('links the first release to its tag, and adds the link references a file lacks', () => {
    const first = '# Changelog\n\n## [Unreleased]\n\n- The action.\n'
    expect(releaseUnreleased(first, '1.0.0', '2026-11-25')).toBe(
      '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-11-25\n\n- The action.\n\n' +
        `[unreleased]: ${REPO}/compare/v1.0.0...HEAD\n[1.0.0]: ${REPO}/releases/tag/v1.0.0\n`
    )
  })

  it('refuses an empty Unreleased, a missing one, a version already there or not newer, a bad date', () => {
    const empty = releaseUnreleased(CHANGELOG, '1.2.0', '2027-01-02')
    expect(() => releaseUnreleased(empty, '1.3.0', '2027-02-01')).toThrow(
      /"## \[Unreleased\]" section is empty: list what changed in this release there first/
    )
    expect(() => releaseUnreleased(CHANGELOG.replace('## [Unreleased]', ''), '1.2.0', '2027-01-02')).toThrow(
      /has no "## \[Unreleased\]" section/
    )
    expect(() => releaseUnreleased(CHANGELOG, '1.1.0', '2027-01-02')).toThrow(/already has a "## \[1\.1\.0\]" section/)
    expect(() => releaseUnreleased(CHANGELOG, '1.0.5', '2027-01-02')).toThrow(
      '1.0.5 is not newer than 1.1.0, the latest release in CHANGELOG.md.'
    )
    expect(() => releaseUnreleased(CHANGELOG, '1.2', '2027-01-02')).toThrow(/"1\.2" is not a version/)
    expect(() => releaseUnreleased(CHANGELOG, '1.2.0', '2.1.2027')).toThrow(/is not a date/)
  })
})

describe('the tag checks of the release workflow', () => {
  it('takes vMAJOR.MINOR.PATCH tags only', () => {
    expect(versionOfTag('v1.2.0')).toBe('1.2.0')
    for (const tag of ['1.2.0', 'v1', 'v1.2', 'v1.2.0-rc.1', 'v01.2.0', 'release-1.2.0']) {
      expect(() => versionOfTag(tag)).toThrow(ReleaseError)
    }
  })

  it("gives the notes of a tag at package.json's version, and refuses a mismatch or a missing section", () => {
    expect(notesForTag('v1.1.0', '1.1.0', CHANGELOG)).toBe('### Added\n\n- Thing one.')
    expect(() => notesForTag('v1.1.0', '1.2.0', CHANGELOG)).toThrow(
      /^Tag v1\.1\.0 does not match package\.json's version 1\.2\.0\. .*npm run release -- 1\.1\.0/
    )
    expect(() => notesForTag('v1.2.0', '1.2.0', CHANGELOG)).toThrow(/has no "## \[1\.2\.0\]" section/)
  })

  it('compares versions as numbers', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0)
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0)
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0)
  })
})

describe("this repository's CHANGELOG.md", () => {
  it("has notes for package.json's version, which src/config/constants.ts sends as ACTION_VERSION", async () => {
    const changelog = await readFile(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8')
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
    expect(latestVersion(changelog)).toBe(pkg.version)
    expect(notesForTag(`v${pkg.version}`, pkg.version, changelog).length).toBeGreaterThan(100)
    expect(changelog).toContain(`\n## [Unreleased]\n`)
    expect(changelog).toContain(`\n[unreleased]: ${REPO}/compare/v${pkg.version}...HEAD\n`)
  })
})
