/**
 * Nothing lost on a bad day: the committed bundle, run as a runner runs it, against an
 * emulator that injects faults. Every count is checked against what the emulator served, so
 * "exactly once" is measured, not assumed.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { chmod, mkdir, symlink, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import {
  NEEDS_MODE_BITS,
  NEEDS_SIGNALS,
  assetsOf,
  failedOf,
  posixOnly,
  sha256OfFile,
  Cleanups,
  FAST_CLOCKS
} from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

async function workspaceOf(count: number, prefix = 'build'): Promise<string> {
  const files: Record<string, string> = {}
  for (let i = 0; i < count; i++) {
    files[`${prefix}/part-${String(i).padStart(3, '0')}.bin`] = `payload ${i} `.repeat(1 + (i % 50))
  }
  return await cleanups.workspace(files)
}

function inputs(emulator: Emulator, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': emulator.apiKey,
    path: 'build',
    mode: 'bulk',
    'base-url': emulator.url,
    concurrency: '8',
    'if-no-files-found': 'error',
    retries: '4',
    'fail-fast': 'false',
    ...overrides
  }
}

/** Every reported asset is held once with the local bytes; every held asset is reported. */
async function expectExactlyOnce(emulator: Emulator, run: ActionRun, ws: string): Promise<void> {
  const state = emulator.state()
  const reported = assetsOf(run)
  // These faults strike before a request takes effect. Only a real stall of the 1 s test
  // timeout on a busy machine can register a file twice, and the outputs must then say so.
  const reportedIds = new Set(reported.map(a => a.id))
  const flagged = new Set(reported.filter(a => a.possible_duplicate).map(a => a.name))
  for (const id of reportedIds) expect(state.assets.some(a => a.id === id)).toBe(true)
  expect(state.assets.filter(a => !reportedIds.has(a.id) && !flagged.has(a.asset_name))).toEqual([])
  for (const asset of reported) {
    const held = state.assets.find(a => a.id === asset.id)!
    const local = await sha256OfFile(path.join(ws, asset.path))
    expect(held.sha256).toBe(local)
    expect(await sha256OfFile(emulator.assetDiskPath(held))).toBe(local)
    expect(asset.sha256).toBe(local)
  }
  const twice = state.assets.filter(a => (state.confirmations[a.s3_path] ?? 1) > 1)
  expect(twice.filter(a => !flagged.has(a.asset_name))).toEqual([])
}

/** The runner hides ::add-mask:: lines; everything else is the log people can read. */
function expectNoSecrets(emulator: Emulator, run: ActionRun): void {
  const log = (run.stdout + run.stderr)
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  expect(log).not.toContain(emulator.apiKey)
  for (const signature of emulator.state().signatures) expect(log).not.toContain(signature)
  expect(log).not.toMatch(/X-Amz-Signature=[0-9a-f]/i)
}

