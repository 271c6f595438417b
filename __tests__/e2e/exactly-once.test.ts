/**
 * Exactly once when things go wrong after the request was sent: the committed bundle, run as
 * a runner runs it, with slow servers, cancellation in the runner's exact sequence, expired
 * URLs without retries, and systemic failures. Every claim is checked against what the
 * server holds.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { appendFile, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { startSlowProxy } from '../../harness/slow-proxy.js'
import {
  NEEDS_SIGNALS,
  assetsOf,
  failedOf,
  posixOnly,
  sha256,
  sha256OfFile,
  writeRandomFile,
  Cleanups,
  FAST_CLOCKS,
  freePort
} from '../support/helpers.js'

const __dirname_ = path.dirname(fileURLToPath(import.meta.url))
const MANIFEST = '.netiks/manifest.json'
const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

async function workspaceOf(count: number): Promise<string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) files[`build/part-${String(i).padStart(4, '0')}.bin`] = `payload ${i}`
  return await cleanups.workspace(files)
}

function inputs(baseUrl: string, apiKey: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': apiKey,
    path: 'build',
    mode: 'bulk',
    'base-url': baseUrl,
    concurrency: '8',
    'if-no-files-found': 'error',
    retries: '4',
    'fail-fast': 'false',
    'dry-run': 'false',
    'asset-name': 'basename',
    manifest: '',
    ...overrides
  }
}

const errorLines = (run: ActionRun): string[] => run.stdout.split('\n').filter(line => line.startsWith('::error'))
const isConfirm = (method?: string, url?: string, type?: string): boolean =>
  method === 'POST' && url === '/api/v1/assets/developer-upload-file/' && (type ?? '').startsWith('application/json')

/**
 * What a GitHub runner does to a cancelled step: SIGINT, SIGTERM 7.5 s later, and a kill of
 * the process 2.5 s after that.
 */
function cancelLikeTheRunner(child: ChildProcess): void {
  const timers = [setTimeout(() => child.kill('SIGTERM'), 7500), setTimeout(() => child.kill('SIGKILL'), 10_000)]
  child.kill('SIGINT')
  child.once('exit', () => timers.forEach(timer => clearTimeout(timer)))
}

async function readManifest(ws: string): Promise<Record<string, { id: string }>> {
  return (JSON.parse(await readFile(path.join(ws, MANIFEST), 'utf8')) as { assets: Record<string, { id: string }> })
    .assets
}

posixOnly(describe, NEEDS_SIGNALS)('cancellation with confirms slower than the grace', () => {
  /** Cancels the run as the first confirm reaches the (slow) server. */
  async function cancelledRun(confirmHoldMs: number) {
    const emulator = await cleanups.emulator()
    let child: ChildProcess | undefined
    let cancelled = false
    const proxy = await startSlowProxy({
      target: emulator.url,
      holdMs: req => (isConfirm(req.method, req.url, req.headers['content-type']) ? confirmHoldMs : 0),
      onRequest: req => {
        if (!cancelled && child && isConfirm(req.method, req.url, req.headers['content-type'])) {
          cancelled = true
          cancelLikeTheRunner(child)
        }
      }
    })
    cleanups.defer(() => proxy.close())
    const ws = await workspaceOf(6)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(proxy.url, emulator.apiKey, { manifest: MANIFEST }),
      // The default stall timeout (60 s): a slow confirm is waited for, not retried.
      env: { NETIKS_RETRY_BASE_MS: '20' },
      onSpawn: spawned => (child = spawned)
    })
    return { emulator, run, ws }
  }

  it('confirms answered within the runner’s 10 s are in the outputs and the manifest', async () => {
    const { emulator, run, ws } = await cancelledRun(5000)
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(run.durationMs).toBeLessThan(10_000)
    const held = emulator.state().assets.map(asset => asset.id)
    expect(held.length).toBeGreaterThan(0)
    expect(
      assetsOf(run)
        .map(asset => asset.id)
        .sort()
    ).toEqual([...held].sort())
    expect(run.outputs.count).toBe(String(held.length))
    expect(
      Object.values(await readManifest(ws))
        .map(entry => entry.id)
        .sort()
    ).toEqual([...held].sort())
    // A file whose PUT succeeded is never reported as a failed PUT.
    for (const failure of failedOf(run)) expect(['put', 'not-started', 'generate']).toContain(failure.step)
    expect(run.stdout).toMatch(/Received SIGINT: cancelling/)
  }, 30_000)

  it('confirms the server answers too late are reported as possibly registered, and the step ends before the kill', async () => {
    const { emulator, run } = await cancelledRun(12_000)
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(run.durationMs).toBeLessThan(10_000)
    const unknown = failedOf(run).filter(failure => failure.step === 'confirm-unknown')
    expect(unknown.length).toBeGreaterThan(0)
    expect(unknown[0].message).toMatch(/may exist on Netiks/)
    // The server commits them after the action has gone: each belongs to a file reported as unknown.
    await new Promise(resolve => setTimeout(resolve, 3500))
    const held = emulator.state().assets
    expect(held.length).toBe(unknown.length)
    const unknownNames = unknown.map(failure => path.basename(failure.path)).sort()
    expect(held.map(asset => asset.asset_name).sort()).toEqual(unknownNames)
    expect(assetsOf(run)).toEqual([])
  }, 30_000)
})

