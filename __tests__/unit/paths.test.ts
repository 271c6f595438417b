/**
 * The path rules of each runner's file system, tested here on Linux: Windows through path.win32
 * (drive letters, UNC shares, both separators, case), macOS as case-insensitive POSIX.
 */
import { describe, expect, it } from '@jest/globals'
import {
  anchorPatterns,
  commonAncestor,
  nameBelow,
  pathInside,
  pathKey,
  pathRulesFor,
  reportedPath,
  samePath
} from '../../src/files/paths.js'

const WIN = pathRulesFor('win32')
const MAC = pathRulesFor('darwin')
const LINUX = pathRulesFor('linux')

describe('reportedPath: workspace-relative with /, or absolute when outside', () => {
  it.each([
    [
      'Windows: below the workspace',
      WIN,
      'D:\\a\\repo\\repo',
      'D:\\a\\repo\\repo\\dist\\app.zip',
      'dist/app.zip',
      false
    ],
    [
      'Windows: mixed separators',
      WIN,
      'D:/a/repo/repo',
      'D:\\a/repo\\repo/dist\\sub/app.zip',
      'dist/sub/app.zip',
      false
    ],
    [
      'Windows: another case of the workspace',
      WIN,
      'D:\\a\\repo\\repo',
      'd:\\A\\REPO\\repo\\Dist\\x.txt',
      'Dist/x.txt',
      false
    ],
    ['Windows: another drive', WIN, 'D:\\a\\repo\\repo', 'C:\\Temp\\out.zip', 'C:/Temp/out.zip', true],
    ['Windows: a sibling with the same prefix', WIN, 'D:\\ws', 'D:\\ws2\\x.txt', 'D:/ws2/x.txt', true],
    ['Windows: a folder named ..foo', WIN, 'D:\\ws', 'D:\\ws\\..foo\\x.txt', '..foo/x.txt', false],
    ['Windows: .. segments resolved', WIN, 'D:\\ws', 'D:\\ws\\sub\\..\\..\\x.txt', 'D:/x.txt', true],
    ['Windows: a UNC share, case folded', WIN, '\\\\srv\\share\\ws', '\\\\SRV\\Share\\WS\\a.txt', 'a.txt', false],
    [
      'Windows: another UNC share',
      WIN,
      '\\\\srv\\share\\ws',
      '\\\\srv\\other\\ws\\a.txt',
      '//srv/other/ws/a.txt',
      true
    ],
    ['Windows: a UNC file, a drive workspace', WIN, 'D:\\ws', '\\\\srv\\share\\a.txt', '//srv/share/a.txt', true],
    ['Linux: case matters', LINUX, '/home/ws', '/home/WS/a.txt', '/home/WS/a.txt', true],
    ['macOS: case does not', MAC, '/Users/me/ws', '/users/ME/ws/Docs/a.txt', 'Docs/a.txt', false],
    ['Linux: a file named ..env', LINUX, '/ws', '/ws/out/..env', 'out/..env', false],
    ['Linux: a folder named ..', LINUX, '/ws', '/ws/../etc/x', '/etc/x', true],
    ['Linux: a backslash is part of a name', LINUX, '/ws', '/ws/a\\b.txt', 'a\\b.txt', false],
    ['Linux: the workspace is the root', LINUX, '/', '/srv/x.txt', 'srv/x.txt', false]
  ])('%s', (_case, rules, workspace, file, expected, outside) => {
    expect(reportedPath(workspace, file, rules)).toEqual({ path: expected, outside })
  })

  it("takes the first of the workspace's spellings that holds the file, and is absolute below none", () => {
    const spellings = ['/home/runner/work/r', '/mnt/disk/work/r']
    expect(reportedPath(spellings, '/mnt/disk/work/r/dist/a.zip', LINUX)).toEqual({
      path: 'dist/a.zip',
      outside: false
    })
    expect(reportedPath(spellings, '/home/runner/work/r/a.zip', LINUX)).toEqual({ path: 'a.zip', outside: false })
    expect(reportedPath(spellings, '/mnt/disk/work/r', LINUX)).toEqual({ path: '/mnt/disk/work/r', outside: true })
    expect(reportedPath(spellings, '/tmp/a.zip', LINUX)).toEqual({ path: '/tmp/a.zip', outside: true })
  })
})

describe('pathInside and samePath', () => {
  it('compares segment by segment, as the file system compares names', () => {
    expect(pathInside('D:\\ws', 'D:\\ws', WIN)).toBe('')
    expect(pathInside('D:\\ws', 'D:\\ws-old\\a', WIN)).toBeUndefined()
    expect(pathInside('C:\\', 'c:\\x\\y', WIN)).toBe('x/y')
    expect(pathInside('/ws', '/ws..x/a', LINUX)).toBeUndefined()
    expect(samePath('D:\\ws\\.netiks\\Manifest.json', 'd:/WS/.netiks/manifest.json', WIN)).toBe(true)
    expect(samePath('/ws/.netiks/Manifest.json', '/ws/.netiks/manifest.json', MAC)).toBe(true)
    expect(samePath('/ws/.netiks/Manifest.json', '/ws/.netiks/manifest.json', LINUX)).toBe(false)
  })

  it('folds case one character to one, and Unicode normalization on macOS', () => {
    expect(pathKey('straße', WIN)).toBe('STRAßE')
    expect(pathKey('Caf\u00e9', MAC)).toBe(pathKey('cafe\u0301', MAC))
    expect(pathKey('Caf\u00e9', LINUX)).toBe('Caf\u00e9')
  })
})

