/**
 * The committed bundle, run as a GitHub runner runs it (Node 24, INPUT_* for every input,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), against the emulator. Every assertion about
 * uploaded files is checked against what the emulator holds on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { startConnectProxy } from '../../harness/connect-proxy.js'
import type { AssetRecord as AssetOutput } from '../../src/report/records.js'
import { NODE24, runAction, type ActionRun } from '../../harness/run-action.js'
import {
  Cleanups,
  EMPTY_OUTPUTS,
  makeWorkspace,
  removeDir,
  sha256,
  sha256OfFile,
  writeRandomFile
} from '../support/helpers.js'

const TREE: Record<string, string> = {
  'dist/app-linux.zip': 'linux build',
  'dist/app-macos.zip': 'macos build',
  'dist/nested/deep/deeper/lib.tar.gz': 'nested lib',
  "dist/with space/ünïcødé name '()+[]&.txt": 'odd name',
  'dist/empty.bin': '',
  'dist/scratch.tmp': 'temporary',
  'dist/nested/also.tmp': 'temporary too',
  'docs/readme.md': 'not matched'
}
const EXPECTED = [
  'dist/app-linux.zip',
  'dist/app-macos.zip',
  'dist/empty.bin',
  'dist/nested/deep/deeper/lib.tar.gz',
  "dist/with space/ünïcødé name '()+[]&.txt"
]

let emulator: Emulator
let ws: string

const suite = new Cleanups()

beforeAll(async () => {
  emulator = await suite.emulator()
  ws = await suite.workspace(TREE)
})
afterAll(async () => await suite.run())

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': emulator.apiKey,
    path: 'dist\n!dist/**/*.tmp',
    mode: 'auto',
    'base-url': emulator.url,
    concurrency: '8',
    'if-no-files-found': 'error',
    ...overrides
  }
}

function assetsOf(run: ActionRun): AssetOutput[] {
  return JSON.parse(run.outputs.assets) as AssetOutput[]
}

/** The emulator holds each reported asset once, with the bytes of the local file. */
async function expectServerHolds(run: ActionRun, workspace: string): Promise<void> {
  const state = emulator.state()
  for (const asset of assetsOf(run)) {
    const held = state.assets.filter(a => a.id === asset.id)
    expect(held).toHaveLength(1)
    const local = await sha256OfFile(path.join(workspace, asset.path))
    expect(held[0].sha256).toBe(local)
    expect(await sha256OfFile(emulator.assetDiskPath(held[0]))).toBe(local)
    expect(asset.sha256).toBe(local)
    expect(held[0].file_size).toBe(asset.size)
    expect(held[0].asset_name).toBe(asset.name)
    if (held[0].mode === 'presigned') expect(state.confirmations[held[0].s3_path]).toBe(1)
  }
}

function requestsDuring(before: Emulator['state'] extends () => infer S ? S : never) {
  const after = emulator.state().requests
  return {
    upload: after.upload - before.requests.upload,
    generate: after.generate - before.requests.generate,
    put: after.put - before.requests.put,
    confirm: after.confirm - before.requests.confirm
  }
}

function expectCleanFailure(run: ActionRun, message: RegExp): void {
  expect(run.exitCode).not.toBe(0)
  expect(run.stdout).toMatch(message)
  const log = run.stdout + run.stderr
  expect(log).not.toMatch(/^\s+at /m)
  expect(log).not.toMatch(/Error: .*\n\s+at /)
}

