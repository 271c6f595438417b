/**
 * Review: peak RSS at scale with and without a manifest. The spool keeps confirmed uploads'
 * details out of memory during the run, but the manifest is built (recordUploads), copied
 * (withEntries) and serialized (serializeManifest: one JSON string) whole at the report.
 *
 * Opt-in (it takes minutes): REVIEW_MEMORY=1 [REVIEW_MEMORY_FILES=100000]. Prints both figures.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../emulator/server.js'
import { runAction } from '../harness/run-action.js'
import { removeDir } from './helpers.js'

const FILES = Number(process.env.REVIEW_MEMORY_FILES ?? 100_000)
const enabled = process.env.REVIEW_MEMORY === '1'

function peakRssMiB(stderr: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
  if (!match) throw new Error(`no peak RSS in:\n${stderr.slice(-2000)}`)
  return Number(match[1]) / 1024
}

;(enabled ? describe : describe.skip)(`peak RSS at ${FILES} files, with and without a manifest`, () => {
  let emulator: Emulator
  let ws: string
  beforeAll(async () => {
    emulator = await startEmulator()
    ws = await mkdtemp(path.join(os.tmpdir(), 'netiks-review-mem-'))
    for (let start = 0; start < FILES; start += 1000) {
      const dir = path.join(ws, 'site', `section-${start / 1000}`)
      await mkdir(dir, { recursive: true })
      await Promise.all(
        Array.from({ length: Math.min(1000, FILES - start) }, (_, i) =>
          writeFile(path.join(dir, `page-${i}.html`), `<p>${start + i}</p>`.padEnd(200, '.'))
        )
      )
    }
  }, 600_000)
  afterAll(async () => {
    await emulator?.close()
    if (ws) await removeDir(ws)
  })

  const run = async (manifest: string): Promise<number> => {
    await emulator.reset()
    const result = await runAction({
      workspace: ws,
      inputs: {
        'api-key': emulator.apiKey,
        path: 'site',
        mode: 'bulk',
        'base-url': emulator.url,
        concurrency: '8',
        'if-no-files-found': 'error',
        retries: '2',
        'fail-fast': 'false',
        'dry-run': 'false',
        'asset-name': 'relative',
        manifest
      },
      wrapper: ['/usr/bin/time', '-v']
    })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['uploaded-count']).toBe(String(FILES))
    return peakRssMiB(result.stderr)
  }

  // README: 146.6–148.7 MiB at 100,000 files (basename names); 151 MiB measured here with
  // relative names while other tests ran. The margin is for that, not for a manifest.
  const TARGET_MIB = 160

  it(`without a manifest: within ${TARGET_MIB} MiB`, async () => {
    const peak = await run('')
    console.log(`${FILES} files without a manifest: peak RSS ${peak.toFixed(1)} MiB`)
    expect(peak).toBeLessThanOrEqual(TARGET_MIB)
  }, 900_000)

  // Measured: 333.8 MiB at 100,000 files (151.2 MiB without), the manifest built, copied and
  // serialized whole at the report.
  it.failing(
    `KNOWN BUG: with a manifest: within ${TARGET_MIB} MiB too`,
    async () => {
      const peak = await run('.netiks/manifest.json')
      console.log(`${FILES} files with a manifest: peak RSS ${peak.toFixed(1)} MiB`)
      expect(peak).toBeLessThanOrEqual(TARGET_MIB)
    },
    900_000
  )
})
