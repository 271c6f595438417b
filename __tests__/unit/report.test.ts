/**
 * A hostile read of report/: nothing is lost and nothing is hidden, whatever the names, the
 * server's words or the number of files. Every matched file is in the assets file exactly once,
 * in the order of the outputs; the summary stays under GitHub's 1 MiB with its totals; and the
 * outputs are set even when RUNNER_TEMP is unwritable. (integration/report-read-by-shell-tools
 * reads the checksums file with `sha256sum -c` and a full list output through one `env:` value.)
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import { CancelledError, FileChangedError } from '../../src/model.js'
import { HttpError } from '../../src/netiks/errors.js'
import { countOfTotal, withStop } from '../../src/format.js'
import type { ConfirmedUpload, LocalFile } from '../../src/model.js'
import type { NetiksAsset } from '../../src/netiks/types.js'
import { closingError, recordPlace } from '../../src/report/report.js'
import { ProgressReporter } from '../../src/report/progress.js'
import { callCreatingAsset, uploadEach } from '../../src/transfer/asset-call.js'
import { FailFastError, OutcomeRecorder } from '../../src/transfer/outcome.js'
import { defaultRetryPolicy } from '../../src/transfer/retry.js'
import { makeRunFolder, writeRecordFiles } from '../../src/report/assets-file.js'
import { writeOutputs } from '../../src/report/outputs.js'
import { assetRecords, failureRecords, fileRecords, type FileRecord, type RunResult } from '../../src/report/records.js'
import { writeSummary } from '../../src/report/summary.js'
import { Cleanups, removeDir, sha256 } from '../support/helpers.js'
import { confirmed, failed, localFile, unchanged } from '../support/records.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const tempDir = async (): Promise<string> => await cleanups.tempDir('netiks-report-')

describe('the records: every matched file exactly once, in path order', () => {
  // Each list is in file order, as the recorder gives it; the three kinds interleave by path.
  const result: RunResult = {
    confirmed: [confirmed('a/1.txt'), confirmed('b/3.txt', true), confirmed('d/6.txt')],
    failed: [failed('a/2.txt'), failed('c/5.txt', 'the confirm request was sent…', null)],
    unchanged: [unchanged('0.txt'), unchanged('b/4.txt'), unchanged('e/7.txt')]
  }

  it('the assets file has one record per file, held or failed, in path order', () => {
    const records = [...fileRecords(result)]
    expect(records.map(record => record.path)).toEqual([
      '0.txt',
      'a/1.txt',
      'a/2.txt',
      'b/3.txt',
      'b/4.txt',
      'c/5.txt',
      'd/6.txt',
      'e/7.txt'
    ])
    const byPath = new Map(records.map(record => [record.path, record]))
    expect(byPath.get('0.txt')).toMatchObject({ id: 'old-0.txt', skipped: true, failure: null })
    expect(byPath.get('b/3.txt')).toMatchObject({ id: 'id-b/3.txt', possible_duplicate: true, failure: null })
    expect(byPath.get('c/5.txt')).toMatchObject({
      id: null,
      storage_url: null,
      sha256: null,
      failure: { step: 'put', status: null, message: 'the confirm request was sent…' }
    })
  })

  it('the outputs are the same records, in the same order: held ones, then failed ones', () => {
    const records = [...fileRecords(result)]
    const held = records.filter(record => record.failure === null).map(({ failure: _failure, ...asset }) => asset)
    expect([...assetRecords(result)]).toEqual(held)
    expect([...failureRecords(result)]).toEqual(
      records.filter(record => record.failure !== null).map(record => ({ path: record.path, ...record.failure }))
    )
  })

  it('writes them to RUNNER_TEMP: the assets file parses, the checksums file lists held assets only', async () => {
    const runnerTemp = await tempDir()
    const saved = process.env.RUNNER_TEMP
    process.env.RUNNER_TEMP = runnerTemp
    cleanups.defer(async () => {
      process.env.RUNNER_TEMP = saved
    })
    const files = await writeRecordFiles(result, await makeRunFolder())
    expect(path.dirname(path.dirname(files.assetsFile))).toBe(runnerTemp)
    const records = JSON.parse(await readFile(files.assetsFile, 'utf8')) as FileRecord[]
    expect(records).toEqual([...fileRecords(result)])
    const lines = (await readFile(files.checksumsFile, 'utf8')).trimEnd().split('\n')
    expect(lines).toEqual([...assetRecords(result)].map(asset => `${asset.sha256}  ${asset.path}`))
    // Two runs of one job never share a folder.
    const again = await writeRecordFiles(result)
    expect(path.dirname(again.assetsFile)).not.toBe(path.dirname(files.assetsFile))
  })
})

describe('with RUNNER_TEMP unwritable', () => {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
  })
  afterEach(() => {
    process.env = saved
    process.exitCode = undefined
  })

  it('sets every other output, then says which files it could not write, so that the caller still saves the manifest', async () => {
    const dir = await tempDir()
    const notADir = path.join(dir, 'a-file')
    await writeFile(notADir, '')
    process.env.RUNNER_TEMP = notADir
    process.env.GITHUB_OUTPUT = path.join(dir, 'output')
    await writeFile(process.env.GITHUB_OUTPUT, '')
    const written = await writeOutputs({ confirmed: [confirmed('a.txt')], failed: [failed('b.txt')] })
    expect(written).toMatchObject({ assetsFile: '', outputsSet: true })
    // A path through a file: ENOTDIR on Linux and macOS, ENOENT on Windows.
    expect(written.problem).toMatch(
      /^Could not write the 'assets-file' and 'checksums-file' files under RUNNER_TEMP \((ENOTDIR|ENOENT)\): both outputs are empty\. The other outputs are set/
    )
    const output = await readFile(process.env.GITHUB_OUTPUT, 'utf8')
    expect(output).toContain('["id-a.txt"]')
    // @actions/core ends each line with os.EOL (\r\n on Windows).
    expect(output).toMatch(/^assets-file<<.*\r?\n\r?\n/m)
  })
})

describe('with GITHUB_OUTPUT in a missing folder', () => {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
  })
  afterEach(() => {
    process.env = saved
  })

  it('writes the assets file, then says it could not write GITHUB_OUTPUT and why, and where the record is', async () => {
    const dir = await tempDir()
    process.env.RUNNER_TEMP = dir
    process.env.GITHUB_OUTPUT = path.join(dir, 'missing', 'output')
    const { problem, assetsFile, outputsSet } = await writeOutputs({ confirmed: [confirmed('a.txt')], failed: [] })
    expect(outputsSet).toBe(false)
    expect(problem).toBe(
      `Could not write the step's outputs to GITHUB_OUTPUT (${process.env.GITHUB_OUTPUT}): Missing file at path: ` +
        `${process.env.GITHUB_OUTPUT}. Later steps get none of them.`
    )
    const records = JSON.parse(await readFile(assetsFile, 'utf8')) as FileRecord[]
    expect(records.map(record => record.id)).toEqual(['id-a.txt'])
  })
})

describe('the job summary at its worst', () => {
  // core.summary remembers the first file it wrote to: one file for every test here.
  const summaryFile = path.join(os.tmpdir(), `netiks-report-summary-${process.pid}.md`)
  let saved: NodeJS.ProcessEnv
  beforeEach(async () => {
    saved = { ...process.env }
    process.env.GITHUB_STEP_SUMMARY = summaryFile
    await writeFile(summaryFile, '')
  })
  afterEach(async () => {
    process.env = saved
    core.summary.emptyBuffer()
    await removeDir(summaryFile)
  })

  /** core.summary writes an empty cell as an unclosed `<td>`: neither form may appear. */
  function expectNoEmptyCell(summary: string): void {
    expect(summary).not.toMatch(/<td>\s*(<\/td>|<td>|<\/tr>)/)
  }

  /** A path of `chars` characters that escaping makes as long as it can: 9 bytes each. */
  function hostilePath(index: number, chars = 4000): string {
    return `${index}/${'\u202e'.repeat(chars)}.txt`
  }

  it('stays under 1 MiB and keeps its totals with long hostile paths and 64 KiB messages of 30 causes', async () => {
    const result: RunResult = {
      confirmed: Array.from({ length: 400 }, (_, i) => confirmed(hostilePath(i), i % 7 === 0)),
      // 30 causes, each a server message of 64 KiB of characters that escaping quadruples.
      failed: Array.from({ length: 300 }, (_, i) =>
        failed(hostilePath(1000 + i), `cause ${i % 30}: ${'<'.repeat(64 * 1024)}`, 400 + (i % 30))
      ),
      unchanged: []
    }
    await writeSummary(result, {
      strategy: 'bulk',
      baseUrl: `https://netiks.example/${'x'.repeat(100_000)}`,
      durationMs: 1
    })
    const summary = await readFile(summaryFile, 'utf8')
    // GitHub drops a step's whole summary above 1 MiB.
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024)
    // The real summary, not the fallback: totals, the duplicates, the causes and the assets.
    expect(summary).not.toMatch(/too large for GitHub's limit/)
    expect(summary).toMatch(/<td>400<\/td><td>0<\/td><td>300<\/td>/)
    expect(summary).toMatch(/58 assets may be registered twice/)
    expect(summary).toMatch(/<h3>Not uploaded: 300 files<\/h3>/)
    expect(summary).toMatch(/<p>and \d+ more causes \(\d+ files\): every failed file and why is in/)
    expect(summary).toMatch(/<p>and \d+ more: every file's record is in the <code>assets-file<\/code>/)
    expectNoEmptyCell(summary)
  })

  it('says why a failure with an empty message failed, rather than leaving an empty cell', async () => {
    await writeSummary(
      { confirmed: [], failed: [failed('a.txt', '', null)] },
      { strategy: 'bulk', baseUrl: 'https://netiks.example', durationMs: 1 }
    )
    const summary = await readFile(summaryFile, 'utf8')
    expect(summary).toMatch(/<h3>Not uploaded: 1 file<\/h3>/)
    expectNoEmptyCell(summary)
  })
})

