/**
 * Thousands of files, as a documentation sync has them: the outputs and the job summary stay
 * inside GitHub's limits, the log stays readable, and the assets file and checksums file hold
 * every record. The committed bundle runs as the runner runs it, against the emulator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Emulator, EmulatorOptions } from '../../emulator/server.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import type { FileRecord } from '../../src/report/records.js'
import { OUTPUT_BUDGET } from '../../src/report/outputs.js'
import { Cleanups, assetsOf, failedOf, sha256 } from '../support/helpers.js'

const FILES = 10_000
const MB = 1_000_000
const MiB = 1024 * 1024

/** Bytes the outputs take in $GITHUB_OUTPUT: name, value and the heredoc delimiters around it. */
function outputBytes(run: ActionRun): number {
  return Object.entries(run.outputs).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value) + 2 * 48,
    0
  )
}

function lineCount(text: string): number {
  return text.split('\n').length
}

/** `count` small files over 100 folders, content and size varying with the index. */
async function writeDocsTree(root: string, count: number): Promise<Map<string, string>> {
  const digests = new Map<string, string>()
  for (let start = 0; start < count; start += 100) {
    const dir = `site/section-${start / 100}`
    await mkdir(path.join(root, dir), { recursive: true })
    await Promise.all(
      Array.from({ length: Math.min(100, count - start) }, async (_, i) => {
        const relative = `${dir}/page-${i}.html`
        const content = `<p>${start + i}</p>`.padEnd(200 + ((start + i) % 700), '.')
        digests.set(relative, sha256(content))
        await writeFile(path.join(root, relative), content)
      })
    )
  }
  return digests
}

