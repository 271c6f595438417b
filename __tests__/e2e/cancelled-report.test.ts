/**
 * The report of a run cancelled while confirms were still unanswered, through the committed
 * bundle as a runner runs it against the emulator: outputs, assets file, checksums file and
 * manifest agree, name every matched file once, and hide no asset the server holds.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { startSlowProxy } from '../../harness/slow-proxy.js'
import type { FileRecord } from '../../src/report/records.js'
import { NEEDS_SIGNALS, assetsOf, failedOf, posixOnly, Cleanups } from '../support/helpers.js'

const MANIFEST = '.netiks/manifest.json'
const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

async function workspaceOf(count: number): Promise<{ ws: string; paths: string[] }> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) files[`build/part-${String(i).padStart(4, '0')}.bin`] = `payload ${i}`
  const ws = await cleanups.workspace(files)
  return { ws, paths: Object.keys(files).sort() }
}

function inputs(baseUrl: string, apiKey: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': apiKey,
    path: 'build',
    mode: 'bulk',
    'base-url': baseUrl,
    concurrency: '1',
    'if-no-files-found': 'error',
    retries: '2',
    'fail-fast': 'false',
    'dry-run': 'false',
    'asset-name': 'basename',
    manifest: MANIFEST,
    ...overrides
  }
}

async function manifestIds(ws: string): Promise<string[]> {
  const parsed = JSON.parse(await readFile(path.join(ws, MANIFEST), 'utf8')) as {
    assets: Record<string, { id: string }>
  }
  return Object.values(parsed.assets)
    .map(entry => entry.id)
    .sort()
}

/** Every matched file is in `assets` or in `failed`, once; every asset the server holds is in `assets`. */
function expectNothingLostOrHidden(run: ActionRun, paths: string[], held: string[]): void {
  const reported = [...assetsOf(run).map(asset => asset.path), ...failedOf(run).map(failure => failure.path)].sort()
  expect(reported).toEqual(paths)
  expect(
    assetsOf(run)
      .map(asset => asset.id)
      .sort()
  ).toEqual([...held].sort())
}

const isConfirm = (req: { method?: string; url?: string; headers: Record<string, unknown> }): boolean =>
  req.method === 'POST' &&
  req.url === '/api/v1/assets/developer-upload-file/' &&
  String(req.headers['content-type'] ?? '').startsWith('application/json')

posixOnly(describe, NEEDS_SIGNALS)('a cancelled run with confirms left unanswered', () => {
  it('outputs, assets file, checksums file and manifest agree, and name every matched file once', async () => {
    const server = await cleanups.emulator()
    let child: ChildProcess | undefined
    let arrived = 0
    let holdCount = 0
    const FAST_CONFIRMS = 3
    const proxy = await startSlowProxy({
      target: server.url,
      // The first confirms go through; later ones reach the server only after the runner's kill.
      holdMs: req => (isConfirm(req) ? (++holdCount <= FAST_CONFIRMS ? 0 : 12_000) : 0),
      onRequest: req => {
        if (!isConfirm(req) || ++arrived !== FAST_CONFIRMS + 2 || child === undefined) return
        // The runner's sequence: SIGINT, SIGTERM 7.5 s later, a kill 2.5 s after that.
        const timers = [
          setTimeout(() => child!.kill('SIGTERM'), 7500),
          setTimeout(() => child!.kill('SIGKILL'), 10_000)
        ]
        child.once('exit', () => timers.forEach(timer => clearTimeout(timer)))
        child.kill('SIGINT')
      }
    })
    cleanups.defer(() => proxy.close())
    const { ws, paths } = await workspaceOf(16)
    const temp = await cleanups.tempDir('netiks-review-temp-')
    const run = await runAction({
      workspace: ws,
      inputs: inputs(proxy.url, server.apiKey, { concurrency: '4' }),
      env: { RUNNER_TEMP: temp, NETIKS_RETRY_BASE_MS: '20' },
      onSpawn: spawned => (child = spawned)
    })
    const heldAtEnd = server.state().assets.map(asset => asset.id)
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/Received SIGINT: cancelling/)

    const assets = assetsOf(run)
    const failed = failedOf(run)
    const unknown = failed.filter(failure => failure.step === 'confirm-unknown')
    expect(assets.length).toBeGreaterThanOrEqual(FAST_CONFIRMS)
    expect(unknown.length).toBeGreaterThan(0)
    expectNothingLostOrHidden(run, paths, heldAtEnd)
    expect(run.outputs.count).toBe(String(assets.length))
    expect(run.outputs['uploaded-count']).toBe(String(assets.length))

    // The assets file: every matched file once, in path order; its records are the outputs'.
    expect(run.outputs['assets-file'].startsWith(temp)).toBe(true)
    const records = JSON.parse(await readFile(run.outputs['assets-file'], 'utf8')) as FileRecord[]
    expect(records.map(record => record.path)).toEqual(paths)
    expect(records.filter(record => record.failure === null).map(({ failure: _, ...asset }) => asset)).toEqual(assets)
    expect(
      records.filter(record => record.failure !== null).map(record => ({ path: record.path, ...record.failure! }))
    ).toEqual(failed)
    for (const record of records.filter(r => r.failure?.step === 'confirm-unknown')) {
      expect(record.id).toBeNull()
      expect(record.failure!.message).toMatch(/may exist on Netiks/)
    }

    // The checksums file: one line per asset held, as in the outputs.
    const checksums = await readFile(run.outputs['checksums-file'], 'utf8')
    expect(checksums).toBe(assets.map(asset => `${asset.sha256}  ${asset.path}\n`).join(''))

    // The manifest: the confirmed assets, and nothing else.
    expect(await manifestIds(ws)).toEqual(assets.map(asset => asset.id).sort())

    // The records are in the run's own folder, which the deadline path leaves for the runner to
    // empty with RUNNER_TEMP after the job.
    const runFolders = (await readdir(temp)).filter(name => name.startsWith('netiks-upload-'))
    expect(runFolders).toHaveLength(1)

    // The held confirms reach the server after the action has gone: each is a file reported as unknown.
    await new Promise(resolve => setTimeout(resolve, 3500))
    const late = server
      .state()
      .assets.filter(asset => !heldAtEnd.includes(asset.id))
      .map(asset => asset.asset_name)
      .sort()
    expect(late).toEqual(unknown.map(failure => path.basename(failure.path)).sort())
  }, 40_000)
})
