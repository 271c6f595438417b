import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { realpathSync } from 'node:fs'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { findFiles, type FoundFiles } from '../../src/files/find.js'
import { makeWorkspace, removeDir, withSymlinks } from '../support/helpers.js'

let ws: string
const rel = (found: FoundFiles): string[] => found.files.map(file => file.relativePath)

beforeAll(async () => {
  ws = await makeWorkspace({
    'dist/app.zip': 'zip',
    'dist/app.tmp': 'tmp',
    'dist/nested/deep/lib.zip': 'lib',
    'dist/nested/deep/notes.txt': 'notes',
    'dist/with space/ünï (1)+[x]&.zip': 'odd',
    'docs/index.html': '<html></html>',
    'docs/img/logo.svg': '<svg/>',
    'README.md': '# readme',
    'empty.bin': ''
  })
  await mkdir(path.join(ws, 'dist/emptydir'))
})

afterAll(async () => removeDir(ws))

describe('findFiles', () => {
  it('matches globs recursively and sorts by relative path', async () => {
    const files = await findFiles([`${ws}/dist/**/*.zip`], ws)
    expect(rel(files)).toEqual(['dist/app.zip', 'dist/nested/deep/lib.zip', 'dist/with space/ünï (1)+[x]&.zip'])
  })

  it('applies ! exclusions', async () => {
    const files = await findFiles([`${ws}/dist`, `!${ws}/dist/**/*.tmp`, `!${ws}/dist/nested`], ws)
    expect(rel(files)).toEqual(['dist/app.zip', 'dist/with space/ünï (1)+[x]&.zip'])
  })

  it('expands a directory to every file beneath it, and drops directories', async () => {
    const files = await findFiles([`${ws}/docs`], ws)
    expect(rel(files)).toEqual(['docs/img/logo.svg', 'docs/index.html'])
  })

  it('lists a file matched by several patterns once', async () => {
    const files = await findFiles([`${ws}/docs/index.html`, `${ws}/docs/*.html`, `${ws}/docs`], ws)
    expect(rel(files)).toEqual(['docs/img/logo.svg', 'docs/index.html'])
  })

  it('describes each file: base name, size, content type', async () => {
    const { files } = await findFiles([`${ws}/docs`, `${ws}/empty.bin`, `${ws}/dist/app.zip`], ws)
    expect(files.map(({ name, size, contentType }) => ({ name, size, contentType }))).toEqual([
      { name: 'app.zip', size: 3, contentType: 'application/zip' },
      { name: 'logo.svg', size: 6, contentType: 'image/svg+xml' },
      { name: 'index.html', size: 13, contentType: 'text/html' },
      { name: 'empty.bin', size: 0, contentType: 'application/octet-stream' }
    ])
    expect(files[0].absolutePath).toBe(path.join(ws, 'dist/app.zip'))
  })

  it('resolves relative patterns against the workspace, whatever the working directory', async () => {
    const elsewhere = await makeWorkspace({ 'README.md': 'not this one', 'dist/app.zip': 'nor this' })
    const cwd = process.cwd()
    process.chdir(elsewhere)
    try {
      const found = await findFiles(['*.md', 'dist', '!dist/**/*.tmp', '!dist/nested'], ws)
      expect(rel(found)).toEqual(['README.md', 'dist/app.zip', 'dist/with space/ünï (1)+[x]&.zip'])
      expect(found.files.every(file => file.absolutePath.startsWith(ws))).toBe(true)
      expect(found.outside).toEqual([])
    } finally {
      process.chdir(cwd)
      await removeDir(elsewhere)
    }
  })

  it('finds files in a workspace whose own path holds glob characters', async () => {
    const parent = await makeWorkspace()
    // * and ? cannot be part of a file name on Windows.
    const odd = path.join(parent, process.platform === 'win32' ? 'we[ir]d ws' : 'we[ir]d*ws?')
    await mkdir(path.join(odd, 'dist'), { recursive: true })
    await writeFile(path.join(odd, 'dist/a.zip'), 'a')
    await writeFile(path.join(odd, 'dist/b.tmp'), 'b')
    try {
      const found = await findFiles(['dist', '!dist/*.tmp'], odd)
      expect(rel(found)).toEqual(['dist/a.zip'])
      expect(found.root).toBe(path.join(odd, 'dist'))
    } finally {
      await removeDir(parent)
    }
  })

  it('reports a file outside the workspace with its absolute path, and lists it', async () => {
    const other = await makeWorkspace({ 'out/x.bin': 'x' })
    try {
      const found = await findFiles([`${other}/out`, 'README.md'], ws)
      const reported = path.join(other, 'out/x.bin').split(path.sep).join('/')
      expect(rel(found)).toEqual([reported, 'README.md'])
      expect(found.outside).toEqual([reported])
    } finally {
      await removeDir(other)
    }
  })

  withSymlinks(it, 'junction')(
    'a workspace reached through a symbolic link: a path spelled through its target is inside it',
    async () => {
      const link = `${ws}-link`
      // A directory junction on Windows, which needs no privilege.
      await symlink(ws, link, 'junction')
      try {
        const found = await findFiles([`${ws}/docs/index.html`, 'README.md'], link)
        expect(rel(found)).toEqual(['README.md', 'docs/index.html'])
        expect(found.outside).toEqual([])
      } finally {
        await removeDir(link)
      }
    }
  )

  it.each([
    [['dist/**/*.zip'], 'dist'],
    [['dist/app.zip'], 'dist'],
    [['dist/nested', 'dist/app.zip'], 'dist'],
    [['dist/nested/deep/*.zip', 'docs/*.html', '!docs/img'], '.'],
    [['docs', 'docs/img'], 'docs']
  ])('roots relative names at the search paths of %j, as upload-artifact does', async (patterns, root) => {
    expect((await findFiles(patterns, ws)).root).toBe(path.join(ws, root))
  })

  withSymlinks(it)('follows symbolic links to files', async () => {
    await symlink(path.join(ws, 'README.md'), path.join(ws, 'docs-link.md'))
    expect(rel(await findFiles([`${ws}/docs-link.md`], ws))).toEqual(['docs-link.md'])
  })

  withSymlinks(it)('skips broken symbolic links and names them', async () => {
    const dir = await makeWorkspace({ 'out/good.txt': 'good' })
    await symlink(path.join(dir, 'out/missing-target'), path.join(dir, 'out/broken.txt'))
    await symlink(path.join(dir, 'out/good.txt'), path.join(dir, 'out/alias.txt'))
    const found = await findFiles([`${dir}/out`], dir)
    expect(rel(found)).toEqual(['out/alias.txt', 'out/good.txt'])
    expect(found.brokenLinks).toEqual(['out/broken.txt'])
    await removeDir(dir)
  })

  it('returns nothing when nothing matches', async () => {
    expect(await findFiles([`${ws}/nope/**`], ws)).toEqual({
      files: [],
      brokenLinks: [],
      outside: [],
      hidden: [],
      linksOut: [],
      special: [],
      unreachable: [],
      root: path.join(ws, 'nope')
    })
  })
})

