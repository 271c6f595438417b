import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as glob from '@actions/glob'
import { mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { findFiles, type FoundFiles, type SearchChoices } from '../src/files/find.js'
import { literalLines, type LiteralLine } from '../src/files/literal-search.js'
import { HOST_PATHS, anchorPatterns, pathRulesFor, withSlashes } from '../src/files/paths.js'
import { makeWorkspace, removeDir } from './helpers.js'

let ws: string
let outside: string
const rel = (found: FoundFiles): string[] => found.files.map(file => file.relativePath)

/** The walk of our own and @actions/glob, on the same patterns: the same files, links and root. */
const isPlain = (pattern: string, rules = HOST_PATHS): boolean => literalLines(pattern, rules) !== undefined

/** What each way ends with for a pattern that makes the search fail: the error's message. */
async function failureBothWays(patterns: string[]): Promise<string> {
  const failure = (error: Error): string => error.message
  const walked = await findFiles(patterns, ws).catch(failure)
  expect(walked).toEqual(await findFiles(patterns, ws, HOST_PATHS, { search: 'glob' }).catch(failure))
  expect(typeof walked).toBe('string')
  return walked as string
}

async function bothWays(patterns: string[], options: SearchChoices = {}): Promise<FoundFiles> {
  expect(isPlain(anchorPatterns(patterns, ws).join('\n'), HOST_PATHS)).toBe(true)
  const walked = await findFiles(patterns, ws, HOST_PATHS, options)
  const globbed = await findFiles(patterns, ws, HOST_PATHS, { ...options, search: 'glob' })
  expect(walked).toEqual(globbed)
  return walked
}

/**
 * What @actions/glob itself lists for the patterns (regular files only: it lists FIFOs too),
 * against what findFiles takes in where nothing is to be left out: hidden files taken in, and
 * the workspace the folder holding both trees, so that no link leads out of it.
 */
async function sameAsActionsGlob(patterns: string[]): Promise<void> {
  const parent = path.dirname(ws)
  const absolute = patterns.map(line => (line.startsWith('!') ? `!${ws}/${line.slice(1)}` : `${ws}/${line}`))
  const anchored = absolute.join('\n')
  const listed = await (
    await glob.create(anchored, {
      implicitDescendants: true,
      matchDirectories: false,
      followSymbolicLinks: true,
      omitBrokenSymbolicLinks: true
    })
  ).glob()
  const regular = listed.filter(item => statSync(item).isFile()).sort()
  expect(regular.length).toBeGreaterThan(0)
  for (const search of ['auto', 'glob'] as const) {
    const found = await findFiles(absolute, parent, HOST_PATHS, { search, includeHidden: true })
    expect([patterns, search, found.files.map(file => file.absolutePath).sort()]).toEqual([patterns, search, regular])
    expect(found.linksOut).toEqual([])
  }
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
  // cycle), to nothing (at the top and below a linked folder), and a chain.
  symlinkSync(path.join(ws, 'top.txt'), path.join(ws, 'site/link-to-file.txt'))
  symlinkSync(path.join(ws, 'site/real-dir'), path.join(ws, 'site/link-to-dir'))
  symlinkSync(path.join(outside, 'shared'), path.join(ws, 'site/link-outside'))
  symlinkSync(path.join(ws, 'site'), path.join(ws, 'site/a/b/loop-to-site'))
  symlinkSync('..', path.join(ws, 'site/a/up'))
  symlinkSync(path.join(ws, 'nowhere'), path.join(ws, 'site/broken-top'))
  symlinkSync(path.join(ws, 'nowhere'), path.join(ws, 'site/a/b/c/broken-deep'))
  symlinkSync(path.join(ws, 'nowhere'), path.join(outside, 'shared/sub/broken-below-link'))
  symlinkSync(path.join(ws, 'site/link-to-file.txt'), path.join(ws, 'site/chain.txt'))
  // Not a file, so not an asset, either way.
  if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(ws, 'site/a/fifo')])
})

afterAll(async () => {
  await removeDir(ws)
  await removeDir(outside)
})

