import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describeFile } from '../src/files.js'
import {
  findUnchanged,
  loadManifest,
  serializeManifest,
  writeManifest,
  type LoadedManifest,
  type ManifestEntry
} from '../src/manifest.js'
import { StoredEntry } from '../src/manifest-store.js'
import { Cleanups, sha256 } from './helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const BASE = 'https://prod.backend.netikscloud.com'

/** An entry as the action writes it, for a file of `content` named after its path. */
function written(relativePath: string, content: string, index: number): ManifestEntry {
  return {
    name: path.posix.basename(relativePath),
    sha256: sha256(content),
    size: Buffer.byteLength(content),
    id: `id-${index}`,
    storage_url: `https://cdn.example/${index}/${'u'.repeat(index % 50)}`,
    content_type: 'text/plain',
    uploaded_at: '2026-11-01T00:00:00.000Z'
  }
}

/** A manifest of `count` files (over 64 KiB from a few hundred), written by the action, and the files. */
async function manifestWorkspace(count: number, extra: Record<string, unknown> = {}) {
  const files: Record<string, string> = {}
  const assets: Record<string, unknown> = {}
  for (let i = 0; i < count; i++) {
    const relative = `docs/${String(i).padStart(5, '0')}/é-${i}.txt`
    files[relative] = `content ${i}`
    assets[relative] = written(relative, files[relative], i)
  }
  Object.assign(assets, extra)
  const json = JSON.stringify({ version: 2, 'base-url': BASE, assets }, null, 2)
  const ws = await cleanups.workspace({ ...files, 'm.json': json })
  const temp = await cleanups.tempDir('netiks-store-test-')
  return { ws, temp, manifest: path.join(ws, 'm.json'), paths: Object.keys(files) }
}

async function loadStored(manifest: string, temp: string, baseUrl = BASE): Promise<LoadedManifest> {
  const loaded = await loadManifest(manifest, baseUrl, { storeIn: temp })
  cleanups.defer(() => loaded.store?.close())
  return loaded
}

describe('loadManifest with a store', () => {
  it('reads the same manifest as in memory, with the entries left on disk', async () => {
    const { temp, manifest } = await manifestWorkspace(600, {
      'odd/upper.txt': { ...written('odd/upper.txt', 'x', 9), sha256: sha256('x').toUpperCase() },
      'odd/extra.txt': { ...written('odd/extra.txt', 'x', 9), note: 'kept out' },
      'odd/bad.txt': { ...written('odd/bad.txt', 'x', 9), size: -1 }
    })
    const inMemory = await loadManifest(manifest, BASE)
    const stored = await loadStored(manifest, temp)
    expect(stored.store).toBeDefined()
    expect(stored.ignored).toEqual(inMemory.ignored)
    expect(stored.ignored).toEqual(['"odd/bad.txt" (size is missing or invalid)'])
    // Only the entries exactly as the action writes them stay on disk.
    const values = [...stored.manifest.assets.values()]
    expect(values.filter(value => value instanceof StoredEntry)).toHaveLength(600)
    expect(stored.manifest.assets.get('odd/upper.txt')).not.toBeInstanceOf(StoredEntry)
    expect(serializeManifest(stored.manifest)).toBe(serializeManifest(inMemory.manifest))
    for (const [key, entry] of inMemory.manifest.assets) {
      const fromStore = stored.manifest.assets.get(key)!
      expect({ ...JSON.parse(JSON.stringify(fromStore)) }).toEqual(entry)
      expect([fromStore.name, fromStore.sha256, fromStore.size, fromStore.id, fromStore.recorded_name]).toEqual([
        entry.name,
        entry.sha256,
        entry.size,
        entry.id,
        entry.recorded_name
      ])
    }
  })

  it('reads entries back in any order, across its read window, and one longer than the window', async () => {
    const long = written('long/one.txt', 'x', 7)
    long.storage_url = `https://cdn.example/${'ü'.repeat(100_000)}`
    const { temp, manifest } = await manifestWorkspace(800, { 'long/one.txt': long })
    const inMemory = await loadManifest(manifest, BASE)
    const stored = await loadStored(manifest, temp)
    const keys = [...inMemory.manifest.assets.keys()]
    // Backwards, then strided: every read is outside the window the one before it left.
    const order = [...keys].reverse()
    for (let stride = 0; stride < 97; stride++) for (let i = stride; i < keys.length; i += 97) order.push(keys[i])
    for (const key of order) {
      expect([key, stored.manifest.assets.get(key)!.storage_url]).toEqual([
        key,
        inMemory.manifest.assets.get(key)!.storage_url
      ])
    }
  })

  it('keeps reading the entries it loaded after the manifest is replaced, and removes its copy when closed', async () => {
    const { ws, temp, manifest, paths } = await manifestWorkspace(300)
    const loaded = await loadManifest(manifest, BASE, { storeIn: temp })
    const files = paths.map(p => describeFile(path.join(ws, p), Buffer.byteLength(`content ${paths.indexOf(p)}`), ws))
    const { unchanged } = await findUnchanged(files, loaded.manifest, 4)
    expect(unchanged).toHaveLength(300)
    // The run replaces the manifest (by rename) while it still reads the entries it loaded.
    await writeManifest(manifest, { ...loaded.manifest, assets: new Map() })
    await writeFile(path.join(ws, 'other.json'), '{}')
    await rename(path.join(ws, 'other.json'), manifest)
    expect(unchanged.map(u => u.entry.id)).toEqual(paths.map((_, i) => `id-${i}`))
    expect(await readdir(temp)).toHaveLength(1)
    loaded.store!.close()
    expect(await readdir(temp)).toEqual([])
    expect(() => unchanged[0].entry.id).toThrow('read after they were released')
  })

  it("keeps another base-url's entries in the store, and writes them back from it as they were", async () => {
    const { temp, manifest } = await manifestWorkspace(400)
    const text = await readFile(manifest, 'utf8')
    const loaded = await loadStored(manifest, temp, 'https://staging.example')
    const section = loaded.manifest.others.sections.get(BASE)!
    expect(section.assets.size).toBe(400)
    expect([...section.assets.values()].every(value => value instanceof StoredEntry)).toBe(true)
    expect(loaded.store).toBeDefined()
    await writeManifest(manifest, loaded.manifest)
    expect(await readFile(manifest, 'utf8')).toBe(`${text}\n`)
    expect(await readdir(temp)).toHaveLength(1)
  })

  it('holds the entries in memory when no copy can be made, and keeps no copy of a manifest it refuses', async () => {
    const { temp, manifest } = await manifestWorkspace(3)
    const noFolder = await loadManifest(manifest, BASE, { storeIn: path.join(temp, 'missing') })
    expect(noFolder.store).toBeUndefined()
    expect(noFolder.manifest.assets.size).toBe(3)
    expect([...noFolder.manifest.assets.values()].some(value => value instanceof StoredEntry)).toBe(false)

    await writeFile(path.join(temp, 'bad.json'), '{"version": 2, "base-url": 7}')
    await expect(loadManifest(path.join(temp, 'bad.json'), BASE, { storeIn: temp })).rejects.toThrow(
      'has no "base-url"'
    )
    await rm(path.join(temp, 'bad.json'))
    const none = await loadManifest(path.join(temp, 'none.json'), BASE, { storeIn: temp })
    expect(none).toEqual({ manifest: none.manifest, existed: false, knewBaseUrl: false, ignored: [] })
    expect(await readdir(temp)).toEqual([])
  })
})