describe(`${FILES} files in bulk mode`, () => {
  let emulator: Emulator
  let workspace: string
  let runnerTemp: string
  let digests: Map<string, string>
  let run: ActionRun
  // Kept for the whole block: the file's own cleanups run after each test.
  const suite = new Cleanups()

  beforeAll(async () => {
    workspace = await suite.tempDir('netiks-scale-')
    runnerTemp = await suite.tempDir('netiks-scale-temp-')
    digests = await writeDocsTree(workspace, FILES)
    emulator = await suite.emulator()
    run = await runAction({
      workspace,
      inputs: {
        'api-key': emulator.apiKey,
        'base-url': emulator.url,
        path: 'site',
        mode: 'bulk',
        concurrency: '16',
        'asset-name': 'relative'
      },
      // The run's own RUNNER_TEMP, kept after the run so that the assets file can be read.
      env: { RUNNER_TEMP: runnerTemp }
    })
  }, 240_000)

  afterAll(async () => await suite.run())

  it('uploads every file and stays inside GitHub’s limit for outputs', () => {
    expect(run.exitCode).toBe(0)
    expect(run.outputs.count).toBe(String(FILES))
    expect(run.outputs['uploaded-count']).toBe(String(FILES))
    expect(outputBytes(run)).toBeLessThanOrEqual(MB)
    expect(run.outputs['outputs-truncated']).toBe('true')
    for (const [name, budget] of Object.entries(OUTPUT_BUDGET)) {
      expect(Buffer.byteLength(run.outputs[name])).toBeLessThanOrEqual(budget)
    }
    // Cut at whole elements: each list still parses, and holds the first assets in path order.
    const ids = JSON.parse(run.outputs['asset-ids']) as string[]
    const assets = assetsOf(run)
    expect(ids.length).toBeGreaterThan(1000)
    expect(assets.length).toBeGreaterThan(300)
    expect(assets.map(asset => asset.id)).toEqual(ids.slice(0, assets.length))
    expect(
      run.stdout.match(/^::warning::The outputs are cut to fit GitHub's limit.*'assets-file'/gm) ?? []
    ).toHaveLength(1)
  })

  it('writes every record to the assets file, matching what Netiks holds', async () => {
    const records = JSON.parse(await readFile(run.outputs['assets-file'], 'utf8')) as FileRecord[]
    expect(path.dirname(path.dirname(run.outputs['assets-file']))).toBe(runnerTemp)
    expect(records).toHaveLength(FILES)
    const held = new Map(emulator.state().assets.map(asset => [asset.id, asset]))
    expect(held.size).toBe(FILES)
    const paths = records.map(record => record.path)
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    for (const record of records) {
      expect(record.failure).toBeNull()
      const asset = held.get(record.id!)
      expect(asset).toBeDefined()
      expect(record.sha256).toBe(digests.get(record.path))
      expect(asset!.asset_name).toBe(record.name)
      expect(asset!.file_size).toBe(record.size)
      held.delete(record.id!)
    }
    expect(held.size).toBe(0)
    // The outputs are the head of the file.
    expect(assetsOf(run)).toEqual(
      records.slice(0, assetsOf(run).length).map(({ failure: _failure, ...asset }) => asset)
    )
  })

  it('writes a checksums file that sha256sum -c verifies from the workspace', async () => {
    const lines = (await readFile(run.outputs['checksums-file'], 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(FILES)
    expect(lines[0]).toBe(`${digests.get('site/section-0/page-0.html')}  site/section-0/page-0.html`)
    if (process.platform === 'linux') {
      execFileSync('sha256sum', ['--check', '--quiet', '--strict', run.outputs['checksums-file']], {
        cwd: workspace,
        stdio: 'pipe'
      })
    }
  })

  it('keeps the summary under 1 MiB, totals first, the table cut with a pointer to the assets file', () => {
    expect(Buffer.byteLength(run.summary)).toBeLessThan(MiB)
    const totals = run.summary.indexOf('<th>Uploaded</th>')
    expect(totals).toBeGreaterThan(-1)
    expect(totals).toBeLessThan(run.summary.indexOf('<h3>Assets</h3>'))
    expect(run.summary).toMatch(/<p>and \d+ more: every file's record is in the <code>assets-file<\/code>/)
    expect(run.summary).not.toMatch(/<td><\/td>|<td>\s*<\/td>/)
    expect(run.summary.match(/<tr>/g)!.length).toBeLessThan(300)
  })

  it('keeps the log readable: a bounded number of lines, progress instead of a line per file', () => {
    expect(lineCount(run.stdout)).toBeLessThan(600)
    expect(run.stdout).toMatch(/more lines of confirmed files, not shown: enable step debug logging/)
    expect((run.stdout.match(/^::(warning|error)/gm) ?? []).length).toBeLessThanOrEqual(10)
    expect(run.stdout).not.toMatch(/^::debug::✓/m)
  })
})

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

/** A docs tree of `count` files in a fresh workspace, and an emulator: both gone after the test. */
async function smallRun(
  count: number,
  options: EmulatorOptions = {}
): Promise<{ workspace: string; emulator: Emulator }> {
  const workspace = await cleanups.tempDir('netiks-scale-small-')
  await writeDocsTree(workspace, count)
  return { workspace, emulator: await cleanups.emulator(options) }
}

function bulkInputs(emulator: Emulator, extra: Record<string, string> = {}): Record<string, string> {
  return { 'api-key': emulator.apiKey, 'base-url': emulator.url, path: 'site', mode: 'bulk', ...extra }
}

describe('per-file lines with step debug logging', () => {
  it('writes every per-file line as a debug line when RUNNER_DEBUG is set', async () => {
    const { workspace, emulator } = await smallRun(250)
    const run = await runAction({ workspace, inputs: bulkInputs(emulator), env: { RUNNER_DEBUG: '1' } })
    expect(run.exitCode).toBe(0)
    expect(run.stdout.match(/^✓ /gm)).toHaveLength(100)
    expect(run.stdout.match(/^::debug::✓ /gm)).toHaveLength(150)
    expect(run.stdout.match(/^::debug::• /gm)).toHaveLength(150)
    expect(run.stdout).not.toMatch(/not shown: enable step debug logging/)
  }, 60_000)
})

describe('3,000 files failing the same way', () => {
  it('annotates at most 10 files plus one error that counts the rest; the summary groups them', async () => {
    // Every URL handed out has expired before it is issued: each PUT is refused for good.
    const { workspace, emulator } = await smallRun(3000, { expiredBatches: Number.MAX_SAFE_INTEGER })
    const runnerTemp = await cleanups.tempDir('netiks-scale-fail-temp-')
    const run = await runAction({
      workspace,
      inputs: bulkInputs(emulator, { concurrency: '16', retries: '0' }),
      env: { RUNNER_TEMP: runnerTemp }
    })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.match(/^::error[^\n]*/gm) ?? []
    expect(errors.length).toBeLessThanOrEqual(11)
    expect(errors.at(-1)).toMatch(
      /3000 of 3000 files were not uploaded.* 2990 more failed files not annotated above\. Every failed file and why is in the 'failed' output and the 'assets-file'/
    )
    expect(Buffer.byteLength(run.summary)).toBeLessThan(MiB)
    expect(run.summary).toMatch(/<h3>Not uploaded: 3000 files<\/h3>/)
    // One cause, one row: its count, and the first few files.
    expect(run.summary).toMatch(/<tr><td>3000<\/td><td>put<\/td><td>403<\/td>/)
    expect(run.summary.match(/<code>site\//g)).toHaveLength(5)
    expect(run.outputs['outputs-truncated']).toBe('true')
    expect(failedOf(run).length).toBeGreaterThan(100)
    expect(failedOf(run).length).toBeLessThan(3000)
    const records = JSON.parse(await readFile(run.outputs['assets-file'], 'utf8')) as FileRecord[]
    expect(records).toHaveLength(3000)
    expect(records.every(record => record.id === null && record.failure?.step === 'put')).toBe(true)
    expect(records[0].failure!.status).toBe(403)
    expect(await readFile(run.outputs['checksums-file'], 'utf8')).toBe('')
    expect(lineCount(run.stdout)).toBeLessThan(600)
  }, 180_000)
})

describe('a RUNNER_TEMP the run cannot write to', () => {
  it('stops with one clear error before any request: the run would have nowhere to keep its record', async () => {
    const { workspace, emulator } = await smallRun(3)
    const notAFolder = path.join(workspace, 'not-a-folder')
    await writeFile(notAFolder, 'a file')
    const run = await runAction({ workspace, inputs: bulkInputs(emulator), env: { RUNNER_TEMP: notAFolder } })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.match(/^::error::.*$/gm) ?? []
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/Cannot write under RUNNER_TEMP \(.*not-a-folder\).*ENOTDIR.*nothing was uploaded/)
    expect(Object.values(emulator.state().requests).reduce((sum, count) => sum + count, 0)).toBe(0)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  }, 60_000)
})

describe('a job summary file that cannot be written', () => {
  it('is one warning: the upload and its outputs are not affected, and nothing crashes', async () => {
    const { workspace, emulator } = await smallRun(3)
    const run = await runAction({
      workspace,
      inputs: bulkInputs(emulator),
      env: { GITHUB_STEP_SUMMARY: path.join(workspace, 'no-such-folder', 'summary.md') }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.count).toBe('3')
    expect(run.stdout.match(/^::warning::Could not write the job summary: .*no-such-folder/gm)).toHaveLength(1)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(emulator.state().assets).toHaveLength(3)
  }, 60_000)
})
