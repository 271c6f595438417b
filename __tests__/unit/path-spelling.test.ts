/**
 * Paths as the disk spells them, on the file systems that compare names without case (Windows,
 * macOS) or Unicode normalization (macOS), tested on Linux with those rules injected over real
 * temp trees: Linux keeps every spelling apart, so a name found here under another spelling was
 * found by the rules, not by the file system. Also the macOS runner's own paths: the `/private`
 * its temp folders resolve to (simulated with a symlinked folder) and `/Users/runner/work`.
 * Where the temp folder's file system itself folds case or normalization (Windows, Wine, macOS),
 * the tests over a tree are skipped, saying why: there a pattern finds a name without the rules.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { AssetNaming } from '../../src/config/constants.js'
import { findFiles, nameAssets, type FoundFiles } from '../../src/files/find.js'
import { GlobRules } from '../../src/files/patterns.js'
import { anchorPatterns, pathRulesFor, reportedPath, samePath } from '../../src/files/paths.js'
import { spelledOnDisk } from '../../src/files/walk.js'
import { Cleanups, posixOnly, withSymlinks } from '../support/helpers.js'

const MAC = pathRulesFor('darwin')
const LINUX = pathRulesFor('linux')
const WIN = pathRulesFor('win32')
/** `é` as one code point (NFC, as most editors write it) and as e + U+0301 (NFD, as HFS+ stored it). */
const E_NFC = '\u00e9'
const E_NFD = 'e\u0301'

const suite = new Cleanups()
let ws: string
afterAll(async () => await suite.run())