describe('chaos: 300 files, 20% of requests faulted on every endpoint', () => {
  const faults = { rate: 0.2, seed: 20261125, slowMs: 1500, retryAfterSeconds: 1 }
  // These tests are about exactly-once, not about running out of retries. About 2/15 of the
  // requests fail in a way that counts against `retries`, so with 4 retries a file fails its
  // step with p ≈ (2/15)^5 ≈ 4e-5: 1–4 % of runs over 300 files and up to three steps, which
  // CI met. With 8 retries it is (2/15)^9 ≈ 1e-8 per step.
  const chaosInputs = (emulator: Emulator, overrides: Record<string, string> = {}) =>
    inputs(emulator, { retries: '8', ...overrides })

  it('bulk: every file confirmed exactly once, byte for byte, and no secret in the log', async () => {
    const emulator = await cleanups.emulator({
      faults: { ...faults, kinds: ['429', '500', '502', '503', 'reset', 'slow', 'expired'] }
    })
    const ws = await workspaceOf(300)
    const run = await runAction({ workspace: ws, inputs: chaosInputs(emulator), env: FAST_CLOCKS })
    expect({ exitCode: run.exitCode, failed: failedOf(run) }).toEqual({ exitCode: 0, failed: [] })
    expect(assetsOf(run)).toHaveLength(300)
    expect(run.outputs.count).toBe('300')
    expect(failedOf(run)).toEqual([])
    await expectExactlyOnce(emulator, run, ws)
    const { requests, faults: injected } = emulator.state()
    expect(injected.put.total + injected.confirm.total + injected.generate.total).toBeGreaterThan(100)
    for (const kind of ['429', '500', '502', '503', 'reset', 'slow', 'expired'] as const) {
      const count = (['generate', 'put', 'confirm'] as const).reduce((sum, e) => sum + (injected[e][kind] ?? 0), 0)
      expect([kind, count > 0]).toEqual([kind, true])
    }
    expect(requests.put).toBe(300 + injected.put.total)
    expect(requests.confirm).toBe(300 + injected.confirm.total)
    // One generate per batch of 50, one more per expired URL, plus the faulted ones.
    expect(requests.generate).toBe(6 + (injected.put.expired ?? 0) + injected.generate.total)
    expect(run.stdout).toMatch(/↻ build\/part-\d+\.bin: .*Retry 1 in /)
    expect(emulator.state().signatures.length).toBeGreaterThanOrEqual(300)
    expectNoSecrets(emulator, run)
  })

  it('single: every file confirmed exactly once, byte for byte, and no secret in the log', async () => {
    const emulator = await cleanups.emulator({ faults })
    const ws = await workspaceOf(300)
    const run = await runAction({
      workspace: ws,
      inputs: chaosInputs(emulator, { mode: 'single' }),
      env: FAST_CLOCKS
    })
    expect({ exitCode: run.exitCode, failed: failedOf(run) }).toEqual({ exitCode: 0, failed: [] })
    expect(assetsOf(run)).toHaveLength(300)
    await expectExactlyOnce(emulator, run, ws)
    const { requests, faults: injected } = emulator.state()
    expect(injected.upload.total).toBeGreaterThan(30)
    expect(requests.upload).toBe(300 + injected.upload.total)
    expectNoSecrets(emulator, run)
  })
})

describe('expired presigned URLs', () => {
  it('the first batch hands out expired URLs: each file gets a fresh URL and is confirmed once', async () => {
    const emulator = await cleanups.emulator({ expiredBatches: 1 })
    const ws = await workspaceOf(60)
    const run = await runAction({ workspace: ws, inputs: inputs(emulator), env: FAST_CLOCKS })
    expect(run.exitCode).toBe(0)
    expect(assetsOf(run)).toHaveLength(60)
    await expectExactlyOnce(emulator, run, ws)
    // 2 batches, then one fresh URL for each of the 50 files of the expired batch.
    expect(emulator.state().requests).toMatchObject({ generate: 2 + 50, put: 60 + 50, confirm: 60 })
    expect(run.stdout).toContain('S3 refused its presigned URL as expired; generating a fresh one')
  })
})