withSymlinks(describe)('links that lead out of the workspace', () => {
  let tree: string
  let elsewhere: string

  beforeAll(async () => {
    tree = await makeWorkspace({ 'out/own.txt': 'own', 'out/sub/deep.txt': 'deep', 'in/kept.txt': 'kept' })
    elsewhere = await makeWorkspace({ 'secret.txt': 'secret', 'dir/inner.txt': 'inner', 'back/x': '' })
    const at = (name: string): string => path.join(tree, name)
    // A file and a folder outside; a chain of links inside that ends outside; a relative target
    // with `..` that climbs out; a link out that comes back in; a link inside to a file inside.
    await symlink(path.join(elsewhere, 'secret.txt'), at('out/shadow.txt'))
    await symlink(path.join(elsewhere, 'dir'), at('out/linked-dir'))
    await symlink(at('out/shadow.txt'), at('out/sub/chain.txt'))
    await symlink(path.relative(at('out/sub'), path.join(elsewhere, 'secret.txt')), at('out/sub/dotdot.txt'))
    await symlink(path.join(tree, 'in'), path.join(elsewhere, 'back/in'))
    await symlink(path.join(elsewhere, 'back/in/kept.txt'), at('out/round-trip.txt'))
    await symlink(at('in/kept.txt'), at('out/alias.txt'))
  })

  afterAll(async () => {
    await removeDir(tree)
    await removeDir(elsewhere)
  })

  const real = (name: string): string => path.join(realpathSync(elsewhere), name).split(path.sep).join('/')
  const OUT_LINKS = [
    { path: 'out/linked-dir', target: 'dir' },
    { path: 'out/shadow.txt', target: 'secret.txt' },
    { path: 'out/sub/chain.txt', target: 'secret.txt' },
    { path: 'out/sub/dotdot.txt', target: 'secret.txt' }
  ]

  it.each([
    ['a folder', ['out']],
    ['a wildcard', ['out/**/*']]
  ])('through %s: leaves them out and names each, with where it leads', async (_label, patterns) => {
    const found = await findFiles(patterns, tree)
    expect(rel(found)).toEqual(['out/alias.txt', 'out/own.txt', 'out/round-trip.txt', 'out/sub/deep.txt'])
    expect(found.linksOut).toEqual(OUT_LINKS.map(link => ({ ...link, target: real(link.target) })))
  })

  it('named directly, or spelled through a linked folder: left out all the same', async () => {
    const found = await findFiles(['out/shadow.txt', 'out/linked-dir/inner.txt'], tree)
    expect(rel(found)).toEqual([])
    expect(found.linksOut.map(link => link.path)).toEqual(['out/linked-dir/inner.txt', 'out/shadow.txt'])
  })

  it('an absolute path outside the workspace is outside on purpose: its files are taken', async () => {
    const found = await findFiles([path.join(elsewhere, 'secret.txt'), path.join(elsewhere, 'back')], tree)
    expect(found.linksOut).toEqual([])
    expect(found.files.map(file => file.absolutePath)).toEqual([
      path.join(elsewhere, 'back/in/kept.txt'),
      path.join(elsewhere, 'back/x'),
      path.join(elsewhere, 'secret.txt')
    ])
  })
})
