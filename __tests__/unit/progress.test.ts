import { describe, expect, it } from '@jest/globals'
import type { ConfirmedUpload, LocalFile } from '../../src/model.js'
import { ProgressReporter } from '../../src/report/progress.js'
import { describeResult } from '../../src/report/report.js'

const MiB = 1024 * 1024
const file = (relativePath: string, size = 10): LocalFile => ({
  absolutePath: `/ws/${relativePath}`,
  relativePath,
  name: relativePath.split('/').pop()!,
  size,
  contentType: 'application/octet-stream'
})

describe('progress', () => {
  it('describes a transfer: percent, speed, time left', () => {
    let now = 0
    const lines: string[] = []
    const big = file('dist/big.iso', 100 * MiB)
    const reporter = new ProgressReporter(
      [big],
      10_000,
      line => lines.push(line),
      () => now
    )
    reporter.started(big)
    reporter.sent(big, 25 * MiB)
    now = 10_000
    reporter.report()
    expect(lines).toEqual(['↑ dist/big.iso: 25% of 100.0 MiB, 2.5 MiB/s, about 30.0 s left'])
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