describe('failure messages in the failed output and the assets file', () => {
  it('are escaped as in the log: a later step that prints one raw prints no line of its own', () => {
    const result: RunResult = {
      confirmed: [],
      failed: [failed('a.txt', 'confirm failed with HTTP 400: bad\n::error::injected\u2028##[warning]x 100%')]
    }
    const expected = 'confirm failed with HTTP 400: bad%0A::error::injected%E2%80%A8##%5Bwarning]x 100%25'
    expect([...failureRecords(result)].map(record => record.message)).toEqual([expected])
    expect([...fileRecords(result)].map(record => record.failure?.message)).toEqual([expected])
  })
})

describe('a server answer: what of it may reach the outputs', () => {
  const sentFile = { ...localFile('docs/a.txt', 3), name: 'docs/a.txt' }
  const ID = '4f1c2a9e-0b7d-4c51-9d43-2f0e8b6a1c3d'
  const UNTRUSTED =
    /^Netiks answered the confirm with ([\s\S]*), so the upload is not confirmed\. The asset may exist on Netiks: check before uploading this file again\.$/

  /** A confirm answered with `fields`, as the run records it: confirmed, or failed as confirm-unknown. */
  async function answered(fields: Record<string, unknown>, sent: { file?: LocalFile; contentType?: string } = {}) {
    const file = sent.file ?? sentFile
    const options = { baseUrl: 'https://netiks.example', concurrency: 1, failFast: false, retry: defaultRetryPolicy(0) }
    const run = { recorder: new OutcomeRecorder([file], options), options }
    const asset = { id: ID, file_size: file.size, ...fields } as NetiksAsset
    const attempt = {
      reply: { asset, replayed: false },
      file,
      sha256: sha256('a'),
      storageUrl: 'https://cdn.example/a.txt',
      contentType: sent.contentType ?? 'text/plain'
    }
    await uploadEach(run, [file], {
      fileOf: item => item,
      step: 'put',
      send: async item => await callCreatingAsset(run, 'confirm', item, async () => attempt)
    })
    return run.recorder.result()
  }

  /** Undefined when the answer is trusted, else the problem the failure names. */
  async function problemOf(
    fields: Record<string, unknown> = {},
    sent: { file?: LocalFile; contentType?: string } = {}
  ) {
    const { confirmed, failed } = await answered(fields, sent)
    if (confirmed.length === 1) return undefined
    expect(failed[0].step).toBe('confirm-unknown')
    return UNTRUSTED.exec(failed[0].message)?.[1] ?? failed[0].message
  }

  it.each(['4f1c2a9e-0b7d-4c51-9d43-2f0e8b6a1c3d', '42', 'asset_01HZX.v2', 'urn:netiks:7', 'QmFzZTY0+/='])(
    'takes the id %s',
    async id => expect(await problemOf({ id })).toBeUndefined()
  )

  it.each([
    ['a line break and a command', 'abc\n::error::injected'],
    ['a workflow command first', '::error::injected'],
    ['the legacy form', 'a##[warning]x'],
    ['white space', 'a b'],
    ['a line separator', 'a\u2028b'],
    ['a C1 control', 'a\u0085b'],
    ['DEL', 'a\u007fb'],
    ['nothing', ''],
    ['257 characters', 'a'.repeat(257)]
  ])('refuses an id with %s', async (_label, id) => {
    expect(await problemOf({ id })).toMatch(/^an asset id that is not a plain id/)
  })

  it('refuses a file_size other than the bytes sent, of any type', async () => {
    expect(await problemOf({ file_size: 4 })).toMatch(/of file_size 4, but 3 bytes were sent$/)
    expect(await problemOf({ file_size: '3' })).toMatch(/of file_size "3", but 3 bytes were sent$/)
    expect(await problemOf({ file_size: 2 }, { file: localFile('one', 1) })).toMatch(/but 1 byte was sent$/)
    expect(await problemOf({ file_size: undefined })).toBeUndefined()
    expect(await problemOf({ file_size: null })).toBeUndefined()
  })

  it('takes a recorded name that is the name sent, what Django keeps of it, or inert text', async () => {
    const hostile = { ...localFile('x'), name: 'dir/::warning::mine\n.txt' }
    expect(await problemOf({ asset_name: hostile.name }, { file: hostile })).toBeUndefined()
    expect(await problemOf({ asset_name: '::warning::mine\n.txt' }, { file: hostile })).toBeUndefined()
    expect(await problemOf({ asset_name: 'a_renamed.txt' })).toBeUndefined()
    for (const forged of ['a.txt\n::error::x', '::error::x', 'a\u202etxt.exe']) {
      expect(await problemOf({ asset_name: forged })).toMatch(/recorded under the name/)
    }
    expect(await problemOf({ asset_name: 7 })).toMatch(/an asset_name that is not text \(7\)/)
  })

  it('refuses a storage URL or content type that is not inert text', async () => {
    expect(await problemOf({ storage_url: 'https://x/a\n::error::y' })).toMatch(/storage_url/)
    expect(await problemOf({ storage_url: 7 })).toMatch(/storage_url .*\(7\)/)
    expect(await problemOf({}, { contentType: 'text/plain\r\n::error::y' })).toMatch(/content type/)
    expect(await problemOf({ storage_url: '' })).toBeUndefined()
  })

  it('reports an untrusted answer as the request unknown, with nothing of it confirmed', async () => {
    const { confirmed, failed } = await answered({ file_size: 9 })
    expect(confirmed).toEqual([])
    expect(failed).toEqual([
      {
        file: sentFile,
        step: 'confirm-unknown',
        status: undefined,
        message:
          `Netiks answered the confirm with asset ${ID} of file_size 9, but 3 bytes were sent, so the upload is not ` +
          'confirmed. The asset may exist on Netiks: check before uploading this file again.'
      }
    ])
  })
})

