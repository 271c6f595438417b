/**
 * npm run release -- X.Y.Z, end to end in a throwaway git repository holding copies of this
 * repository's versioned files (the bundle step is replaced by one that writes a stand-in
 * dist/): one commit, one annotated tag, every version bumped, nothing pushed; and every
 * refusal made before a file is touched.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sectionOf } from '../../script/changelog.js'
import { ACTION_VERSION } from '../../src/config/constants.js'
import { VERSIONED_FILES, prepareRelease, today } from '../../script/release.js'
import { removeDir } from '../support/helpers.js'
import { REPO_ROOT } from '../../tools/readme-tables.js'

const dirs: string[] = []
afterEach(async () => {
  while (dirs.length > 0) await removeDir(dirs.pop()!)
})

const CHANGE = '- A change worth releasing.'

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
}

/** A git repository with this repository's versioned files at its current version, and one change under Unreleased. */
async function makeRepo(): Promise<{ root: string; current: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'netiks-release-'))
  dirs.push(root)
  await mkdir(path.join(root, 'src'))
  for (const file of VERSIONED_FILES) await cp(path.join(REPO_ROOT, file), path.join(root, file))
  // Whatever this repository's Unreleased holds now, the fixture's holds exactly one change.
  const changelog = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
  await writeFile(
    path.join(root, 'CHANGELOG.md'),
    changelog.replace(/^## \[Unreleased\]\n[\s\S]*?(?=^## \[)/m, `## [Unreleased]\n\n${CHANGE}\n\n`)
  )
  git(root, 'init', '--quiet', '--initial-branch=main')
  git(root, 'config', 'user.email', 'release-test@example.com')
  git(root, 'config', 'user.name', 'Release Test')
  git(root, 'config', 'commit.gpgsign', 'false')
  git(root, 'config', 'tag.gpgsign', 'false')
  git(root, 'add', '.')
  git(root, 'commit', '--quiet', '-m', 'Before the release')
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }
  return { root, current: pkg.version }
}

function nextMinor(version: string): string {
  const [major, minor] = version.split('.').map(Number)
  return `${major}.${minor + 1}.0`
}

/** Stands in for npm run bundle: writes a dist/ that depends on the bumped constants. */
async function fakeBundle(root: string): Promise<void> {
  const constants = await readFile(path.join(root, 'src/config/constants.ts'), 'utf8')
  await mkdir(path.join(root, 'dist'), { recursive: true })
  await writeFile(path.join(root, 'dist/index.js'), `// ${/ACTION_VERSION = '([^']*)'/.exec(constants)![1]}\n`)
}

