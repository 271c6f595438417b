/**
 * npm run release -- X.Y.Z — prepares a release on the current branch, and pushes nothing:
 *
 *   1. checks X.Y.Z (MAJOR.MINOR.PATCH, newer than package.json's version), a clean work tree,
 *      and that the tag vX.Y.Z does not exist yet;
 *   2. sets the version in package.json, package-lock.json and src/config/constants.ts (ACTION_VERSION,
 *      sent in the User-Agent), and turns CHANGELOG.md's Unreleased section into
 *      `## [X.Y.Z] - <today, UTC>` (refusing an empty one);
 *   3. rebuilds dist/ (npm run bundle), commits "Release X.Y.Z" and makes the annotated tag vX.Y.Z;
 *   4. prints the push command. Pushing the tag starts .github/workflows/release.yml, which
 *      checks it again, publishes the GitHub Release with the CHANGELOG section as notes, and
 *      moves the major tag (v1) to it.
 *
 * Everything is checked before the first file is written.
 */
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ReleaseError, compareVersions, parseVersion, releaseUnreleased } from './changelog.js'

/** The files a release commit changes besides dist/. */
export const VERSIONED_FILES = ['package.json', 'package-lock.json', 'src/config/constants.ts', 'CHANGELOG.md']

const ACTION_VERSION = /^export const ACTION_VERSION = '([^']*)'$/m

export interface ReleaseOptions {
  /** The repository's root (a git work tree). */
  root: string
  version: string
  /** YYYY-MM-DD for the CHANGELOG heading. */
  date: string
  /** Rebuilds dist/ in root; npm run bundle unless a test gives another. */
  bundle?: (root: string) => void | Promise<void>
}

export interface PreparedRelease {
  version: string
  previous: string
  tag: string
  /** The command that publishes it. */
  push: string
}

export async function prepareRelease(options: ReleaseOptions): Promise<PreparedRelease> {
  const { root, version, date } = options
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  const read = async (file: string): Promise<string> => await readFile(path.join(root, file), 'utf8')

  parseVersion(version)
  const tag = `v${version}`
  const pkg = JSON.parse(await read('package.json')) as { version: string }
  const lock = JSON.parse(await read('package-lock.json')) as {
    version: string
    packages: Record<string, { version?: string }>
  }
  const constants = await read('src/config/constants.ts')
  const previous = pkg.version
  if (compareVersions(version, previous) <= 0) {
    throw new ReleaseError(`${version} is not newer than package.json's version ${previous}.`)
  }
  const inConstants = ACTION_VERSION.exec(constants)?.[1]
  if (inConstants !== previous) {
    throw new ReleaseError(
      `src/config/constants.ts's ACTION_VERSION is ${inConstants === undefined ? 'missing' : `'${inConstants}'`}, ` +
        `not package.json's ${previous}: fix that first.`
    )
  }
  const changelog = releaseUnreleased(await read('CHANGELOG.md'), version, date)
  const dirty = git('status', '--porcelain')
  if (dirty !== '') {
    throw new ReleaseError(`The work tree has uncommitted changes; commit or stash them first:\n${dirty}`)
  }
  if (git('tag', '--list', tag) !== '') throw new ReleaseError(`Tag ${tag} already exists.`)

  pkg.version = version
  lock.version = version
  lock.packages[''].version = version
  // npm writes both files as JSON with two spaces and a final newline: keep them byte-identical.
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  await writeFile(path.join(root, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`)
  await writeFile(
    path.join(root, 'src/config/constants.ts'),
    constants.replace(ACTION_VERSION, `export const ACTION_VERSION = '${version}'`)
  )
  await writeFile(path.join(root, 'CHANGELOG.md'), changelog)

  try {
    await (options.bundle ?? npmRunBundle)(root)
  } catch (error) {
    throw new ReleaseError(
      `npm run bundle failed, so nothing was committed: ${error instanceof Error ? error.message : String(error)}\n` +
        'Undo the version changes with "git checkout -- . && git clean -fd dist".'
    )
  }
  git('add', '--', ...VERSIONED_FILES, 'dist')
  git('commit', '--quiet', '-m', `Release ${version}`)
  git('tag', '--annotate', tag, '-m', `Release ${version}`)
  return { version, previous, tag, push: `git push --atomic origin HEAD ${tag}` }
}

function npmRunBundle(root: string): void {
  execFileSync('npm', ['run', 'bundle'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
}

/** Today in UTC, as the CHANGELOG dates releases. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const [version, ...rest] = process.argv.slice(2)
  try {
    if (!version || rest.length > 0) throw new ReleaseError('Usage: npm run release -- X.Y.Z')
    const release = await prepareRelease({ root, version, date: today() })
    console.log(
      `\nCommitted "Release ${release.version}" (was ${release.previous}) and tagged ${release.tag}. ` +
        `Nothing is pushed yet. Check it (git show --stat), then publish it:\n\n  ${release.push}\n\n` +
        'The release workflow then checks the tag, creates the GitHub Release from CHANGELOG.md ' +
        `and moves v${parseVersion(release.version)[0]} to it.`
    )
  } catch (error) {
    console.error(error instanceof ReleaseError ? error.message : error)
    process.exitCode = 1
  }
}