describe('expired URLs', () => {
  it('retries: 0 still refreshes an expired batch: every file confirmed once', async () => {
    const emulator = await cleanups.emulator({ expiredBatches: 1 })
    const ws = await workspaceOf(60)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator.url, emulator.apiKey, { retries: '0' }),
      env: FAST_CLOCKS
    })
    expect(run.exitCode).toBe(0)
    expect(assetsOf(run)).toHaveLength(60)
    const state = emulator.state()
    expect(state.assets).toHaveLength(60)
    expect(Object.values(state.confirmations).every(n => n === 1)).toBe(true)
  })
})

describe("S3's early answer to an expired URL on a 64 MiB file", () => {
  it.each([
    ['AWS', 'aws'],
    ['radosgw (an empty message)', 'radosgw']
  ] as const)(
    '%s wording: refreshed, confirmed once, the bytes equal',
    async (_label, s3Dialect) => {
      const emulator = await cleanups.emulator({ expiredBatches: 1, s3EarlyAnswer: true, s3Dialect })
      const ws = await cleanups.workspace({ 'build/small.txt': 'small' })
      await writeRandomFile(path.join(ws, 'build/big.bin'), 64 * 1024 * 1024)
      const run = await runAction({ workspace: ws, inputs: inputs(emulator.url, emulator.apiKey), env: FAST_CLOCKS })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain('build/big.bin: S3 refused its presigned URL as expired; generating a fresh one')
      const state = emulator.state()
      expect(state.requests.generate).toBe(3)
      expect(state.assets).toHaveLength(2)
      expect(Object.values(state.confirmations)).toEqual([1, 1])
      const big = assetsOf(run).find(asset => asset.path === 'build/big.bin')!
      const local = await sha256OfFile(path.join(ws, 'build/big.bin'))
      expect(big.sha256).toBe(local)
      expect(state.assets.find(asset => asset.id === big.id)?.sha256).toBe(local)
    },
    60_000
  )
})

describe('names Django keeps', () => {
  const NAMES = [
    'say "hello" it\'s.txt',
    'ünïcödé 名前.txt',
    'cafe\u0301 (NFD).txt',
    '&amp; notes; 100%22.txt',
    ' spaced .txt'
  ]
  it.each(['single', 'bulk'] as const)('%s: the name Netiks records is the name in the outputs', async mode => {
    const emulator = await cleanups.emulator()
    const files: Record<string, string> = {}
    for (const [i, name] of NAMES.entries()) files[`names/${name}`] = `file ${i}`
    const ws = await cleanups.workspace(files)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator.url, emulator.apiKey, { path: 'names', mode })
    })
    expect(run.exitCode).toBe(0)
    const reported = assetsOf(run)
    expect(reported.map(asset => asset.name).sort()).toEqual([...NAMES].sort())
    const held = emulator.state().assets
    for (const asset of reported) expect(held.find(h => h.id === asset.id)?.asset_name).toBe(asset.name)
    expect(run.stdout).not.toMatch(/recorded .* under another name/)
  })

  it('relative names keep their folders, and a backslash stays, in bulk mode', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace({
      'site/deeper/dir/report (copy).json': '{}',
      'site/a "b".txt': 'x',
      'site/back\\slash.txt': 'y'
    })
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator.url, emulator.apiKey, { path: 'site', 'asset-name': 'relative' })
    })
    expect(run.exitCode).toBe(0)
    const held = emulator.state().assets
    expect(assetsOf(run).map(asset => [asset.name, held.find(h => h.id === asset.id)?.asset_name])).toEqual([
      ['a "b".txt', 'a "b".txt'],
      ['back\\slash.txt', 'back\\slash.txt'],
      ['deeper/dir/report (copy).json', 'deeper/dir/report (copy).json']
    ])
  })
})

describe('a file that grows after it was found', () => {
  it.each(['bulk', 'single'] as const)(
    '%s: never reported as uploaded short; sent again as it is now',
    async mode => {
      const emulator = await cleanups.emulator()
      const ws = await cleanups.workspace({ 'build/a-first.txt': 'first', 'build/b-log.txt': 'hello' })
      const grown = 'hello, and then some more.'
      let held = false
      // The first request is held for a while; the log file grows meanwhile, before its own upload.
      const proxy = await startSlowProxy({
        target: emulator.url,
        holdMs: () => {
          if (held) return 0
          held = true
          setTimeout(() => void appendFile(path.join(ws, 'build/b-log.txt'), grown.slice(5)), 300)
          return 1500
        }
      })
      cleanups.defer(() => proxy.close())
      const run = await runAction({
        workspace: ws,
        inputs: inputs(proxy.url, emulator.apiKey, { mode, concurrency: '1' }),
        env: { NETIKS_RETRY_BASE_MS: '20' }
      })
      expect(run.exitCode).toBe(0)
      const log = assetsOf(run).find(asset => asset.path === 'build/b-log.txt')!
      expect(log).toMatchObject({ size: grown.length, sha256: sha256(grown) })
      const stored = emulator.state().assets.filter(asset => asset.asset_name === 'b-log.txt')
      expect(stored.map(asset => [asset.file_size, asset.sha256])).toEqual([[grown.length, sha256(grown)]])
      expect(run.stdout).toMatch(
        /::warning::File changed while it waited to be uploaded: build\/b-log\.txt \(5 → 26 bytes\)/
      )
    },
    30_000
  )
})