describe('partial failure', () => {
  it("one file's PUT always fails: the others are confirmed, 'failed' names it, the step fails", async () => {
    const emulator = await cleanups.emulator({ alwaysFail: ['part-007.bin'] })
    const ws = await workspaceOf(20)
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { retries: '2' }), env: FAST_CLOCKS })
    expect(run.exitCode).toBe(1)
    expect(assetsOf(run).map(a => a.path)).toEqual(
      Array.from({ length: 20 }, (_, i) => `build/part-${String(i).padStart(3, '0')}.bin`).filter(
        p => !p.includes('007')
      )
    )
    expect(failedOf(run)).toEqual([
      {
        path: 'build/part-007.bin',
        step: 'put',
        status: 500,
        message: expect.stringMatching(
          /^put to http:\/\/127\.0\.0\.1:\d+\/netiks-emulator\/.*part-007\.bin failed with HTTP 500: InternalError: We encountered an internal error/
        )
      }
    ])
    expect(run.stdout).toMatch(
      /^::error title=Netiks put failed::build\/part-007\.bin: put to .* failed with HTTP 500/m
    )
    expect(run.stdout).toMatch(/^::error::1 of 20 files was not uploaded; 19 were confirmed/m)
    expect(emulator.state().requests.put).toBe(19 + 3)
    await expectExactlyOnce(emulator, run, ws)
  })

  it('fail-fast: nothing new starts after the first failure, and the rest are named as not started', async () => {
    const emulator = await cleanups.emulator({ alwaysFail: ['part-000.bin'] })
    const ws = await workspaceOf(20)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { mode: 'single', concurrency: '1', retries: '0', 'fail-fast': 'true' }),
      env: FAST_CLOCKS
    })
    expect(run.exitCode).toBe(1)
    expect(assetsOf(run)).toEqual([])
    const failed = failedOf(run)
    expect(failed).toHaveLength(20)
    // A 500 may come after the server registered the file: reported as possibly registered.
    expect(failed[0]).toMatchObject({ path: 'build/part-000.bin', step: 'upload-unknown', status: 500 })
    expect(failed[0].message).toMatch(/may have registered the asset/)
    expect(failed.slice(1).every(f => f.step === 'not-started' && /fail-fast/.test(f.message))).toBe(true)
    expect(emulator.state().requests.upload).toBe(1)
    expect(run.stdout).toMatch(/^::error::20 of 20 files were not uploaded; 0 were confirmed.*fail-fast/m)
  })
})

posixOnly(describe, NEEDS_SIGNALS)('cancellation', () => {
  it('SIGTERM mid-run: outputs for what was confirmed, non-zero exit within 5 s, nothing lost', async () => {
    const emulator = await cleanups.emulator({ latencyMs: 150 })
    const ws = await workspaceOf(200)
    let killedAt = 0
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { concurrency: '4' }),
      env: FAST_CLOCKS,
      onSpawn: child => {
        let seen = 0
        child.stdout?.on('data', (chunk: Buffer) => {
          seen += (chunk.toString().match(/✓ /g) ?? []).length
          if (seen >= 5 && killedAt === 0) {
            killedAt = Date.now()
            child.kill('SIGTERM')
          }
        })
      }
    })
    const secondsToExit = (Date.now() - killedAt) / 1000
    expect(killedAt).toBeGreaterThan(0)
    expect(secondsToExit).toBeLessThan(5)
    expect(run.exitCode).not.toBe(0)
    const confirmed = assetsOf(run)
    expect(confirmed.length).toBeGreaterThanOrEqual(5)
    expect(confirmed.length).toBeLessThan(200)
    expect(run.outputs.count).toBe(String(confirmed.length))
    expect(confirmed.length + failedOf(run).length).toBe(200)
    expect(run.stdout).toMatch(/^::warning::Received SIGTERM: cancelling/m)
    expect(run.stdout).toMatch(/^::error::The run was cancelled: \d+ of 200 files were confirmed/m)
    await expectExactlyOnce(emulator, run, ws)
  })
})

