import { describe, expect, it } from '@jest/globals'
import { AssetNaming } from '../../src/config/constants.js'
import { nameAssets } from '../../src/files/find.js'
import { pathRulesFor } from '../../src/files/paths.js'
import { planBatches } from '../../src/transfer/presigned.js'
import type { ConfirmedUpload, LocalFile } from '../../src/model.js'
import { ProgressReporter, describeTransfer } from '../../src/report/progress.js'
import { describeResult } from '../../src/report/messages.js'

const MiB = 1024 * 1024
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

describe('progress', () => {
  it('describes a transfer: percent, speed, time left', () => {
    expect(describeTransfer(file('dist/big.iso', 100 * MiB), 25 * MiB, 10_000)).toBe(
      '↑ dist/big.iso: 25% of 100.0 MiB, 2.5 MiB/s, about 30.0 s left'
    )
  })

  it('reports only transfers older than the interval, plus overall progress for a batch', () => {
    let now = 0
    const lines: string[] = []
    const big = file('big.bin', 10 * MiB)
    const young = file('young.bin', 10 * MiB)
    const done = file('done.bin', MiB)
    const reporter = new ProgressReporter(
      [big, young, done],
      10_000,
      line => lines.push(line),
      () => now
    )
    reporter.start()
    reporter.stop()
    reporter.started(big)
    reporter.started(done)
    reporter.sent(done, MiB)
    reporter.finished(done)
    now = 5_000
    reporter.started(young)
    reporter.sent(big, 4 * MiB)
    now = 10_000
    reporter.report()
    expect(lines).toEqual([
      '↑ big.bin: 40% of 10.0 MiB, 0.4 MiB/s, about 15.0 s left',
      'Progress: 1 of 3 files (33%), 5.0 MiB of 21.0 MiB, 0.1 files/s, 512.0 KiB/s, about 32.0 s left.'
    ])
  })

  it('says nothing for a single short transfer', () => {
    const lines: string[] = []
    const reporter = new ProgressReporter(
      [file('a', 10)],
      10_000,
      line => lines.push(line),
      () => 0
    )
    reporter.started(file('a', 10))
    reporter.report()
    expect(lines).toEqual([])
  })
})

describe('planBatches', () => {
  it('groups 50 files per generate call, and caps a batch at 1 GiB', () => {
    const many = Array.from({ length: 120 }, (_, i) => file(`f${i}`))
    expect(planBatches(many).map(b => b.length)).toEqual([50, 50, 20])
    const big = [file('a', 700 * MiB), file('b', 700 * MiB), file('c', 1)]
    expect(planBatches(big).map(b => b.map(f => f.name))).toEqual([['a'], ['b', 'c']])
    expect(planBatches([])).toEqual([])
  })
})

describe('describeResult', () => {
  const confirmed = (f: LocalFile): ConfirmedUpload => ({
    file: f,
    assetId: 'x',
    recordedName: f.name,
    storageUrl: '',
    contentType: '',
    sha256: '',
    possibleDuplicate: false
  })
  it('says how many, how much, how fast', () => {
    const files = [file('a', 30 * MiB), file('b', 18.2 * MiB)]
    expect(describeResult({ confirmed: files.map(confirmed), failed: [] }, 2, 3100)).toBe(
      '2 assets uploaded to Netiks, 48.2 MiB in 3.1 s (15.5 MiB/s).'
    )
    expect(
      describeResult(
        { confirmed: [confirmed(files[0])], failed: [{ file: files[1], step: 'put', message: 'x' }] },
        2,
        1000
      )
    ).toBe('1 of 2 assets uploaded to Netiks, 30.0 MiB in 1.0 s (30.0 MiB/s).')
  })
})