describe('the bundle as a runner runs it', () => {
  it('runs under Node 24, the runtime action.yml declares', () => {
    expect(execFileSync(NODE24, ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./)
  })

  it.each(['bulk', 'single'])('%s mode: uploads nested, oddly named and empty files, minus exclusions', async mode => {
    const before = emulator.state()
    const run = await runAction({ workspace: ws, inputs: inputs({ mode }) })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const assets = assetsOf(run)
    expect(assets.map(a => a.path)).toEqual(EXPECTED)
    expect(JSON.parse(run.outputs['asset-ids'])).toEqual(assets.map(a => a.id))
    expect(run.outputs.count).toBe(String(EXPECTED.length))
    expect(assets[0]).toEqual({
      path: 'dist/app-linux.zip',
      name: 'app-linux.zip',
      id: expect.any(String),
      storage_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/storage\/.+app-linux\.zip$/),
      size: 11,
      content_type: 'application/zip',
      sha256: sha256('linux build'),
      skipped: false,
      possible_duplicate: false
    })
    expect(run.outputs['uploaded-count']).toBe(String(EXPECTED.length))
    expect(run.outputs['skipped-count']).toBe('0')
    expect(assets.find(a => a.name === 'empty.bin')).toMatchObject({ size: 0, sha256: sha256('') })
    await expectServerHolds(run, ws)
    const requests = requestsDuring(before)
    if (mode === 'bulk') {
      expect(requests).toEqual({ upload: 0, generate: 1, put: EXPECTED.length, confirm: EXPECTED.length })
    } else {
      expect(requests).toEqual({ upload: EXPECTED.length, generate: 0, put: 0, confirm: 0 })
    }
    expect(run.stdout).toContain(`in ${mode} mode (mode: ${mode})`)
    expect(run.summary).toContain('<table>')
    expect(run.summary).toContain('app-linux.zip')
  })

  it('auto mode: exactly one file under 10 MiB goes as a single upload', async () => {
    const before = emulator.state()
    const run = await runAction({ workspace: ws, inputs: inputs({ path: 'dist/app-linux.zip' }) })
    expect(run.exitCode).toBe(0)
    expect(requestsDuring(before)).toEqual({ upload: 1, generate: 0, put: 0, confirm: 0 })
    expect(run.stdout).toContain('in single mode (mode: auto, one file under 10 MiB)')
    await expectServerHolds(run, ws)
  })

  it('auto mode: several files go through presigned URLs', async () => {
    const before = emulator.state()
    const run = await runAction({ workspace: ws, inputs: inputs() })
    expect(run.exitCode).toBe(0)
    expect(requestsDuring(before)).toEqual({ upload: 0, generate: 1, put: 5, confirm: 5 })
    await expectServerHolds(run, ws)
  })

  it('a 50 MiB file: bulk (chosen by auto) and single, byte for byte', async () => {
    const big = await makeWorkspace()
    await writeRandomFile(path.join(big, 'build/big.bin'), 50 * 1024 * 1024)
    const before = emulator.state()
    const auto = await runAction({ workspace: big, inputs: inputs({ path: 'build' }) })
    expect(auto.exitCode).toBe(0)
    expect(auto.stdout).toContain('in bulk mode (mode: auto, one file of 10 MiB or more)')
    expect(requestsDuring(before)).toMatchObject({ generate: 1, put: 1, confirm: 1 })
    const single = await runAction({ workspace: big, inputs: inputs({ path: 'build', mode: 'single' }) })
    expect(single.exitCode).toBe(0)
    for (const run of [auto, single]) {
      expect(assetsOf(run)[0]).toMatchObject({ path: 'build/big.bin', size: 50 * 1024 * 1024 })
      await expectServerHolds(run, big)
    }
    await removeDir(big)
  })

  it('batches presigned URLs 50 at a time and keeps the sorted order', async () => {
    const many = await makeWorkspace(
      Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`out/f${String(i).padStart(3, '0')}.txt`, `file ${i}`]))
    )
    const before = emulator.state()
    const run = await runAction({ workspace: many, inputs: inputs({ path: 'out', concurrency: '16' }) })
    expect(run.exitCode).toBe(0)
    expect(requestsDuring(before)).toEqual({ upload: 0, generate: 3, put: 120, confirm: 120 })
    expect(assetsOf(run).map(a => a.path)).toEqual(
      Array.from({ length: 120 }, (_, i) => `out/f${String(i).padStart(3, '0')}.txt`)
    )
    await expectServerHolds(run, many)
    await removeDir(many)
  })

  describe('if-no-files-found', () => {
    it('error (the default): fails with a clear ::error::', async () => {
      const run = await runAction({ workspace: ws, inputs: inputs({ path: 'nothing/**' }) })
      expectCleanFailure(
        run,
        /^::error::No files were found with the provided path: nothing\/\*\*\. No assets will be uploaded\.$/m
      )
    })
    it('warn: warns, succeeds, and sets empty outputs', async () => {
      const run = await runAction({
        workspace: ws,
        inputs: inputs({ path: 'nothing/**', 'if-no-files-found': 'warn' })
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/^::warning::No files were found/m)
      expect(run.outputs).toMatchObject(EMPTY_OUTPUTS)
    })
    it('ignore: succeeds quietly with empty outputs', async () => {
      const run = await runAction({
        workspace: ws,
        inputs: inputs({ path: 'nothing/**', 'if-no-files-found': 'ignore' })
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).not.toMatch(/::(warning|error)::/)
      expect(run.outputs).toMatchObject(EMPTY_OUTPUTS)
    })
  })

  it('a wrong api key: one clean ::error::, no stack trace, no key, non-zero exit', async () => {
    const key = 'ne-ThisKeyIsWrong0000000000'
    const run = await runAction({ workspace: ws, inputs: inputs({ 'api-key': key }) })
    expectCleanFailure(
      run,
      /^::error::The Netiks API at http:\/\/127\.0\.0\.1:\d+ rejected the api-key \(HTTP 401: Invalid API key\.\)\. Check that the secret/m
    )
    expect(run.stdout).toContain(`::add-mask::${key}`)
    expect(run.stdout.replace(`::add-mask::${key}`, '')).not.toContain(key)
    expect(run.outputs.count).toBe('0')
  })

  it('bad input fails before any request with an ::error:: that says what to do', async () => {
    const before = emulator.state()
    const run = await runAction({ workspace: ws, inputs: inputs({ concurrency: '0' }) })
    expectCleanFailure(run, /^::error::Input 'concurrency' must be a whole number from 1 to 64, got "0"\.$/m)
    expect(requestsDuring(before)).toEqual({ upload: 0, generate: 0, put: 0, confirm: 0 })
  })
})

describe('behind a proxy', () => {
  it('sends the API calls and the presigned PUTs through http_proxy, as the runner configures it', async () => {
    const hidden = await startEmulator({ publicHost: 'netiks.proxied.test' })
    const proxy = await startConnectProxy(hidden.port)
    try {
      const run = await runAction({
        workspace: ws,
        // Plain http to a host other than this machine: allowed on purpose, as for a private test server.
        inputs: inputs({ 'base-url': hidden.url, mode: 'bulk', 'allow-insecure-http': 'true' }),
        env: { http_proxy: proxy.url }
      })
      expect(run.stdout + run.stderr).not.toMatch(/::error::/)
      expect(run.exitCode).toBe(0)
      expect(run.outputs.count).toBe(String(EXPECTED.length))
      expect(hidden.state().requests).toMatchObject({ generate: 1, put: EXPECTED.length, confirm: EXPECTED.length })
      expect(proxy.tunnels.length).toBeGreaterThan(0)
      expect(new Set(proxy.tunnels)).toEqual(new Set([`netiks.proxied.test:${hidden.port}`]))
    } finally {
      await proxy.close()
      await hidden.close()
    }
  })
})