describe('bad input is refused before any upload, with one clear ::error::', () => {
  let emulator: Emulator

  async function refuse(
    overrides: Record<string, string>,
    message: RegExp,
    prepare?: (ws: string) => Promise<void>,
    unprivileged = false
  ) {
    emulator = await cleanups.emulator({})
    const ws = await workspaceOf(3)
    await prepare?.(ws)
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, overrides), unprivileged })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
    expect(emulator.state().requests).toMatchObject({ upload: 0, generate: 0, put: 0, confirm: 0 })
  }

  it.each([
    ['an empty api-key', { 'api-key': '' }, /Input 'api-key' is empty/],
    ['an unknown mode', { mode: 'turbo' }, /Input 'mode' must be one of auto, single, bulk; got "turbo"/],
    ['concurrency 0', { concurrency: '0' }, /Input 'concurrency' must be a whole number from 1 to 64, got "0"/],
    ['concurrency 65', { concurrency: '65' }, /got "65"/],
    ['concurrency abc', { concurrency: 'abc' }, /got "abc"/],
    ['retries -1', { retries: '-1' }, /Input 'retries' must be a whole number from 0 to 10, got "-1"/],
    ['retries x', { retries: 'x' }, /Input 'retries' must be a whole number from 0 to 10, got "x"/],
    [
      'a base-url that is not http(s)',
      { 'base-url': 'ftp://files.example' },
      /Input 'base-url' must be an http or https URL/
    ],
    [
      'an unknown if-no-files-found',
      { 'if-no-files-found': 'shrug' },
      /Input 'if-no-files-found' must be one of error, warn, ignore/
    ],
    ['an empty path', { path: '' }, /Input 'path' has no pattern to include/],
    ['fail-fast that is not a boolean', { 'fail-fast': 'sometimes' }, /Input 'fail-fast' must be true or false/]
  ])('%s', async (_name, overrides, message) => {
    await refuse(overrides, message)
  })

  posixOnly(it, NEEDS_MODE_BITS)('an unreadable file', async () => {
    await refuse(
      {},
      /Cannot read 1 matched file: build\/part-001\.bin \(EACCES\)\. Fix their permissions, or exclude them/,
      async ws => {
        await chmod(ws, 0o755)
        await chmod(path.join(ws, 'build'), 0o755)
        await chmod(path.join(ws, 'build/part-001.bin'), 0o000)
      },
      true
    )
  })

  /** An unreadable folder below build/, with a readable file beside it. */
  async function lockedFolder(ws: string): Promise<void> {
    await chmod(ws, 0o755)
    await chmod(path.join(ws, 'build'), 0o755)
    await writeFile(path.join(ws, 'build/locked-file.bin'), 'x')
    await mkdir(path.join(ws, 'build/locked'), { mode: 0o700 })
    await writeFile(path.join(ws, 'build/locked/inner.bin'), 'x')
    await chmod(path.join(ws, 'build/locked'), 0o000)
  }

  for (const [label, pattern] of [
    ['', 'build'],
    [', searched with a pattern', 'build/**/*.bin']
  ]) {
    posixOnly(it, NEEDS_MODE_BITS)(`an unreadable directory${label}`, async () => {
      await refuse(
        { path: pattern },
        new RegExp(
          'Cannot search /.*/build/locked for files \\(EACCES\\)\\. Fix its permissions, or leave ' +
            "it out with a ! line in 'path': .* is searched unless a ! line excludes it\\.$"
        ),
        lockedFolder,
        true
      )
    })
  }

  // A folder a ! line excludes is not searched: its being unreadable stops nothing.
  for (const pattern of ['build\n!build/locked', 'build/**/*.bin\n!build/locked']) {
    posixOnly(it, NEEDS_MODE_BITS)(
      `an unreadable directory that a ! line excludes: ${JSON.stringify(pattern)}`,
      async () => {
        emulator = await cleanups.emulator({})
        const ws = await workspaceOf(3)
        await lockedFolder(ws)
        const run = await runAction({ workspace: ws, inputs: inputs(emulator, { path: pattern }), unprivileged: true })
        expect(run.exitCode).toBe(0)
        expect(
          emulator
            .state()
            .assets.map(asset => asset.asset_name)
            .sort()
        ).toEqual(['locked-file.bin', 'part-000.bin', 'part-001.bin', 'part-002.bin'])
      }
    )
  }

  it('a file over 5 GiB in bulk mode', async () => {
    await refuse(
      {},
      /build\/huge\.iso \(5368709121 bytes\) is larger than 5 GiB.*mode: single, or split them/,
      async ws => {
        const huge = path.join(ws, 'build/huge.iso')
        await writeFile(huge, '')
        await truncate(huge, 5 * 1024 ** 3 + 1)
      }
    )
  })

  it('broken symbolic links: a warning naming them, then the rest is uploaded', async () => {
    emulator = await cleanups.emulator({})
    const ws = await workspaceOf(2)
    await symlink(path.join(ws, 'build/nowhere.bin'), path.join(ws, 'build/dangling.bin'))
    const run = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /^::warning::Skipping 1 broken symbolic link \(the target does not exist\): build\/dangling\.bin$/m
    )
    expect(assetsOf(run).map(a => a.path)).toEqual(['build/part-000.bin', 'build/part-001.bin'])
  })
})
