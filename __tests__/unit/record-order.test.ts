/**
 * Review: result() orders by compareText on the relative path instead of an index map. The
 * files it is given are in that order (findFiles sorts by compareText; the manifest filter, the
 * manifest split and the shard filter only drop files), so the two orders agree, including for
 * copies of a file that changed while it waited, and for paths outside the workspace.
 */
import { describe, expect, it } from '@jest/globals'
import { compareText } from '../../src/format.js'
import type { ConfirmedUpload, LocalFile } from '../../src/model.js'
import { fileRecords } from '../../src/report/records.js'
import { takeShard } from '../../src/files/shard.js'
import { OutcomeRecorder } from '../../src/transfer/outcome.js'

const PATHS = [
  'z.txt',
  'a/b.txt',
  'a-b/c.txt',
  'a.b/c.txt',
  'B.txt',
  'a/B.txt',
  'é.txt',
  'e\u0301.txt',
  '/outside/x.bin',
  'a/b/c.txt',
  'a b.txt',
  '~x',
  '_y',
  '0',
  '10',
  '9',
  'a/𝒳.txt',
  'a/ｘ.txt'
]

function fileOf(relativePath: string, size = 1): LocalFile {
  return { absolutePath: `/ws/${relativePath}`, relativePath, name: relativePath, size, contentType: 'text/plain' }
}

/** A deterministic shuffle. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    const j = seed % (i + 1)
    ;[copy[i], copy[j]] = [copy[j], copy[i]]
  }
  return copy
}

describe('result() in file order without an index map', () => {
  it.each([1, 2, 3, 4, 5])('every file once, in the order found, whatever order they settle in (seed %i)', seed => {
    const found = PATHS.map(p => fileOf(p)).sort((a, b) => compareText(a.relativePath, b.relativePath))
    const { files } = takeShard(found, { index: seed % 2, total: 2 })
    const recorder = new OutcomeRecorder(files, { baseUrl: 'http://x', concurrency: 4, failFast: false })
    const order = shuffled(files, seed)
    order.forEach((file, i) => {
      const kind = i % 4
      if (kind === 0) {
        // Changed while it waited: a fresh record of the same path.
        const now = { ...file, size: file.size + 1 }
        const upload: ConfirmedUpload = {
          file: now,
          assetId: `id-${i}`,
          recordedName: now.name,
          storageUrl: 'u',
          contentType: 't',
          sha256: 's',
          possibleDuplicate: false
        }
        recorder.confirm(upload)
      } else if (kind === 1) recorder.fail(file, 'upload', new Error('boom'))
      else if (kind === 2) recorder.awaiting(file, 'confirm')
    })
    const outcome = recorder.result()
    const paths = files.map(file => file.relativePath)
    const confirmedPaths = outcome.confirmed.map(upload => upload.file.relativePath)
    const failedPaths = outcome.failed.map(failure => failure.file.relativePath)
    expect(confirmedPaths).toEqual(paths.filter(p => confirmedPaths.includes(p)))
    expect(failedPaths).toEqual(paths.filter(p => failedPaths.includes(p)))
    expect([...confirmedPaths, ...failedPaths].sort(compareText)).toEqual(paths)
    expect([...fileRecords({ confirmed: outcome.confirmed, failed: outcome.failed })].map(r => r.path)).toEqual(paths)
  })
})