describe('the recorder', () => {
  const options = { baseUrl: 'https://netiks.example', concurrency: 2, failFast: false }

  it('a run cancelled after its last file started (its confirms waited for) is reported as cancelled', () => {
    const controller = new AbortController()
    const files = [localFile('a.txt'), localFile('b.txt')]
    const recorder = new OutcomeRecorder(files, { ...options, signal: controller.signal })
    expect(recorder.shouldStop()).toBe(false)
    controller.abort()
    for (const file of files) recorder.confirm(confirmedUpload(file))
    const outcome = recorder.result()
    expect(outcome.stoppedBy).toBeInstanceOf(CancelledError)
    expect(closingError(outcome, 2, recordPlace({ outputsSet: true, assetsFile: '/t/assets.json' }))).toBe(
      'The run was cancelled: 2 of 2 files were confirmed and are in the outputs.'
    )
  })

  it('joins an error and its note as sentences, and advises on a file that kept changing only when it fails', () => {
    const recorder = new OutcomeRecorder([localFile('a.txt'), localFile('b.txt')], options)
    recorder.fail(
      localFile('a.txt'),
      'upload-unknown',
      new HttpError('upload', 500, '(no response body)', 'upload failed with HTTP 500: (no response body)'),
      'An earlier upload attempt may have registered the asset on Netiks: check before uploading again.'
    )
    recorder.fail(localFile('b.txt'), 'put', new FileChangedError('b.txt changed while it was being uploaded.'))
    expect(recorder.result().failed.map(failure => failure.message)).toEqual([
      'upload failed with HTTP 500: (no response body). An earlier upload attempt may have registered the asset ' +
        'on Netiks: check before uploading again.',
      'b.txt changed while it was being uploaded. It was still changing on the last attempt: upload it again once ' +
        'it is complete.'
    ])
  })

  function confirmedUpload(file: LocalFile): ConfirmedUpload {
    return {
      file,
      assetId: `id-${file.name}`,
      recordedName: file.name,
      storageUrl: '',
      contentType: file.contentType,
      sha256: sha256(file.name),
      possibleDuplicate: false
    }
  }
})

