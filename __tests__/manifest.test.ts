import { describe, expect, it } from '@jest/globals'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describeFile } from '../src/files.js'
import { findUnchanged, loadManifest, recordUploads, writeManifest, type Manifest } from '../src/manifest.js'
import { makeWorkspace, sha256 } from './helpers.js'

const BASE = 'https://prod.backend.netikscloud.com'
const entry = (content: string, id: string) => ({
  sha256: sha256(content),
  size: Buffer.byteLength(content),
  id,
  storage_url: `https://cdn.example/${id}`,
  content_type: 'text/plain',
  uploaded_at: '2026-11-01T00:00:00.000Z'
})

describe('loadManifest', () => {
  it('starts empty, without a problem, when there is no file yet', async () => {
    const ws = await makeWorkspace()
    expect(await loadManifest(path.join(ws, 'none.json'), BASE)).toEqual({
      manifest: { version: 1, 'base-url': BASE, assets: {} },
      existed: false
    })
  })

  it.each([
    ['not JSON', '{"version": 1,', /is not valid JSON/],
    [
      'another version',
      '{"version": 2, "base-url": "x", "assets": {}}',
      /has version 2, which this action does not know/
    ],
    ['an array', '[]', /has version undefined/],
    [
      'another base-url',
      `{"version": 1, "base-url": "http://127.0.0.1:9", "assets": {}}`,
      /was made against "http:\/\/127\.0\.0\.1:9", not https:\/\/prod\.backend\.netikscloud\.com/
    ]
  ])('says what is wrong with %s, and starts empty', async (_name, text, problem) => {
    const ws = await makeWorkspace({ 'm.json': text })
    const loaded = await loadManifest(path.join(ws, 'm.json'), BASE)
    expect(loaded.problem).toMatch(problem)
    expect(loaded.manifest.assets).toEqual({})
  })

  it('keeps well-formed entries and drops the rest', async () => {
    const good = entry('a', 'id-a')
    const text = JSON.stringify({ version: 1, 'base-url': BASE, assets: { 'a.txt': good, 'b.txt': { id: 'x' } } })
    const ws = await makeWorkspace({ 'm.json': text })
    const loaded = await loadManifest(path.join(ws, 'm.json'), BASE)
    expect(loaded).toEqual({ manifest: { version: 1, 'base-url': BASE, assets: { 'a.txt': good } }, existed: true })
  })
})

describe('findUnchanged', () => {
  it('skips a file only when its name and sha256 match an entry', async () => {
    const ws = await makeWorkspace({
      'same.txt': 'same',
      'changed.txt': 'new!',
      'resized.txt': 'longer now',
      'new.txt': 'n'
    })
    const files = ['same.txt', 'changed.txt', 'resized.txt', 'new.txt'].map(name =>
      describeFile(path.join(ws, name), name === 'resized.txt' ? 10 : name === 'new.txt' ? 1 : 4, ws)
    )
    const manifest: Manifest = {
      version: 1,
      'base-url': BASE,
      assets: {
        'same.txt': entry('same', 'id-1'),
        'changed.txt': entry('old!', 'id-2'),
        'resized.txt': entry('short', 'id-3')
      }
    }
    const { upload, unchanged, digests } = await findUnchanged(files, manifest, 4)
    expect(unchanged.map(u => [u.file.name, u.entry.id])).toEqual([['same.txt', 'id-1']])
    expect(upload.map(f => f.name)).toEqual(['changed.txt', 'resized.txt', 'new.txt'])
    // Only files whose name and size match an entry are read to hash them.
    expect([...digests.keys()].map(f => f.name).sort()).toEqual(['changed.txt', 'same.txt'])
  })
})

describe('recordUploads and writeManifest', () => {
  it('adds or replaces the confirmed assets, keeps the others, and writes atomically, sorted', async () => {
    const ws = await makeWorkspace({ 'b.txt': 'bee' })
    const before: Manifest = {
      version: 1,
      'base-url': BASE,
      assets: { 'z.txt': entry('z', 'id-z'), 'b.txt': entry('old', 'id-old') }
    }
    const file = describeFile(path.join(ws, 'b.txt'), 3, ws)
    const after = recordUploads(
      before,
      [
        {
          file,
          asset: { id: 'id-b' },
          recordedName: 'b.txt',
          possibleDuplicate: false,
          storageUrl: 'https://cdn.example/b',
          contentType: 'text/plain',
          sha256: sha256('bee')
        }
      ],
      new Date('2026-11-25T12:00:00Z')
    )
    expect(after.assets['b.txt']).toEqual({
      sha256: sha256('bee'),
      size: 3,
      id: 'id-b',
      storage_url: 'https://cdn.example/b',
      content_type: 'text/plain',
      uploaded_at: '2026-11-25T12:00:00.000Z'
    })
    expect(after.assets['z.txt']).toEqual(before.assets['z.txt'])
    const target = path.join(ws, 'nested/dir/manifest.json')
    await writeManifest(target, after)
    const written = JSON.parse(await readFile(target, 'utf8'))
    expect(Object.keys(written.assets)).toEqual(['b.txt', 'z.txt'])
    expect(written).toEqual(after)
    expect(await readdir(path.dirname(target))).toEqual(['manifest.json'])
    await writeFile(target, 'garbage')
    await writeManifest(target, before)
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({
      ...before,
      assets: { 'b.txt': before.assets['b.txt'], 'z.txt': before.assets['z.txt'] }
    })
  })
})
