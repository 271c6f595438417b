/** The names assets are sent under (asset-name: basename or relative), and the clashes named. */
import { describe, expect, it } from '@jest/globals'
import { AssetNaming } from '../../src/config/constants.js'
import { nameAssets } from '../../src/files/find.js'
import { pathRulesFor } from '../../src/files/paths.js'
import type { LocalFile } from '../../src/model.js'

const POSIX = pathRulesFor('linux')
const file = (relativePath: string, size = 10): LocalFile => ({
  absolutePath: `/ws/${relativePath}`,
  relativePath,
  name: relativePath.split('/').pop()!,
  size,
  contentType: 'application/octet-stream'
})

describe('nameAssets', () => {
  const files = [file('dist/linux/app.zip'), file('dist/mac/app.zip'), file('dist/README.md')]

  it('basename: sends base names and names every clash', () => {
    const { files: named, clashes } = nameAssets(files, AssetNaming.Basename, '/ws/dist', POSIX)
    expect(named.map(f => f.name)).toEqual(['app.zip', 'app.zip', 'README.md'])
    expect(clashes).toEqual([{ name: 'app.zip', paths: ['dist/linux/app.zip', 'dist/mac/app.zip'] }])
  })

  it('relative: sends the path below the root of the patterns', () => {
    const { files: named, clashes } = nameAssets(files, AssetNaming.Relative, '/ws/dist', POSIX)
    expect(named.map(f => f.name)).toEqual(['linux/app.zip', 'mac/app.zip', 'README.md'])
    expect(clashes).toEqual([])
  })

  it('relative: names do not depend on which other files matched', () => {
    const alone = nameAssets([file('dist/linux/app.zip')], AssetNaming.Relative, '/ws/dist', POSIX)
    expect(alone.files[0].name).toBe('linux/app.zip')
  })

  it('relative: a file whose name starts with two dots is inside its folder', () => {
    const named = nameAssets([file('out/..env')], AssetNaming.Relative, '/ws/out', POSIX)
    expect(named.files[0].name).toBe('..env')
  })

  it('compares names as the file system does: case-insensitively on Windows and macOS', () => {
    const both = [file('a/Logo.svg'), file('b/logo.svg')]
    expect(nameAssets(both, AssetNaming.Basename, '/ws', POSIX).clashes).toEqual([])
    expect(nameAssets(both, AssetNaming.Basename, '/ws', pathRulesFor('darwin')).clashes).toEqual([
      { name: 'Logo.svg', paths: ['a/Logo.svg', 'b/logo.svg'] }
    ])
  })

  it('is linear: 40,000 files sharing one base name are named in well under a second', () => {
    const many = Array.from({ length: 40_000 }, (_, i) => file(`site/p${i}/index.html`))
    for (const naming of [AssetNaming.Basename, AssetNaming.Relative]) {
      const started = performance.now()
      const { files: named, clashes } = nameAssets(many, naming, '/ws/site', POSIX)
      const elapsedMs = performance.now() - started
      expect(named).toHaveLength(40_000)
      expect(clashes).toHaveLength(naming === AssetNaming.Basename ? 1 : 0)
      // A guard against a quadratic step (which took minutes), not a performance target.
      expect(elapsedMs).toBeLessThan(2000)
    }
  })
})