describe('the closing error', () => {
  const outputs = recordPlace({ outputsSet: true, assetsFile: '/t/assets.json' })
  const outcome = (confirmedPaths: string[], failedPaths: string[], stoppedBy?: Error) => ({
    confirmed: confirmedPaths.map(p => confirmed(p)),
    failed: failedPaths.map(p => failed(p)),
    stoppedBy
  })

  it('agrees in number: "1 of 1 file was", "1 was confirmed and is"', () => {
    expect(closingError(outcome([], ['a']), 1, outputs)).toBe(
      "1 of 1 file was not uploaded; 0 were confirmed and are in the outputs. Every failed file and why is in the 'failed' " +
        "output and the 'assets-file', and the job summary groups them by cause."
    )
    expect(closingError(outcome(['a'], ['b', 'c']), 3, outputs)).toMatch(
      /^2 of 3 files were not uploaded; 1 was confirmed and is in the outputs\. /
    )
  })

  it('starts every sentence upper-case: fail-fast, more failed files', () => {
    const message = closingError(outcome([], ['a', 'b']), 2, outputs, 1)!
    expect(message).not.toMatch(/\. [a-z]/)
    const failFast = closingError(outcome([], ['a']), 1, outputs, 0)!
    expect(failFast).not.toMatch(/\. [a-z]/)
    const stopped = closingError(
      { ...outcome([], ['a', 'b']), stoppedBy: new FailFastError(localFile('a')) },
      2,
      outputs,
      11
    )!
    expect(stopped).toMatch(
      /\. Stopped by fail-fast after a failed: no other file was started\. 11 more failed files not annotated above\. Every failed file/
    )
    expect(stopped).not.toMatch(/\. [a-z]/)
  })

  it('a cancel says so, with how many may exist', () => {
    const cancelled = outcome(['a'], ['b'], new CancelledError())
    cancelled.failed[0].step = 'confirm-unknown'
    expect(closingError(cancelled, 2, outputs)).toBe(
      "The run was cancelled: 1 of 2 files was confirmed and is in the outputs; 1 was not uploaded, of which 1 may exist on Netiks (sent, never answered) (listed in the 'failed' output and the 'assets-file')."
    )
  })

  it('outputs that could not be written: where the record is instead, and never "nothing was uploaded"', () => {
    const place = recordPlace({ outputsSet: false, assetsFile: '/t/assets.json', manifest: '.netiks/m.json' })
    expect(closingError(outcome(['a', 'b'], []), 2, place, 0, 'Could not write GITHUB_OUTPUT.')).toBe(
      '2 of 2 files were uploaded and confirmed, and are in the assets file /t/assets.json and the manifest ' +
        '.netiks/m.json. Could not write GITHUB_OUTPUT.'
    )
    expect(closingError(outcome(['a'], ['b']), 2, place, 0, 'Could not write GITHUB_OUTPUT.')).toMatch(
      /^1 of 2 files was not uploaded; 1 was confirmed and is in the assets file \/t\/assets\.json and the manifest \.netiks\/m\.json\. Every failed file and why is in the assets file \/t\/assets\.json, .* Could not write GITHUB_OUTPUT\.$/
    )
    expect(recordPlace({ outputsSet: false, assetsFile: '' }).confirmed).toBe('in this log and the job summary')
    expect(closingError(outcome(['a'], []), 1, outputs)).toBeUndefined()
  })
})

