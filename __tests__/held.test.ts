import { describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
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
