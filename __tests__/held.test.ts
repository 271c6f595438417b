import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, truncateSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ConfirmedUpload, LocalFile } from '../src/netiks/types.js'
import { DetailsSpool, holdInMemory } from '../src/transfer/held.js'
import { removeDir } from './helpers.js'

function upload(index: number, extra = ''): ConfirmedUpload {
  const file: LocalFile = {
    absolutePath: `/ws/f${index}`,
    relativePath: `f${index}`,
    name: `f${index}`,
    size: index,
    contentType: 'text/plain'
  }
  return {
    file,
    assetId: `asset-${index}${extra}`,
    recordedName: file.name,
    storageUrl: `https://cdn.example/${index}/${encodeURIComponent(extra)}`,
    contentType: 'text/plain',
    sha256: index.toString(16).padStart(64, '0'),
    possibleDuplicate: index % 2 === 0
  }
}

describe('DetailsSpool', () => {
  it('gives back exactly what was held, in any order, and removes its file on close', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netiks-spool-'))
    const file = path.join(dir, 'confirmed.spool')
    const spool = new DetailsSpool(file)
    try {
      const tricky = '名前 "quoted"\n\\ ✓'
      const uploads = Array.from({ length: 1000 }, (_, i) => upload(i, i % 7 === 0 ? tricky : ''))
      const held = uploads.map(spool.hold)
      for (const index of [999, 0, 500, 7, 998, 1]) {
        const { file: f, recordedName, possibleDuplicate, details } = held[index]
        expect({ file: f, recordedName, possibleDuplicate }).toEqual({
          file: uploads[index].file,
          recordedName: uploads[index].recordedName,
          possibleDuplicate: uploads[index].possibleDuplicate
        })
        expect(details.call(held[index])).toEqual({
          assetId: uploads[index].assetId,
          storageUrl: uploads[index].storageUrl,
          contentType: uploads[index].contentType,
          sha256: uploads[index].sha256
        })
      }
      expect(existsSync(file)).toBe(true)
      spool.close()
      expect(existsSync(file)).toBe(false)
      expect(() => held[0].details()).toThrow(/after it was closed/)
      spool.close()
    } finally {
      spool.close()
      await removeDir(dir)
    }
  })

  it('keeps the first uploads it is told to in memory, and spools every one after them', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netiks-spool-'))
    const file = path.join(dir, 'confirmed.spool')
    const spool = new DetailsSpool(file, undefined, 3)
    try {
      const uploads = Array.from({ length: 7 }, (_, i) => upload(i))
      const held = uploads.map(spool.hold)
      // Four lines in the file: those of uploads 3 to 6.
      expect(
        readFileSync(file, 'utf8')
          .trimEnd()
          .split('\n')
          .map(line => JSON.parse(line)[0])
      ).toEqual(['asset-3', 'asset-4', 'asset-5', 'asset-6'])
      held.forEach((one, index) => expect(one.details().assetId).toBe(`asset-${index}`))
      spool.close()
      // Only the spooled ones need the file.
      expect(held[2].details().sha256).toBe(uploads[2].sha256)
      expect(() => held[3].details()).toThrow(/after it was closed/)
    } finally {
      spool.close()
      await removeDir(dir)
    }
  })

  describe('reads through a window of the file', () => {
    const detailsOf = (one: ConfirmedUpload): object => ({
      assetId: one.assetId,
      storageUrl: one.storageUrl,
      contentType: one.contentType,
      sha256: one.sha256
    })
    async function withSpool(test: (spool: DetailsSpool, file: string) => void): Promise<void> {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'netiks-spool-'))
      const file = path.join(dir, 'confirmed.spool')
      const spool = new DetailsSpool(file)
      try {
        test(spool, file)
      } finally {
        spool.close()
        await removeDir(dir)
      }
    }
    /** Records of 200 to 1,400 bytes, so that windows end in the middle of records. */
    const uploads = Array.from({ length: 2000 }, (_, i) => upload(i, 'x'.repeat((i * 37) % 1200)))

    it('in order, in reverse, shuffled and strided, every record is whole, across window edges', async () => {
      await withSpool(spool => {
        const held = uploads.map(spool.hold)
        const orders = [
          held.map((_, i) => i),
          held.map((_, i) => held.length - 1 - i),
          // Path order against confirmation order: each record a few places from where it was written.
          held.map((_, i) => i ^ 5),
          held.map((_, i) => (i * 7919) % held.length),
          held.map((_, i) => (i % 2 === 0 ? i : held.length - i))
        ]
        for (const order of orders) {
          for (const index of order) expect(held[index].details()).toEqual(detailsOf(uploads[index]))
        }
      })
    })

    it('a record longer than the window is read whole, and the windows around it still serve', async () => {
      await withSpool(spool => {
        // 70 Ki characters of 3 bytes each, and 130 KiB: longer than a window either way.
        const given = [
          upload(0),
          upload(1, '✓'.repeat(70 * 1024)),
          upload(2),
          upload(3, 'y'.repeat(130 * 1024)),
          upload(4)
        ]
        const held = given.map(spool.hold)
        for (const index of [0, 1, 2, 1, 3, 4, 0, 3]) expect(held[index].details()).toEqual(detailsOf(given[index]))
      })
    })

    it('a record written after its window was read is read from the file, not missed', async () => {
      await withSpool(spool => {
        const first = uploads.slice(0, 3).map(spool.hold)
        expect(first[0].details()).toEqual(detailsOf(uploads[0]))
        const later = uploads.slice(3, 6).map(spool.hold)
        expect(later[0].details()).toEqual(detailsOf(uploads[3]))
        expect(first[2].details()).toEqual(detailsOf(uploads[2]))
        expect(later[2].details()).toEqual(detailsOf(uploads[5]))
      })
    })

    it('reads its neighbours from the window, and says so when the file ends before a record', async () => {
      await withSpool((spool, file) => {
        const held = uploads.slice(0, 400).map(spool.hold)
        expect(held[0].details()).toEqual(detailsOf(uploads[0]))
        // The file is cut behind the spool's back: what the window holds is still served, the rest fails.
        truncateSync(file, 0)
        expect(held[5].details()).toEqual(detailsOf(uploads[5]))
        expect(() => held[399].details()).toThrow(/ends early/)
        expect(held[1].details()).toEqual(detailsOf(uploads[1]))
      })
    })
  })

  it('holds in memory what it is given, for a run without a spool', () => {
    const one = upload(3)
    expect(holdInMemory(one).details()).toEqual({
      assetId: one.assetId,
      storageUrl: one.storageUrl,
      contentType: one.contentType,
      sha256: one.sha256
    })
  })
})
