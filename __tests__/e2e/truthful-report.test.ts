/**
 * What the step reports is what happened, through the committed bundle as a runner runs it:
 * an answer from Netiks that cannot be trusted never reaches an output; a GITHUB_OUTPUT or a
 * job summary the runner cannot take never turns a run that uploaded files into one that
 * "uploaded nothing"; and a run refused after its files were found still says, in its
 * outputs, which files it refused and why.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile, truncate } from 'node:fs/promises'
import path from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import type { FaultKind } from '../../emulator/faults.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { workflowCommandsIn } from '../../harness/workflow-commands.js'
import type { FileRecord } from '../../src/report/records.js'
import { Cleanups, EMPTY_OUTPUTS, FAST_CLOCKS, assetsOf, failedOf, writeWorkspaceFile } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const MANIFEST = '.netiks/manifest.json'
const FILES = { 'dist/a.txt': 'aaa', 'dist/b.txt': 'bbbb' }

function inputs(emulator: Emulator, overrides: Record<string, string> = {}): Record<string, string> {
  return { 'api-key': emulator.apiKey, 'base-url': emulator.url, path: 'dist', retries: '1', ...overrides }
}

/** A run whose RUNNER_TEMP outlives it, so that the assets file can be read afterwards. */
async function runKeepingRecords(
  ws: string,
  runInputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<{ run: ActionRun; temp: string }> {
  const temp = await cleanups.tempDir('netiks-truthful-')
  const run = await runAction({ workspace: ws, inputs: runInputs, env: { ...FAST_CLOCKS, RUNNER_TEMP: temp, ...env } })
  return { run, temp }
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

async function manifestIds(ws: string): Promise<string[]> {
  const manifest = await readJson<{ assets: Record<string, { id: string }> }>(path.join(ws, MANIFEST))
  return Object.values(manifest.assets)
    .map(entry => entry.id)
    .sort()
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter(line => line.startsWith('::error'))
}

function expectNoStackTrace(run: ActionRun): void {
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
}

describe('an answer that contradicts what was sent, or could pass for a command', () => {
  const forged: Array<[FaultKind, RegExp]> = [
    ['forged-id', /an asset id that is not a plain id .*"[0-9a-f-]{36}\\n::error::forged"/],
    ['forged-size', /of file_size 4, but 3 bytes were sent/],
    ['forged-name', /recorded under the name "a\.txt\\n::error::forged", which holds what could pass/]
  ]
  for (const [mode, request] of [
    ['single', 'upload'],
    ['bulk', 'confirm']
  ] as const) {
    it.each(forged)(
      `${mode} mode, %s: the file is reported as ${request}-unknown, and no output carries the answer`,
      async (kind, reason) => {
        const emulator = await cleanups.emulator({ faults: { rate: 1, endpoints: [request], kinds: [kind] } })
        const ws = await cleanups.workspace(FILES)
        const { run } = await runKeepingRecords(ws, inputs(emulator, { mode, manifest: MANIFEST }))
        expect(run.exitCode).toBe(1)
        expectNoStackTrace(run)
        // The server did create the assets: the report says they may exist, and holds none as confirmed.
        expect(emulator.state().assets).toHaveLength(2)
        expect(run.outputs).toMatchObject({ 'asset-ids': '[]', assets: '[]', count: '0', 'uploaded-count': '0' })
        const failed = failedOf(run)
        expect(failed.map(failure => [failure.path, failure.step])).toEqual([
          ['dist/a.txt', `${request}-unknown`],
          ['dist/b.txt', `${request}-unknown`]
        ])
        expect(failed[0].message).toMatch(reason)
        expect(failed[0].message).toMatch(/The asset may exist on Netiks: check before uploading this file again\.$/)
        expect(await manifestIds(ws)).toEqual([])
        const records = await readFile(run.outputs['assets-file'], 'utf8')
        const checksums = await readFile(run.outputs['checksums-file'], 'utf8')
        expect(checksums).toBe('')
        expect(
          (JSON.parse(records) as FileRecord[]).map(record => [record.path, record.id, record.failure?.step])
        ).toEqual([
          ['dist/a.txt', null, `${request}-unknown`],
          ['dist/b.txt', null, `${request}-unknown`]
        ])
        // Not one place holds the forged line, raw: a later `jq -r` or `echo` cannot make it a command.
        for (const text of [...Object.values(run.outputs), ...failed.map(f => f.message), records, run.summary]) {
          expect(text).not.toMatch(/[\n\r]::error::forged/)
        }
        expect(run.stdout).not.toMatch(/^::error::forged/m)
        expect(workflowCommandsIn(run.stdout).filter(command => command.data === 'forged')).toEqual([])
      }
    )
  }

  it('only the files whose answers were forged fail; the others are confirmed and in every output', async () => {
    const emulator = await cleanups.emulator({
      faults: { rate: 0.5, seed: 3, endpoints: ['confirm'], kinds: ['forged-id'] }
    })
    const ws = await cleanups.workspace(
      Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`dist/f${String(i).padStart(2, '0')}.txt`, `${i}`]))
    )
    const { run } = await runKeepingRecords(ws, inputs(emulator, { manifest: MANIFEST }))
    const forgedCount = emulator.state().faults.confirm.total
    expect(forgedCount).toBeGreaterThan(0)
    expect(forgedCount).toBeLessThan(12)
    expect(run.exitCode).toBe(1)
    expect(failedOf(run)).toHaveLength(forgedCount)
    expect(failedOf(run).every(failure => failure.step === 'confirm-unknown')).toBe(true)
    const ids = JSON.parse(run.outputs['asset-ids']) as string[]
    expect(ids).toHaveLength(12 - forgedCount)
    expect(ids.every(id => /^[0-9a-f-]{36}$/.test(id))).toBe(true)
    expect(await manifestIds(ws)).toEqual([...ids].sort())
    expect(run.outputs.count).toBe(String(12 - forgedCount))
  })
})