describe('commonAncestor: the least common ancestor of search paths', () => {
  it.each([
    ['two folders of one workspace', WIN, ['D:\\ws\\dist', 'd:\\WS\\docs\\img'], 'D:\\ws'],
    ['mixed separators', WIN, ['D:/ws/site/en', 'D:\\ws\\site\\de'], 'D:\\ws\\site'],
    ['one path', WIN, ['D:\\ws\\site'], 'D:\\ws\\site'],
    ['two drives: none', WIN, ['C:\\out', 'D:\\ws\\dist'], undefined],
    ['one UNC share', WIN, ['\\\\srv\\share\\a', '\\\\srv\\share\\b\\c'], '\\\\srv\\share\\'],
    ['two UNC shares: none', WIN, ['\\\\srv\\one\\a', '\\\\srv\\two\\a'], undefined],
    ['POSIX: only the root in common', LINUX, ['/foo', '/bar'], '/'],
    ['Linux: case matters', LINUX, ['/ws/Dist', '/ws/dist/x'], '/ws'],
    ['macOS: case does not', MAC, ['/ws/Dist', '/ws/dist/x'], '/ws/Dist'],
    ['no path', LINUX, [], undefined]
  ])('%s', (_case, rules, paths, expected) => {
    expect(commonAncestor(paths, rules)).toBe(expected)
  })
})

describe('nameBelow: names always use /', () => {
  it.each([
    ['below the root', WIN, 'D:\\ws\\out', 'D:\\ws\\out\\sub\\a.zip', 'sub/a.zip'],
    ['a file named ..env', WIN, 'D:\\ws\\out', 'D:\\ws\\out\\..env', '..env'],
    ['another case of the root', WIN, 'D:\\ws\\out', 'd:\\WS\\Out\\A.zip', 'A.zip'],
    ['no common root: the drive first', WIN, undefined, 'E:\\out\\a.zip', 'E/out/a.zip'],
    ['no common root: the share first', WIN, undefined, '\\\\srv\\share\\dir\\a.zip', 'srv/share/dir/a.zip'],
    ['POSIX', LINUX, '/ws', '/ws/site/de/a.html', 'site/de/a.html']
  ])('%s', (_case, rules, root, file, expected) => {
    expect(nameBelow(root, file, rules)).toBe(expected)
  })
})

describe('anchorPatterns: relative lines start at the workspace', () => {
  const ws = 'D:\\a\\[x]\\ws'
  const escaped = 'D:\\a\\[[]x]\\ws'
  it.each([
    ['dist/**', `${escaped}\\dist/**`],
    ['!dist/*.tmp', `!${escaped}\\dist/*.tmp`],
    ['  ! ! dist  ', `!!${escaped}\\dist`],
    ['.', escaped],
    ['./dist', `${escaped}\\dist`],
    ['.\\dist\\*.zip', `${escaped}\\dist\\*.zip`],
    ['D:dist', `${escaped}\\dist`],
    ['d:dist', `${escaped}\\dist`],
    ['C:dist', 'C:\\dist'],
    ['\\tmp\\x', 'D:\\tmp\\x'],
    ['/tmp/x', 'D:\\tmp/x'],
    ['!\\tmp\\x', '!D:\\tmp\\x'],
    ['C:\\abs\\*.zip', 'C:\\abs\\*.zip'],
    ['c:/abs', 'c:/abs'],
    ['\\\\srv\\share\\x', '\\\\srv\\share\\x'],
    ['//srv/share/x', '//srv/share/x'],
    ['~/x', '~/x'],
    ['# a comment', '# a comment'],
    ['', '']
  ])('Windows: %j', (line, expected) => {
    expect(anchorPatterns([line], ws, WIN)).toEqual([expected])
  })

  it.each([
    ['dist', '/home/u/my[*]ws[[]1]\\\\x/dist'],
    ['!**/*.tmp', '!/home/u/my[*]ws[[]1]\\\\x/**/*.tmp'],
    ['./a?.txt', '/home/u/my[*]ws[[]1]\\\\x/a?.txt'],
    ['/abs/dist', '/abs/dist'],
    ['~', '~'],
    ['#x', '#x']
  ])('POSIX, a workspace with glob characters: %j', (line, expected) => {
    expect(anchorPatterns([line], '/home/u/my*ws[1]\\x', LINUX)).toEqual([expected])
  })

  it('a UNC workspace: \\x is on its share', () => {
    expect(anchorPatterns(['\\x', 'y'], '\\\\srv\\share\\ws', WIN)).toEqual([
      '\\\\srv\\share\\x',
      '\\\\srv\\share\\ws\\y'
    ])
  })
})
