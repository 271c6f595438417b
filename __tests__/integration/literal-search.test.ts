/**
 * The file search's own walk (src/files/walk.ts) against @actions/glob: it takes in exactly what
 * glob() lists where nothing is to be left out, and goes on where glob() stops or drops an entry
 * without a word (a link that loops, a name that is not valid UTF-8), which is why it exists.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as glob from '@actions/glob'
import { mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { findFiles, type FoundFiles } from '../../src/files/find.js'
import { HOST_PATHS, anchorPatterns, withSlashes } from '../../src/files/paths.js'
import { canMakeFifos, canMakeSymlinks, makeWorkspace, removeDir, withSymlinks } from '../support/helpers.js'

let ws: string
let outside: string
/** Whether the tree holds a FIFO: a platform without mkfifo has none to leave out. */
let withFifo = false
const rel = (found: FoundFiles): string[] => found.files.map(file => file.relativePath)

/** What @actions/glob itself lists for the patterns, with the action's options: its regular files (it lists FIFOs too). */
async function listedByActionsGlob(patterns: string[]): Promise<string[]> {
  const globber = await glob.create(anchorPatterns(patterns, ws).join('\n'), {
    implicitDescendants: true,
    matchDirectories: false,
    followSymbolicLinks: true,
    omitBrokenSymbolicLinks: true
  })
  return (await globber.glob()).filter(item => statSync(item).isFile()).sort()
}

/**
 * What @actions/glob lists, against what findFiles takes in where nothing is to be left out:
 * hidden files taken in, and the workspace the folder holding both trees, so that no link
 * leads out of it.
 */
async function sameAsActionsGlob(patterns: string[]): Promise<void> {
  const found = await findFiles(anchorPatterns(patterns, ws), path.dirname(ws), HOST_PATHS, { includeHidden: true })
  const taken = found.files.map(file => file.absolutePath).sort()
  expect([patterns, taken]).toEqual([patterns, await listedByActionsGlob(patterns)])
  expect(found.linksOut).toEqual([])
}

beforeAll(async () => {
  ws = await makeWorkspace({
    'site/index.html': 'home',
    'site/.nojekyll': '',
    'site/.well-known/security.txt': 'contact',
    'site/a/b/c/deep.txt': 'deep',
    'site/with space/ünï (1)+&.txt': 'odd',
    'site/real-dir/inner.txt': 'inner',
    'release/app.zip': 'zip',
    'release/notes.md': 'notes',
    'top.txt': 'top'
  })
  outside = await makeWorkspace({ 'shared/linked.txt': 'linked', 'shared/sub/more.txt': 'more' })
  mkdirSync(path.join(ws, 'site/empty'))
  // Links: to a file, to a folder inside and outside the tree, back up to an ancestor (a
  // cycle), to nothing (at the top and below a linked folder), and a chain. Where no link can be
  // made, the tests of links are skipped, and the comparisons with @actions/glob run on the rest.
  if (canMakeSymlinks()) {
    symlinkSync(path.join(ws, 'top.txt'), path.join(ws, 'site/link-to-file.txt'))
    symlinkSync(path.join(ws, 'site/real-dir'), path.join(ws, 'site/link-to-dir'))
    symlinkSync(path.join(outside, 'shared'), path.join(ws, 'site/link-outside'))
    symlinkSync(path.join(ws, 'site'), path.join(ws, 'site/a/b/loop-to-site'))
    symlinkSync('..', path.join(ws, 'site/a/up'))
    symlinkSync(path.join(ws, 'nowhere'), path.join(ws, 'site/broken-top'))
    symlinkSync(path.join(ws, 'nowhere'), path.join(ws, 'site/a/b/c/broken-deep'))
    symlinkSync(path.join(ws, 'nowhere'), path.join(outside, 'shared/sub/broken-below-link'))
    symlinkSync(path.join(ws, 'site/link-to-file.txt'), path.join(ws, 'site/chain.txt'))
  }
  // Not a file, so not an asset, either way.
  withFifo = canMakeFifos()
  if (withFifo) execFileSync('mkfifo', [path.join(ws, 'site/a/fifo')])
})

afterAll(async () => {
  await removeDir(ws)
  await removeDir(outside)
})

