/**
 * A hostile read of report/: nothing is lost and nothing is hidden, whatever the names, the
 * server's words or the number of files. Every matched file is in the assets file exactly once,
 * in the order of the outputs; the checksums file reads back with `sha256sum -c`; a full
 * `asset-ids` or `failed` output still fits in one `env:` value; the summary stays under
 * GitHub's 1 MiB with its totals; and the outputs are set even when RUNNER_TEMP is unwritable.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import * as core from '@actions/core'
import type { ManifestEntry, UnchangedFile } from '../src/manifest.js'
import type { FailedUpload, LocalFile } from '../src/netiks/types.js'
import { holdInMemory, type HeldUpload } from '../src/transfer/held.js'
import { checksumLine, makeRunFolder, writeRecordFiles } from '../src/report/assets-file.js'
import { OUTPUT_BUDGET, jsonArrayWithin, writeOutputs } from '../src/report/outputs.js'
import { assetRecords, failureRecords, fileRecords, type FileRecord, type RunResult } from '../src/report/records.js'
import { SUMMARY_MAX_BYTES, writeSummary } from '../src/report/summary.js'
import { posixOnly, removeDir, sha256 } from './helpers.js'

function localFile(relativePath: string, size = 10): LocalFile {
  return {
    absolutePath: `/ws/${relativePath}`,
    relativePath,
    name: path.posix.basename(relativePath),
    size,
    contentType: 'text/plain'
  }
}

function confirmed(relativePath: string, possibleDuplicate = false): HeldUpload {
  const file = localFile(relativePath)
  return holdInMemory({
    file,
    assetId: `id-${relativePath}`,
    recordedName: file.name,
    storageUrl: `https://cdn.example/${encodeURIComponent(relativePath)}`,
    contentType: file.contentType,
    sha256: sha256(relativePath),
    possibleDuplicate
  })
}

function failed(relativePath: string, message = 'HTTP 500: boom', status: number | null = 500): FailedUpload {
  return { file: localFile(relativePath), step: 'put', status: status ?? undefined, message }
}

function unchanged(relativePath: string): UnchangedFile {
  const entry: ManifestEntry = {
    name: path.posix.basename(relativePath),
    id: `old-${relativePath}`,
    storage_url: `https://cdn.example/old/${relativePath}`,
    sha256: sha256(`old ${relativePath}`),
    size: 10,
    content_type: 'text/plain',
    uploaded_at: '2025-01-01T00:00:00Z'
  }
  return { file: localFile(relativePath), entry }
}

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netiks-report-'))
  cleanups.push(() => removeDir(dir))
  return dir
}

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
    const files = await writeRecordFiles(result, await makeRunFolder({ RUNNER_TEMP: runnerTemp }))
    expect(path.dirname(path.dirname(files.assetsFile))).toBe(runnerTemp)
    const records = JSON.parse(await readFile(files.assetsFile, 'utf8')) as FileRecord[]
    expect(records).toEqual([...fileRecords(result)])
    const lines = (await readFile(files.checksumsFile, 'utf8')).trimEnd().split('\n')
    expect(lines).toEqual([...assetRecords(result)].map(asset => `${asset.sha256}  ${asset.path}`))
    // Two runs of one job never share a folder.
    const again = await writeRecordFiles(result, await makeRunFolder({ RUNNER_TEMP: runnerTemp }))
    expect(path.dirname(again.assetsFile)).not.toBe(path.dirname(files.assetsFile))
  })
})

describe('the checksums file', () => {
  const names = [
    'plain.txt',
    ' leading space.txt',
    '*starts with a star.txt',
    'two  spaces.txt',
    'back\\slash.txt',
    'line\nfeed.txt',
    'carriage\rreturn.txt',
    'ünïcödé €.txt'
  ]

  posixOnly(it, 'Windows file names cannot hold \\, line feeds or carriage returns')(
    'escapes names as GNU sha256sum does, so that sha256sum -c reads every one back',
    async () => {
      const dir = await tempDir()
      let list = ''
      for (const [index, name] of names.entries()) {
        await writeFile(path.join(dir, name), `content ${index}`)
        list += checksumLine(sha256(`content ${index}`), name)
      }
      await writeFile(path.join(dir, 'checksums.sha256'), list)
      const check = spawnSync('sha256sum', ['--check', '--strict', 'checksums.sha256'], { cwd: dir, encoding: 'utf8' })
      if (check.error) {
        console.warn(`SKIPPED the sha256sum -c check: ${check.error.message}`)
        return
      }
      expect(check.stderr).toBe('')
      expect(check.status).toBe(0)
      expect(check.stdout.trimEnd().split('\n')).toHaveLength(names.length)
      // Byte for byte what sha256sum itself writes, for the escapes every GNU version has.
      for (const name of ['plain.txt', 'back\\slash.txt', 'line\nfeed.txt', ' leading space.txt']) {
        expect(checksumLine(sha256(`content ${names.indexOf(name)}`), name)).toBe(
          execFileSync('sha256sum', ['--', name], { cwd: dir, encoding: 'utf8' })
        )
      }
    }
  )
})

describe('the list outputs', () => {
  for (const [output, variable] of [
    ['asset-ids', 'ASSET_IDS'],
    ['failed', 'NETIKS_FAILED_FILES_OF_THIS_RUN']
  ] as const) {
    posixOnly(it, 'the 128 KiB limit on one environment string is Linux’s')(
      `a full '${output}' output still fits in one env: value (Linux refuses a NAME=value over 128 KiB)`,
      () => {
        // One long element, then empty strings (3 bytes each with the comma): they fill the
        // budget to the byte, as the worst case does.
        const first = 'x'.repeat(1000 + ((OUTPUT_BUDGET[output] - 1004) % 3))
        const items = [first, ...Array.from({ length: 100_000 }, () => '')]
        const { json, count } = jsonArrayWithin(items, OUTPUT_BUDGET[output])
        expect(count).toBeLessThan(items.length)
        expect(Buffer.byteLength(json)).toBe(OUTPUT_BUDGET[output])
        const child = spawnSync('sh', ['-c', `printf %s "$${variable}" | wc -c`], {
          env: { PATH: process.env.PATH, [variable]: json },
          encoding: 'utf8'
        })
        expect(child.error).toBeUndefined()
        expect(child.status).toBe(0)
        expect(Number(child.stdout.trim())).toBe(Buffer.byteLength(json))
      }
    )
  }

  it('the three budgets stay within half of GitHub’s 1 MB of outputs per job', () => {
    expect(Object.values(OUTPUT_BUDGET).reduce((sum, budget) => sum + budget, 0)).toBeLessThanOrEqual(512 * 1024)
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

  it('sets every other output and fails the step, instead of throwing before the manifest is saved', async () => {
    const dir = await tempDir()
    const notADir = path.join(dir, 'a-file')
    await writeFile(notADir, '')
    process.env.RUNNER_TEMP = notADir
    process.env.GITHUB_OUTPUT = path.join(dir, 'output')
    await writeFile(process.env.GITHUB_OUTPUT, '')
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      const written = await writeOutputs({ confirmed: [confirmed('a.txt')], failed: [failed('b.txt')] })
      expect(written).toMatchObject({ assetsFile: '', checksumsFile: '', truncated: false })
      const output = await readFile(process.env.GITHUB_OUTPUT, 'utf8')
      expect(output).toContain('["id-a.txt"]')
      expect(output).toMatch(/^assets-file<<.*\n\n/m)
      expect(process.exitCode).toBe(1)
      expect(stdout.mock.calls.map(call => String(call[0])).join('')).toMatch(
        /::error::Could not write the 'assets-file' and 'checksums-file' files under RUNNER_TEMP \(ENOTDIR\)/
      )
    } finally {
      stdout.mockRestore()
    }
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
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_MAX_BYTES)
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