/** Whether the temp folder's file system keeps `a` and `A`, NFC `é` and NFD `é` apart, as Linux does. */
function namesStayApart(): boolean {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netiks-case-probe-'))
  try {
    writeFileSync(path.join(dir, 'a'), '')
    writeFileSync(path.join(dir, E_NFD), '')
    return !existsSync(path.join(dir, 'A')) && !existsSync(path.join(dir, E_NFC))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `describe` where the file system keeps every spelling apart; elsewhere skipped with the reason printed. */
function overExactNames(): typeof describe {
  if (namesStayApart()) return describe
  console.warn(
    `SKIPPED: this file system (${process.platform}) folds case or Unicode normalization itself, so a ` +
      "test that another platform's rules find a name in another spelling cannot tell the rules from the disk"
  )
  return describe.skip as unknown as typeof describe
}

/** The darwin rules take POSIX paths, and /private is simulated with a link. */
const overPosixLinks =
  process.platform === 'win32' ? posixOnly(describe, 'the darwin rules take POSIX paths') : withSymlinks(describe)

const paths = (found: FoundFiles): string[] => found.files.map(file => file.relativePath)

async function relativeNames(patterns: string[], rules = MAC): Promise<{ paths: string[]; names: string[] }> {
  const found = await findFiles(patterns, ws, rules)
  const { files } = nameAssets(found.files, AssetNaming.Relative, found.root, rules)
  return { paths: paths(found), names: files.map(file => file.name) }
}

overExactNames()('over a tree where every spelling is a name of its own, as on Linux', () => {
  beforeAll(async () => {
    ws = await suite.workspace({
      'build/a/README.txt': 'readme',
      'build/a/skip.txt': 'skipped',
      'build/b/Notes.MD': 'notes',
      [`docs/caf${E_NFD}.txt`]: 'decomposed',
      [`docs/R${E_NFD}sum${E_NFD}/index.html`]: 'decomposed folder',
      'site/.well-known/security.txt': 'contact',
      // Two folders whose names differ only in case: a case-sensitive folder (Windows lets a
      // folder be one) keeps them apart, and a pattern spelled as one of them means that one.
      'pair/Dir/upper.txt': 'upper',
      'pair/dir/lower.txt': 'lower'
    })
  })

  describe('a pattern in another case reports the disk spelling (case-insensitive rules)', () => {
    it('BUILD/A/* gives build/a/README.txt: relative path, absolute path and relative asset name', async () => {
      const found = await findFiles(['BUILD/A/*'], ws, MAC)
      expect(found.files.map(file => [file.relativePath, file.name, file.absolutePath])).toEqual([
        ['build/a/README.txt', 'README.txt', path.join(ws, 'build/a/README.txt')],
        ['build/a/skip.txt', 'skip.txt', path.join(ws, 'build/a/skip.txt')]
      ])
      expect(found.root).toBe(path.join(ws, 'build/a'))
    })

    it.each([
      [['BUILD/A/*'], ['build/a/*']],
      [['Build'], ['build']],
      [['BUILD/**/*.md'], ['build/**/*.MD']],
      [
        ['build/A/README.TXT', 'BUILD/b'],
        ['build/a/README.txt', 'build/b']
      ],
      [
        ['BUILD', '!Build/A/SKIP.txt'],
        ['build', '!build/a/skip.txt']
      ]
    ])('%j names and reports every file as %j does', async (patterns, asOnDisk) => {
      const spelled = await relativeNames(patterns)
      expect(spelled).toEqual(await relativeNames(asOnDisk))
      expect(spelled.paths.length).toBeGreaterThan(0)
    })

    it('an exclusion in another case excludes the file', async () => {
      expect(paths(await findFiles(['build/a', '!BUILD/A/Skip.TXT'], ws, MAC))).toEqual(['build/a/README.txt'])
    })

    it('a wildcard segment matches a name in any case, as the file system would open it', async () => {
      expect(paths(await findFiles(['**/readme.TXT', 'build/*/notes.md'], ws, MAC))).toEqual([
        'build/a/README.txt',
        'build/b/Notes.MD'
      ])
    })

    it('of two names that differ only in case, the one spelled as the pattern is meant', async () => {
      expect(paths(await findFiles(['pair/dir/*'], ws, MAC))).toEqual(['pair/dir/lower.txt'])
      expect(paths(await findFiles(['pair/Dir/*'], ws, MAC))).toEqual(['pair/Dir/upper.txt'])
    })

    it('a hidden folder written out in a pattern is named by it, in any case', async () => {
      expect(paths(await findFiles(['site/.well-known'], ws, MAC))).toEqual(['site/.well-known/security.txt'])
      expect(paths(await findFiles(['SITE/.Well-Known'], ws, MAC))).toEqual(['site/.well-known/security.txt'])
    })

    it('where case matters (Linux), a pattern in another case finds nothing and an exact one is unchanged', async () => {
      expect(paths(await findFiles(['BUILD/A/*'], ws, LINUX))).toEqual([])
      expect(await relativeNames(['build/a/*'], LINUX)).toEqual(await relativeNames(['build/a/*'], MAC))
    })

    it('the workspace given in another case: paths relative to it, files at the disk spelling', async () => {
      const shouted = path.join(path.dirname(ws), path.basename(ws).toUpperCase())
      const found = await findFiles(['Build/A/README.txt'], shouted, MAC)
      expect(found.files.map(file => [file.relativePath, file.absolutePath])).toEqual([
        ['build/a/README.txt', path.join(ws, 'build/a/README.txt')]
      ])
      expect(found.outside).toEqual([])
    })

    it('a file outside the workspace, by an absolute pattern in another case, is reported at the disk spelling', async () => {
      const other = await suite.workspace({ 'Out/App.zip': 'zip' })
      const found = await findFiles([path.join(other.toUpperCase(), 'out', 'app.ZIP')], ws, MAC)
      expect(found.outside).toEqual([path.join(other, 'Out/App.zip')])
      expect(paths(found)).toEqual([path.join(other, 'Out/App.zip')])
    })
  })

  describe('macOS: names compared without Unicode normalization, reported as the disk has them', () => {
    it(`a file written NFD is found by a pattern written NFC, and named NFD`, async () => {
      const onDisk = `docs/caf${E_NFD}.txt`
      for (const pattern of [`docs/caf${E_NFC}.txt`, `docs/CAF${E_NFC}.TXT`, `docs/*${E_NFC}.txt`, 'docs/caf*']) {
        const found = await findFiles([pattern], ws, MAC)
        expect([pattern, paths(found), found.files.map(file => file.name)]).toEqual([
          pattern,
          [onDisk],
          [`caf${E_NFD}.txt`]
        ])
      }
    })

    it('a folder written NFD, reached through a pattern written NFC, keeps its NFD spelling in relative names', async () => {
      const onDisk = `docs/R${E_NFD}sum${E_NFD}/index.html`
      expect(await relativeNames([`docs/R${E_NFC}SUM${E_NFC}`])).toEqual({ paths: [onDisk], names: ['index.html'] })
      expect(await relativeNames([`DOCS/r${E_NFC}sum${E_NFC}/*.html`, 'Docs/*.txt'])).toEqual({
        paths: [onDisk, `docs/caf${E_NFD}.txt`],
        names: [`R${E_NFD}sum${E_NFD}/index.html`, `caf${E_NFD}.txt`]
      })
    })

    it('where normalization matters (Linux), an NFC pattern does not find the NFD file', async () => {
      expect(paths(await findFiles([`docs/caf${E_NFC}.txt`], ws, LINUX))).toEqual([])
    })
  })
})

describe('Windows rules', () => {
  it('a hidden folder written out in a pattern is named by it, not taken for a wildcard', () => {
    const windows = new GlobRules('C:\\ws\\site\\.well-known', WIN)
    expect(windows.namesHidden('C:\\ws\\site\\.well-known\\security.txt', false)).toBe(true)
    expect(windows.namesHidden('c:\\WS\\Site\\.Well-Known', true)).toBe(true)
    expect(new GlobRules('C:\\ws\\site\\*', WIN).namesHidden('C:\\ws\\site\\.well-known', true)).toBe(false)
  })

  it('a Windows drive letter is written in upper case, the rest as given where nothing is listed', () => {
    expect(spelledOnDisk(['q:\\a\\Repo', 'Q:\\x', '\\\\srv\\share\\Dir'], WIN)).toEqual([
      'Q:\\a\\Repo',
      'Q:\\x',
      '\\\\srv\\share\\Dir'
    ])
    expect(spelledOnDisk(['q:\\a\\Repo'], LINUX)).toEqual(['q:\\a\\Repo'])
  })
})

overPosixLinks('macOS: a temp folder under /var is /private/var by its real path', () => {
  // <root>/var is a link to <root>/private/var, as /var is on macOS.
  let root: string
  let given: string
  let real: string

  beforeAll(async () => {
    // Real itself, as macOS's own temp folder is below /var.
    root = realpathSync(await suite.tempDir('netiks-private-'))
    real = path.join(root, 'private/var/folders/xy/T/ws')
    given = path.join(root, 'var/folders/xy/T/ws')
    mkdirSync(path.join(real, 'dist'), { recursive: true })
    mkdirSync(path.join(real, 'shared'))
    mkdirSync(path.join(root, 'elsewhere'))
    symlinkSync(path.join(root, 'private/var'), path.join(root, 'var'))
    writeFileSync(path.join(real, 'dist/app.zip'), 'zip')
    writeFileSync(path.join(real, 'shared/lib.txt'), 'lib')
    writeFileSync(path.join(root, 'elsewhere/secret.txt'), 'secret')
    // A link to a folder inside, by its real (/private) path and by a relative one; a link out.
    symlinkSync(path.join(real, 'shared'), path.join(real, 'dist/by-real-path'))
    symlinkSync('../shared', path.join(real, 'dist/relative'))
    symlinkSync(path.join(root, 'elsewhere'), path.join(real, 'dist/out'))
  })

  it.each([
    ['as /var gives it', () => given],
    ['as its /private real path', () => real]
  ])(
    'the workspace %s: whichever path a pattern takes, links inside stay inside and a link out is left out',
    async (_, workspace) => {
      for (const pattern of ['dist', path.join(given, 'dist'), path.join(real, 'dist')]) {
        for (const rules of [MAC, LINUX]) {
          const found = await findFiles([pattern], workspace(), rules)
          expect([pattern, paths(found), found.outside, found.linksOut]).toEqual([
            pattern,
            ['dist/app.zip', 'dist/by-real-path/lib.txt', 'dist/relative/lib.txt'],
            [],
            [{ path: 'dist/out', target: path.join(root, 'elsewhere') }]
          ])
        }
      }
    }
  )
})

describe('macOS: /Users/runner/work as the workspace', () => {
  const workspace = '/Users/runner/work/repo/repo'

  it('relative patterns are anchored there, and a path in another case or normalization is inside', () => {
    expect(anchorPatterns(['dist/**', '!dist/*.tmp', '/Users/runner/work/_temp/x'], workspace, MAC)).toEqual([
      `${workspace}/dist/**`,
      `!${workspace}/dist/*.tmp`,
      '/Users/runner/work/_temp/x'
    ])
    expect(reportedPath(workspace, '/users/Runner/WORK/repo/Repo/dist/a.zip', MAC)).toEqual({
      path: 'dist/a.zip',
      outside: false
    })
    expect(reportedPath(`/Users/runner/work/r${E_NFD}po/r`, `/Users/runner/work/r${E_NFC}po/r/a`, MAC)).toEqual({
      path: 'a',
      outside: false
    })
  })

  it('RUNNER_TEMP (/Users/runner/work/_temp) is outside, reported by its absolute path', () => {
    expect(reportedPath(workspace, '/Users/runner/work/_temp/notes.txt', MAC)).toEqual({
      path: '/Users/runner/work/_temp/notes.txt',
      outside: true
    })
    expect(samePath(`${workspace}/.netiks.json`, '/users/runner/work/REPO/repo/.Netiks.json', MAC)).toBe(true)
  })
})