describe('the walk of plain paths and the walk with patterns find the same files', () => {
  it('a folder: every file below, links followed, loops entered once, broken links named', async () => {
    const found = await bothWays(['site'])
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
    expect(found.special).toEqual(process.platform === 'win32' ? [] : [{ path: 'site/a/fifo', kind: 'a FIFO' }])
    expect(found.unreachable).toEqual([])
    const withHidden = await bothWays(['site'], { includeHidden: true })
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
    ['the workspace', ['.'], [], ['site/.nojekyll', 'site/.well-known/']]
  ])('hidden names, plain paths both ways: %s', async (_label, patterns, hiddenTaken, leftOut) => {
    const found = await bothWays(patterns)
    expect(rel(found).filter(file => file.includes('/.'))).toEqual(hiddenTaken)
    expect(found.hidden).toEqual(leftOut)
  })

  it.each([
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
  ])('hidden names, patterns: %s', async (_label, patterns, hiddenTaken, leftOut) => {
    const found = await findFiles(patterns, ws)
    expect(isPlain(anchorPatterns(patterns, ws).join('\n'))).toBe(false)
    expect(rel(found).filter(file => file.includes('/.'))).toEqual(hiddenTaken)
    expect(found.hidden).toEqual(leftOut)
  })

  it.each([
    [['site']],
    [['site', '!site/a']],
    [['site/**/*.txt', '!site/a/b']],
    [['site/*', 'release/*.zip']],
    [['**/*.txt']],
    [['site/link-*/**']],
    [['site/', 'top.txt']],
    [['site', '!site/real-dir/', 'site/real-dir/inner.txt']]
  ])('takes in exactly what @actions/glob lists, when nothing is to be left out: %j', async patterns => {
    await sameAsActionsGlob(patterns)
  })

  it.each([
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
    ['a folder less one below it', ['site', '!site/a']],
    ['a folder less one, with a file below it taken back', ['site', '!site/a', 'site/a/b/c/deep.txt']],
    ['a folder less a file', ['release', '!release/notes.md']],
    ['an exclusion before the folder (the later line wins)', ['!site/a', 'site']],
    ['a folder less a linked folder, with /**', ['site/**', '!site/link-outside/**']],
    ['a folder less a broken link, which is then not named', ['site', '!site/broken-top']],
    ['a folder less the folder of a broken link', ['site', '!site/a/b/c']],
    ['a folder less a path inside a linked folder', ['site', '!site/link-to-dir/inner.txt']],
    ['a folder less itself', ['site', '!site']],
    ['two ! (taken back in)', ['site', '!site/a', '!!site/a/b']],
    ['a ! line with a space after the !', ['release', '! release/app.zip']],
    ['a name that only starts like an excluded one', ['site', '!site/real']],
    ['only exclusions', ['!site']]
  ])('%s', async (_label, patterns) => {
    await bothWays(patterns.map(pattern => pattern.replace('<outside>', outside)))
  })

  it('takes this walk for those patterns, and leaves the others to @actions/glob', () => {
    const posix = pathRulesFor('linux')
    for (const literal of [
      '/ws/site',
      '/ws/site\n/ws/release/app.zip',
      '# note\n\n/ws/a b/c (1)+&',
      '/ws/site/**',
      '/ws/site/**\n/ws/release',
      '/ws/site\n!/ws/site/a',
      '/ws/site\n!! /ws/site/a/**'
    ]) {
      expect([literal, isPlain(literal, posix)]).toEqual([literal, true])
    }
    for (const other of [
      '/ws/*.zip',
      '/ws/site/**/',
      '/ws/site/**/*',
      '/ws/**/site',
      '/ws/site//**',
      '/ws/site/***',
      '/**',
      '/ws/file?.txt',
      '/ws/[ab].txt',
      '/ws/site\n!/ws/site/*.map',
      '/ws/site\n!/ws/site/a/',
      '/ws/site/',
      '/ws/./site',
      '/ws/a/../site',
      '/ws/a\\*b',
      '~/site',
      'relative',
      '',
      '# only a comment'
    ]) {
      expect([other, isPlain(other, posix)]).toEqual([other, false])
    }
    const lines: LiteralLine[] = [
      { path: '/ws/site', exclude: false },
      { path: '/ws/site/a', exclude: false },
      { path: '/ws/x y', exclude: true }
    ]
    expect(literalLines('# note\n/ws/site\n!! /ws/site/a/**\n\n ! /ws//x y ', posix)).toEqual(lines)
    const windows = pathRulesFor('win32')
    expect(isPlain('C:\\ws\\site\r\nD:/other', windows)).toBe(true)
    expect(isPlain('C:\\ws\\site\\**\nC:\\ws\\docs/**', windows)).toBe(true)
    // On Windows, @actions/glob compares an exclusion without regard to case: left to it.
    for (const other of [
      '\\\\server\\share\\site',
      '\\ws\\site',
      'C:\\ws\\site\\',
      'C:site',
      'C:\\ws\\*',
      'C:\\ws\\site\n!C:\\ws\\site\\a'
    ]) {
      expect([other, isPlain(other, windows)]).toEqual([other, false])
    }
  })

  it('leaves out a link that loops, names it, and takes every other file', async () => {
    const dir = path.join(ws, 'self-loop')
    mkdirSync(dir)
    writeFileSync(path.join(dir, 'ok.txt'), 'ok')
    symlinkSync(path.join(dir, 'me'), path.join(dir, 'me'))
    symlinkSync(path.join(dir, 'ping'), path.join(dir, 'pong'))
    symlinkSync(path.join(dir, 'pong'), path.join(dir, 'ping'))
    try {
      for (const patterns of [['self-loop'], ['self-loop/**/*']]) {
        const found = await findFiles(patterns, ws)
        expect(found).toEqual(await findFiles(patterns, ws, HOST_PATHS, { search: 'glob' }))
        expect(rel(found)).toEqual(['self-loop/ok.txt'])
        const loops = process.platform === 'win32' ? [] : ['self-loop/me', 'self-loop/ping', 'self-loop/pong']
        expect(found.unreachable).toEqual(
          loops.map(loop => ({ path: loop, matched: true, reason: 'a symbolic link that loops (ELOOP)' }))
        )
      }
      // Excluded, it is not even looked at.
      expect(
        (await bothWays(['self-loop', '!self-loop/me', '!self-loop/ping', '!self-loop/pong'])).unreachable
      ).toEqual([])
    } finally {
      await removeDir(dir)
    }
  })

  it('leaves out a name that is not valid UTF-8, names it with its bytes escaped, and takes every other file', async () => {
    // readdir gives such a name back with U+FFFD, which names no file. Linux allows such a
    // name; APFS and NTFS refuse it, and then both ways find the good files.
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
        expect(found).toEqual(await findFiles(patterns, ws, HOST_PATHS, { search: 'glob' }))
        expect(rel(found)).toEqual(
          ['bad-name/ok.txt', 'bad-name/sub/fine \uFFFD.txt'].filter(
            file => patterns[0] === 'bad-name' || file.endsWith('.txt')
          )
        )
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
      expect((await bothWays(['bad-name', '!bad-name/sub'])).unreachable).toEqual([])
    } finally {
      await removeDir(dir)
    }
  })

  it('takes a line longer than any path as a pattern, both ways', async () => {
    // With the `/**` that @actions/glob adds, over minimatch's 64 Ki characters: it failed there.
    const long = ['site', ...Array.from({ length: 400 }, () => 'q'.repeat(200))].join('/')
    const excluded = `!${long}`.slice(0, 65_535 - ws.length)
    expect(isPlain(anchorPatterns(['site', excluded], ws).join('\n'))).toBe(false)
    expect(rel(await findFiles(['site', excluded], ws))).toEqual(rel(await findFiles(['site'], ws)))
  })

  it('stops at a search path it cannot look at with the same error as @actions/glob', async () => {
    const message = await failureBothWays(['x'.repeat(300)])
    if (process.platform !== 'win32') expect(message).toContain('(ENAMETOOLONG)')
  })
})