describe('a report the runner cannot take', () => {
  async function uploadWith(env: (temp: string) => Record<string, string>) {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(FILES)
    const temp = await cleanups.tempDir('netiks-truthful-')
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { manifest: MANIFEST }),
      env: { ...FAST_CLOCKS, RUNNER_TEMP: temp, ...env(temp) }
    })
    const held = emulator.state().assets.map(asset => asset.id)
    expect(held).toHaveLength(2)
    expectNoStackTrace(run)
    expect(run.stdout + run.summary).not.toMatch(/Nothing was uploaded/)
    // The log's last lines tell what was uploaded, whatever could not be written.
    expect(run.stdout.trimEnd().split('\n').slice(-3).join('\n')).toMatch(/2 assets uploaded to Netiks/)
    expect(await manifestIds(ws)).toEqual([...held].sort())
    return { run, held: [...held].sort(), ws }
  }

  /** The one error of a run whose outputs could not be written, and the assets file it names. */
  async function expectOutputsError(run: ActionRun, held: string[]): Promise<void> {
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    const match = new RegExp(
      '^::error::2 of 2 files were uploaded and confirmed, and are in the assets file (\\S+) and the manifest ' +
        "\\.netiks/manifest\\.json\\. Could not write the step's outputs to GITHUB_OUTPUT \\(\\S+/missing/output\\): " +
        'Missing file at path: \\S+\\. Later steps get none of them\\.$'
    ).exec(errors[0])
    expect(match).not.toBeNull()
    const records = await readJson<FileRecord[]>(match![1])
    expect(records.map(record => record.id).sort()).toEqual(held)
    expect(records.every(record => record.failure === null)).toBe(true)
  }

  it('GITHUB_OUTPUT in a missing folder: the step fails naming it; summary, log, assets file and manifest tell all', async () => {
    const { run, held } = await uploadWith(temp => ({ GITHUB_OUTPUT: path.join(temp, 'missing', 'output') }))
    await expectOutputsError(run, held)
    expect(run.summary).toMatch(/<td>2<\/td><td>0<\/td><td>0<\/td>/)
    expect(run.summary).toMatch(/The step failed:<\/strong> Could not write the step's outputs to GITHUB_OUTPUT/)
    for (const id of held) expect(run.summary).toContain(id)
  })

  it('GITHUB_STEP_SUMMARY in a missing folder: one warning names it; the outputs say what was uploaded', async () => {
    const { run, held } = await uploadWith(temp => ({ GITHUB_STEP_SUMMARY: path.join(temp, 'missing', 'summary') }))
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^::warning::Could not write the job summary: .*\/missing\/summary/m)
    expect(run.outputs).toMatchObject({ count: '2', 'uploaded-count': '2', failed: '[]' })
    expect((JSON.parse(run.outputs['asset-ids']) as string[]).sort()).toEqual(held)
  })

  it('both in a missing folder: the step fails naming GITHUB_OUTPUT, and the log still tells all', async () => {
    const { run, held } = await uploadWith(temp => ({
      GITHUB_OUTPUT: path.join(temp, 'missing', 'output'),
      GITHUB_STEP_SUMMARY: path.join(temp, 'missing', 'summary')
    }))
    await expectOutputsError(run, held)
    expect(run.stdout).toMatch(/^::warning::Could not write the job summary: /m)
  })
})