describe('systemic failures: one error that names the cause', () => {
  it('a base-url with a wrong path: 3,000 files, one ::error:: about base-url, within seconds', async () => {
    const emulator = await cleanups.emulator()
    const ws = await workspaceOf(3000)
    const run = await runAction({ workspace: ws, inputs: inputs(`${emulator.url}/netiks`, emulator.apiKey) })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/HTTP 404 to generate.*base-url is probably wrong/)
    expect(run.durationMs).toBeLessThan(10_000)
    // The 'failed' output holds what fits GitHub's budget; the assets file holds all 3,000.
    expect(run.outputs['outputs-truncated']).toBe('true')
    expect(failedOf(run).length).toBeGreaterThan(500)
    expect(run.outputs.count).toBe('0')
  }, 60_000)

  it('a port with nothing listening: 3,000 files, one ::error::, within the documented 20 s', async () => {
    const port = await freePort()
    const ws = await workspaceOf(3000)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(`http://127.0.0.1:${port}`, 'ne-EmulatorLocalKey0000001')
    })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/ECONNREFUSED.*No connection could be made after every retry/)
    expect(run.durationMs).toBeLessThan(20_000)
  }, 60_000)
})

describe('a server failing every request: one error, not one per file', () => {
  it('every generate throttled (429): the run stops after the first batch, with one error', async () => {
    const emulator = await cleanups.emulator({
      faults: { rate: 1, seed: 1, endpoints: ['generate'], kinds: ['429'], retryAfterSeconds: 0 }
    })
    const ws = await workspaceOf(300)
    const run = await runAction({ workspace: ws, inputs: inputs(emulator.url, emulator.apiKey), env: FAST_CLOCKS })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/The last \d+ files failed the same way after every retry.*HTTP 429/)
    // One batch: its first attempt, 8 throttled retries and 4 more.
    expect(emulator.state().requests.generate).toBe(13)
  }, 60_000)

  it('every single upload answered 500: a pool of failures stops the run, with one error', async () => {
    const emulator = await cleanups.emulator({ faults: { rate: 1, seed: 1, endpoints: ['upload'], kinds: ['500'] } })
    const ws = await workspaceOf(300)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator.url, emulator.apiKey, { mode: 'single' }),
      env: FAST_CLOCKS
    })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run)).toEqual([expect.stringMatching(/The last 8 files failed the same way.*HTTP 500/)])
    expect(emulator.state().requests.upload).toBeLessThan(16 * 5)
    expect(failedOf(run).filter(failure => failure.step === 'not-started').length).toBeGreaterThan(250)
  }, 60_000)

  it('a host that drops connections: each attempt gives up on connecting, and the run stops with one error', async () => {
    const port = await freePort()
    const blackhole = spawn('python3', [
      path.join(__dirname_, '..', 'support', 'fixtures', 'blackhole.py'),
      String(port)
    ])
    cleanups.defer(() => void blackhole.kill())
    await new Promise(resolve => blackhole.stdout.once('data', resolve))
    const ws = await workspaceOf(100)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(`http://127.0.0.1:${port}`, 'ne-EmulatorLocalKey0000001'),
      env: FAST_CLOCKS
    })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/ECONNTIMEOUT|no connection within/)
    expect(run.durationMs).toBeLessThan(20_000)
  }, 60_000)
})

describe('names with folders', () => {
  it('mode: single refuses names that Django would cut, before any upload; auto sends them in bulk', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace({ 'site/deeper/dir/report (copy).json': '{}', 'site/index.html': '<p>' })
    const single = await runAction({
      workspace: ws,
      inputs: inputs(emulator.url, emulator.apiKey, { path: 'site', mode: 'single', 'asset-name': 'relative' })
    })
    expect(single.exitCode).toBe(1)
    expect(errorLines(single)).toEqual([
      expect.stringMatching(/mode: single cannot keep the name "deeper\/dir\/report \(copy\)\.json"/)
    ])
    expect(emulator.state().requests.upload).toBe(0)
    const auto = await runAction({
      workspace: ws,
      inputs: inputs(emulator.url, emulator.apiKey, { path: 'site', mode: 'auto', 'asset-name': 'relative' })
    })
    expect(auto.exitCode).toBe(0)
    expect(assetsOf(auto).map(asset => asset.name)).toEqual(['deeper/dir/report (copy).json', 'index.html'])
    expect(
      emulator
        .state()
        .assets.map(asset => asset.asset_name)
        .sort()
    ).toEqual(['deeper/dir/report (copy).json', 'index.html'])
  })
})