describe('progress lines once every byte is sent', () => {
  /** What a reporter of `files` writes at `elapsedMs`, every byte of each file sent and all but the last answered. */
  function linesAt(files: LocalFile[], elapsedMs: number, intervalMs: number): string[] {
    let now = 0
    const lines: string[] = []
    const reporter = new ProgressReporter(
      files,
      intervalMs,
      line => lines.push(line),
      () => now
    )
    reporter.start()
    reporter.stop()
    for (const file of files) {
      reporter.started(file)
      reporter.sent(file, file.size)
    }
    for (const file of files.slice(0, -1)) reporter.finished(file)
    now = elapsedMs
    reporter.report()
    return lines
  }

  it('a transfer at 100% waits for the answer: no time left that grows', () => {
    const big = localFile('big.iso', 100 * 1024 * 1024)
    expect([10_000, 60_000].flatMap(elapsed => linesAt([big], elapsed, 1000))).toEqual([
      "↑ big.iso: 100% of 100.0 MiB sent in 10.0 s, waiting for the server's answer",
      "↑ big.iso: 100% of 100.0 MiB sent in 60.0 s, waiting for the server's answer"
    ])
  })

  it('the run waits for answers: it says so instead of a time left that grows', () => {
    const files = ['a', 'b', 'c', 'd'].map(name => localFile(name, 10))
    expect(linesAt(files, 10_000, 20_000)).toEqual([
      'Progress: 3 of 4 files (75%), 40 B of 40 B, 0.3 files/s, 4 B/s, every byte sent, waiting for the answers of 1 file.'
    ])
    expect(linesAt(files, 60_000, 120_000)).toEqual([expect.stringMatching(/waiting for the answers of 1 file\.$/)])
  })

  it('says the time left is unknown before any time has passed', () => {
    const now = 0
    const lines: string[] = []
    const reporter = new ProgressReporter(
      [localFile('a', 10), localFile('b', 10)],
      1000,
      line => lines.push(line),
      () => now
    )
    reporter.start()
    reporter.stop()
    reporter.report()
    expect(lines).toEqual(['Progress: 0 of 2 files (0%), 0 B of 20 B, 0.0 files/s, 0 B/s, time left unknown yet.'])
  })
})

describe('plurals and sentences', () => {
  it('countOfTotal agrees with the count, withStop ends a sentence once', () => {
    expect(countOfTotal(1, 1, 'file')).toBe('1 of 1 file was')
    expect(countOfTotal(1, 3, 'file')).toBe('1 of 3 files was')
    expect(countOfTotal(0, 3, 'file')).toBe('0 of 3 files were')
    expect(withStop('no body')).toBe('no body.')
    expect(withStop('done.')).toBe('done.')
    expect(withStop('cut…')).toBe('cut…')
  })
})