describe('npm run release -- X.Y.Z', () => {
  it('bumps every version, dates the CHANGELOG, rebuilds dist/, commits and tags, and pushes nothing', async () => {
    const { root, current } = await makeRepo()
    const version = nextMinor(current)
    const release = await prepareRelease({ root, version, date: '2027-01-02', bundle: fakeBundle })
    expect(release).toEqual({
      version,
      previous: current,
      tag: `v${version}`,
      push: `git push --atomic origin HEAD v${version}`
    })
    expect(git(root, 'log', '--format=%s')).toBe(`Release ${version}\nBefore the release`)
    expect(git(root, 'cat-file', '-t', `v${version}`)).toBe('tag')
    expect(git(root, 'rev-parse', `v${version}^{commit}`)).toBe(git(root, 'rev-parse', 'HEAD'))
    expect(git(root, 'remote')).toBe('')

    const changed = git(root, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()
    expect(changed).toEqual([...VERSIONED_FILES, 'dist/index.js'].sort())
    expect(await readFile(path.join(root, 'dist/index.js'), 'utf8')).toBe(`// ${version}\n`)
    expect(git(root, 'status', '--porcelain')).toBe('')
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string }
    const lock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as {
      version: string
      packages: Record<string, { version: string }>
    }
    expect([pkg.version, lock.version, lock.packages[''].version]).toEqual([version, version, version])
    expect(await readFile(path.join(root, 'src/config/constants.ts'), 'utf8')).toContain(
      `export const ACTION_VERSION = '${version}'`
    )
    const changelog = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
    expect(sectionOf(changelog, version)).toBe(CHANGE)
    expect(changelog).toContain(`## [Unreleased]\n\n## [${version}] - 2027-01-02\n\n${CHANGE}\n\n## [${current}]`)
    expect(changelog).toContain(
      `[unreleased]: https://github.com/netiks/upload-action/compare/v${version}...HEAD\n` +
        `[${version}]: https://github.com/netiks/upload-action/compare/v${current}...v${version}\n`
    )
  })

  it('refuses, before touching a file, a bad or old version, a dirty tree, an existing tag, an empty Unreleased', async () => {
    const { root, current } = await makeRepo()
    const version = nextMinor(current)
    const attempt = async (v: string) =>
      await prepareRelease({ root, version: v, date: '2027-01-02', bundle: fakeBundle }).then(
        () => 'released',
        (error: Error) => error.message
      )
    expect(await attempt('2.0')).toMatch(/"2\.0" is not a version: give MAJOR\.MINOR\.PATCH/)
    expect(await attempt(current)).toBe(`${current} is not newer than package.json's version ${current}.`)
    await writeFile(path.join(root, 'stray.txt'), 'x')
    expect(await attempt(version)).toMatch(
      /^The work tree has uncommitted changes; commit or stash them first:\n\?\? stray\.txt$/
    )
    await rm(path.join(root, 'stray.txt'))
    git(root, 'tag', `v${version}`)
    expect(await attempt(version)).toBe(`Tag v${version} already exists.`)
    git(root, 'tag', '-d', `v${version}`)
    const changelog = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')
    await writeFile(path.join(root, 'CHANGELOG.md'), changelog.replace(`${CHANGE}\n\n`, ''))
    git(root, 'commit', '--quiet', '-am', 'Nothing to release')
    expect(await attempt(version)).toMatch(/"## \[Unreleased\]" section is empty/)
    expect(git(root, 'status', '--porcelain')).toBe('')
    expect(git(root, 'tag')).toBe('')
  })

  it('commits nothing when the bundle fails, and says how to undo the version changes', async () => {
    const { root, current } = await makeRepo()
    const failure = await prepareRelease({
      root,
      version: nextMinor(current),
      date: '2027-01-02',
      bundle: () => {
        throw new Error('ncc: Module not found')
      }
    }).catch((error: Error) => error.message)
    expect(failure).toMatch(
      /^npm run bundle failed, so nothing was committed: ncc: Module not found\nUndo .*git checkout -- \./
    )
    expect(git(root, 'log', '--format=%s')).toBe('Before the release')
    expect(git(root, 'tag')).toBe('')
  })

  it('dates releases in UTC', () => {
    expect(today(new Date('2027-01-02T23:30:00-05:00'))).toBe('2027-01-03')
  })
})

describe('script/changelog.ts as the release workflow runs it', () => {
  it('is what the workflow runs: tsx script/changelog.ts prints the notes, or one line and exit 1', () => {
    const tsx = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const script = path.join(REPO_ROOT, 'script', 'changelog.ts')
    const notes = execFileSync(process.execPath, [tsx, script, 'section', ACTION_VERSION], { encoding: 'utf8' })
    expect(notes).toMatch(/^- /)
    let failure: { status?: number; stderr?: string } = {}
    try {
      execFileSync(process.execPath, [tsx, script, 'notes', 'v0.0.1'], { encoding: 'utf8', stdio: 'pipe' })
    } catch (error) {
      failure = error as typeof failure
    }
    expect(failure.status).toBe(1)
    expect(failure.stderr).toMatch(/^Tag v0\.0\.1 does not match package\.json's version [^\n]*\n$/)
  })
})
