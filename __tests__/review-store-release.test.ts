/**
 * The copy of the previous manifest that the run reads its entries from (manifest-store.ts):
 * letting go of it never fails a run, and a run cut short by the cancellation deadline does
 * not leave it behind. Run against the committed bundle, as a runner runs it.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runAction } from '../harness/run-action.js'
import { Cleanups, NEEDS_SIGNALS, posixOnly } from './helpers.js'

const STORE_FAULT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'store-fault.mjs')
const MANIFEST = '.netiks/manifest.json'
const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

function inputs(baseUrl: string, apiKey: string, overrides: Record<string, string> = {}): Record<string, string> {
  return { 'api-key': apiKey, path: 'dist', 'base-url': baseUrl, manifest: MANIFEST, ...overrides }
}

async function manifestIds(ws: string): Promise<string[]> {
  const parsed = JSON.parse(await readFile(path.join(ws, MANIFEST), 'utf8')) as {
    assets: Record<string, { id: string }>
  }
  return Object.values(parsed.assets).map(entry => entry.id)
}

describe('the copy of the previous manifest', () => {
  it('that cannot be removed (Windows, a scan holding it) does not fail a run that succeeded', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace({ 'dist/a.txt': 'a', 'dist/b.txt': 'b' })
    const given = inputs(emulator.url, emulator.apiKey)
    expect((await runAction({ workspace: ws, inputs: given })).exitCode).toBe(0)
    const env = { NODE_OPTIONS: `--import=${STORE_FAULT}` }

    const unchanged = await runAction({ workspace: ws, inputs: given, env })
    expect(unchanged.stderr).toBe('')
    expect(unchanged.exitCode).toBe(0)

    await writeFile(path.join(ws, 'dist/b.txt'), 'b changed')
    const changed = await runAction({ workspace: ws, inputs: given, env })
    expect(changed.stderr).toBe('')
    expect(changed.exitCode).toBe(0)
    expect(await manifestIds(ws)).toHaveLength(2)
  })

  posixOnly(it, NEEDS_SIGNALS)('is removed when the cancellation deadline ends the run', async () => {
    // Every request waits: the run is still uploading when the deadline comes.
    const emulator = await cleanups.emulator({ latencyMs: 30_000 })
    const ws = await cleanups.workspace({ 'dist/a.txt': 'a', 'dist/b.txt': 'b' })
    await writeFile(
      path.join(ws, 'm.json'),
      JSON.stringify({ version: 2, 'base-url': emulator.url, assets: {} }, null, 2)
    )
    const runnerTemp = await cleanups.tempDir('netiks-review-runner-temp-')
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator.url, emulator.apiKey, { manifest: 'm.json', mode: 'single' }),
      env: { RUNNER_TEMP: runnerTemp },
      onSpawn: child => setTimeout(() => child.kill('SIGTERM'), 1500)
    })
    expect(run.stdout).toContain('Received SIGTERM')
    expect(run.exitCode).toBe(1)
    expect((await readdir(runnerTemp)).filter(name => name.startsWith('netiks-manifest-'))).toEqual([])
  })
})