describe('an all-unchanged re-run whose GITHUB_OUTPUT cannot be written', () => {
  it('fails naming it, and still saves the manifest and sums up the unchanged files', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(FILES)
    const first = await runAction({ workspace: ws, inputs: inputs(emulator, { manifest: MANIFEST }), env: FAST_CLOCKS })
    expect(first.exitCode).toBe(0)
    const temp = await cleanups.tempDir('netiks-truthful-')
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { manifest: MANIFEST }),
      env: { ...FAST_CLOCKS, RUNNER_TEMP: temp, GITHUB_OUTPUT: path.join(temp, 'missing', 'output') }
    })
    expect(run.exitCode).toBe(1)
    expectNoStackTrace(run)
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^::error::Could not write the step's outputs to GITHUB_OUTPUT \(\S+\/missing\/output\)/)
    ])
    expect(run.stdout).toMatch(/^Manifest \.netiks\/manifest\.json written: 2 assets\.$/m)
    expect(run.stdout).toMatch(/^::notice title=Netiks upload::Nothing to upload: all 2 matched files are unchanged/m)
    expect(run.summary).not.toMatch(/Nothing was uploaded/)
    expect(run.summary).toMatch(/<td>0<\/td><td>2<\/td><td>0<\/td>/)
    expect(run.summary).toMatch(/The step failed:<\/strong> Could not write the step's outputs to GITHUB_OUTPUT/)
  })
})

describe('a run refused after its files were found', () => {
  it('a 6 GiB file in bulk mode: count 0, failed names it and why, and the assets file has every record', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace({ 'dist/small.txt': 'small' })
    // Sparse: 6 GiB that take no room.
    await truncate(await writeWorkspaceFile(ws, 'dist/huge.bin', ''), 6 * 1024 ** 3)
    const { run } = await runKeepingRecords(ws, inputs(emulator, { mode: 'bulk' }))
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/^::error::dist\/huge\.bin \(6442450944 bytes\) is larger/)])
    expect(emulator.state().requests).toMatchObject({ upload: 0, generate: 0, put: 0, confirm: 0 })
    const { failed: _failed, ...others } = EMPTY_OUTPUTS
    expect(run.outputs).toMatchObject(others)
    expect(failedOf(run)).toEqual([
      {
        path: 'dist/huge.bin',
        step: 'refused',
        status: null,
        message:
          '6442450944 bytes, more than the 5 GiB one presigned S3 PUT accepts: upload it with mode: single, ' +
          'or split it before uploading.'
      },
      {
        path: 'dist/small.txt',
        step: 'not-started',
        status: null,
        message: expect.stringMatching(/^not uploaded: the run was refused before any request, for 1 other file/)
      }
    ])
    const records = await readJson<FileRecord[]>(run.outputs['assets-file'])
    expect(records.map(record => [record.path, record.size, record.failure?.step])).toEqual([
      ['dist/huge.bin', 6 * 1024 ** 3, 'refused'],
      ['dist/small.txt', 5, 'not-started']
    ])
    expect(run.summary).toMatch(/Nothing was uploaded: dist\/huge\.bin/)
  })

  it('a name single mode cannot keep: every such file is in failed, with why', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace({ 'dist/a/one.txt': '1', 'dist/b/two.txt': '2' })
    const { run } = await runKeepingRecords(ws, inputs(emulator, { mode: 'single', 'asset-name': 'relative' }))
    expect(run.exitCode).toBe(1)
    expect(emulator.state().requests.upload).toBe(0)
    expect(run.outputs.count).toBe('0')
    expect(assetsOf(run)).toEqual([])
    expect(failedOf(run).map(failure => [failure.path, failure.step, failure.message])).toEqual([
      ['dist/a/one.txt', 'refused', expect.stringMatching(/^mode: single cannot keep the name "a\/one\.txt": /)],
      ['dist/b/two.txt', 'refused', expect.stringMatching(/^mode: single cannot keep the name "b\/two\.txt": /)]
    ])
    const records = await readJson<FileRecord[]>(run.outputs['assets-file'])
    expect(records.map(record => record.failure?.step)).toEqual(['refused', 'refused'])
  })
})