describe('the walk takes in what @actions/glob lists, and says what it leaves out', () => {
  withSymlinks(it)('a folder: every file below, links followed, loops entered once, broken links named', async () => {
    const found = await findFiles(['site'], ws)
    const visible = [
      'site/a/b/c/deep.txt',
      'site/chain.txt',
      'site/index.html',
      'site/link-to-dir/inner.txt',
      'site/link-to-file.txt',
      'site/real-dir/inner.txt',
      'site/with space/ünï (1)+&.txt'
    ]
    expect(rel(found)).toEqual(visible)
    // Not the one below the linked folder: a walk that does not follow links never sees it.
    expect(found.brokenLinks).toEqual(['site/a/b/c/broken-deep', 'site/broken-top'])
    expect(found.hidden).toEqual(['site/.nojekyll', 'site/.well-known/'])
    expect(found.linksOut).toEqual([{ path: 'site/link-outside', target: withSlashes(path.join(outside, 'shared')) }])
    expect(found.special).toEqual(withFifo ? [{ path: 'site/a/fifo', kind: 'a FIFO' }] : [])
    expect(found.unreachable).toEqual([])
    const withHidden = await findFiles(['site'], ws, HOST_PATHS, { includeHidden: true })
    expect(rel(withHidden)).toEqual(['site/.nojekyll', 'site/.well-known/security.txt', ...visible])
    expect(withHidden.hidden).toEqual([])
  })

  it.each([
    ['a folder', ['site'], [], ['site/.nojekyll', 'site/.well-known/']],
    ['a hidden file named', ['site/.nojekyll'], ['site/.nojekyll'], []],
    ['a hidden folder named', ['site/.well-known'], ['site/.well-known/security.txt'], []],
    ['a hidden folder named with /**', ['site/.well-known/**'], ['site/.well-known/security.txt'], []],
    [
      'a folder and a hidden folder in it',
      ['site', 'site/.well-known'],
      ['site/.well-known/security.txt'],
      ['site/.nojekyll']
    ],
    ['a hidden file named, then excluded', ['site/.well-known', '!site/.well-known/security.txt'], [], []],
    ['the workspace', ['.'], [], ['site/.nojekyll', 'site/.well-known/']],
    ['a wildcard does not name a hidden folder', ['site/**/*.txt'], [], ['site/.well-known/']],
    ['nor .* a hidden name', ['site/.*'], [], ['site/.nojekyll', 'site/.well-known/']],
    [
      'a hidden folder spelled out, files by wildcard',
      ['site/.well-known/*.txt'],
      ['site/.well-known/security.txt'],
      []
    ],
    ['a hidden folder spelled out after **', ['**/.well-known/*'], ['site/.well-known/security.txt'], []],
    ['a hidden name in a character set of one', ['site/[.]nojekyll'], ['site/.nojekyll'], []],
    ['a hidden file spelled out, excluded by a wildcard', ['site/.nojekyll', '!site/*'], [], []]
  ])('hidden names: %s', async (_label, patterns, hiddenTaken, leftOut) => {
    const found = await findFiles(patterns, ws)
    expect(rel(found).filter(file => file.includes('/.'))).toEqual(hiddenTaken)
    expect(found.hidden).toEqual(leftOut)
  })

  it.each([
    ['a folder', ['site']],
    ['a folder less one below it', ['site', '!site/a']],
    ['a wildcard less a folder', ['site/**/*.txt', '!site/a/b']],
    ['two wildcards', ['site/*', 'release/*.zip']],
    ['** from the workspace', ['**/*.txt']],
    ['a wildcard then /**', ['site/link-*/**']],
    ['a folder with a trailing separator, and a file', ['site/', 'top.txt']],
    [
      'a folder less a folder (trailing separator), with a file below it taken back',
      ['site', '!site/real-dir/', 'site/real-dir/inner.txt']
    ],
    ['the workspace itself', ['.']],
    ['a file', ['release/app.zip']],
    ['a link to a folder', ['site/link-outside']],
    ['a link to a file', ['site/link-to-file.txt']],
    ['a broken link', ['site/broken-top']],
    ['folders within each other', ['site', 'site/a', 'site/a/b/c/deep.txt']],
    ['two folders and a file', ['release', 'site/real-dir', 'top.txt']],
    ['a path that does not exist', ['missing']],
    ['a path that does not exist, and one that does', ['missing', 'release']],
    ['an absolute path outside the workspace', ['<outside>/shared']],
    ['a path spelled with ./ and doubled separators', ['./release//notes.md', 'site///real-dir']],
    ['comments and blank lines', ['# a comment', '', 'release']],
    ['a folder and everything below it', ['site/**']],
    ['a file followed by /**', ['release/app.zip/**']],
    ['a link to a folder followed by /**', ['site/link-outside/**']],
    ['a broken link followed by /**', ['site/broken-top/**']],
    ['a path that does not exist followed by /**', ['missing/**', 'top.txt']],
    ['the workspace followed by /**', ['./**']],
    ['a folder less one, with a file below it taken back', ['site', '!site/a', 'site/a/b/c/deep.txt']],
    ['a folder less a file', ['release', '!release/notes.md']],
    ['an exclusion before the folder (the later line wins)', ['!site/a', 'site']],
    ['a folder less a linked folder, with /**', ['site/**', '!site/link-outside/**']],
    ['a folder less the folder of a broken link', ['site', '!site/a/b/c']],
    ['a folder less a path inside a linked folder', ['site', '!site/link-to-dir/inner.txt']],
    ['a folder less itself', ['site', '!site']],
    ['two ! (taken back in)', ['site', '!site/a', '!!site/a/b']],
    ['a ! line with a space after the !', ['release', '! release/app.zip']],
    ['a name that only starts like an excluded one', ['site', '!site/real']],
    ['only exclusions', ['!site']]
  ])('takes in exactly what @actions/glob lists, when nothing is to be left out: %s', async (_label, patterns) => {
    await sameAsActionsGlob(patterns.map(pattern => pattern.replace('<outside>', outside)))
  })

  withSymlinks(it)('names a broken link only where a line takes it in', async () => {
    expect((await findFiles(['site', '!site/broken-top'], ws)).brokenLinks).toEqual(['site/a/b/c/broken-deep'])
    expect((await findFiles(['site', '!site/a/b/c'], ws)).brokenLinks).toEqual(['site/broken-top'])
  })

  withSymlinks(it)(
    'leaves out a link that loops, names it, and takes every other file, where @actions/glob stops',
    async () => {
      const dir = path.join(ws, 'self-loop')
      mkdirSync(dir)
      writeFileSync(path.join(dir, 'ok.txt'), 'ok')
      symlinkSync(path.join(dir, 'me'), path.join(dir, 'me'))
      symlinkSync(path.join(dir, 'ping'), path.join(dir, 'pong'))
      symlinkSync(path.join(dir, 'pong'), path.join(dir, 'ping'))
      try {
        for (const patterns of [['self-loop'], ['self-loop/**/*']]) {
          const found = await findFiles(patterns, ws)
          expect(rel(found)).toEqual(['self-loop/ok.txt'])
          const loops = ['self-loop/me', 'self-loop/ping', 'self-loop/pong']
          expect(found.unreachable).toEqual(
            loops.map(loop => ({ path: loop, matched: true, reason: 'a symbolic link that loops (ELOOP)' }))
          )
          await expect(listedByActionsGlob(patterns)).rejects.toMatchObject({ code: 'ELOOP' })
        }
        // Excluded, it is not even looked at; @actions/glob stats every entry before it matches, and stops all the same.
        const excluded = ['self-loop', '!self-loop/me', '!self-loop/ping', '!self-loop/pong']
        const found = await findFiles(excluded, ws)
        expect([rel(found), found.unreachable]).toEqual([['self-loop/ok.txt'], []])
        await expect(listedByActionsGlob(excluded)).rejects.toMatchObject({ code: 'ELOOP' })
      } finally {
        await removeDir(dir)
      }
    }
  )

  it('leaves out a name that is not valid UTF-8 and names it with its bytes escaped, where @actions/glob drops it silently', async () => {
    // readdir gives such a name back with U+FFFD, which names no file. Linux allows such a
    // name; APFS and NTFS refuse it, and then only the good files are there.
    const dir = path.join(ws, 'bad-name')
    mkdirSync(path.join(dir, 'sub'), { recursive: true })
    writeFileSync(path.join(dir, 'ok.txt'), 'ok')
    writeFileSync(path.join(dir, 'sub', 'fine \uFFFD.txt'), 'a real U+FFFD is a good name')
    let made = true
    try {
      writeFileSync(
        Buffer.concat([Buffer.from(path.join(dir, 'sub', 'bad')), Buffer.from([0xff, 0xfe, 0x2e, 0x74])]),
        'x'
      )
    } catch {
      made = false
    }
    try {
      for (const patterns of [['bad-name'], ['bad-name/**/*.t*']]) {
        const found = await findFiles(patterns, ws)
        const good = ['bad-name/ok.txt', 'bad-name/sub/fine \uFFFD.txt'].filter(
          file => patterns[0] === 'bad-name' || file.endsWith('.txt')
        )
        expect(rel(found)).toEqual(good)
        expect(await listedByActionsGlob(patterns)).toEqual(good.map(file => path.join(ws, file)))
        expect(found.unreachable).toEqual(
          made
            ? [
                {
                  path: 'bad-name/sub/bad\\xff\\xfe.t',
                  matched: true,
                  reason: 'its name is not valid UTF-8, so it cannot be named in the outputs or on Netiks'
                }
              ]
            : []
        )
      }
      // Excluding its folder leaves it unsearched.
      expect((await findFiles(['bad-name', '!bad-name/sub'], ws)).unreachable).toEqual([])
    } finally {
      await removeDir(dir)
    }
  })

  it('takes a line longer than any path as a pattern', async () => {
    // With the `/**` that @actions/glob adds, over minimatch's 64 Ki characters: it failed there.
    const long = ['site', ...Array.from({ length: 400 }, () => 'q'.repeat(200))].join('/')
    const excluded = `!${long}`.slice(0, 65_535 - ws.length)
    expect(rel(await findFiles(['site', excluded], ws))).toEqual(rel(await findFiles(['site'], ws)))
  })

  it('stops at a search path it cannot look at, with the error @actions/glob meets', async () => {
    const patterns = ['x'.repeat(300)]
    const ours = await findFiles(patterns, ws).then(
      () => 'found',
      (error: Error) => error.message
    )
    const theirs = await listedByActionsGlob(patterns).then(
      () => 'found',
      (error: NodeJS.ErrnoException) => error.code
    )
    expect(ours).toEqual(theirs === 'found' ? 'found' : expect.stringContaining(`(${theirs})`))
    if (process.platform !== 'win32') expect(theirs).toBe('ENAMETOOLONG')
  })
})
