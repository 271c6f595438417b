/**
 * Sharding through the committed bundle, as the jobs of a matrix run it: one tree, shards 0/3,
 * 1/3 and 2/3, and every file uploaded exactly once in total — checked against what the
 * emulator holds, byte for byte, not only against what the action says.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { shardOf } from '../../src/files/shard.js'
import { Cleanups, EMPTY_OUTPUTS, assetsOf, sha256, sha256OfFile } from '../support/helpers.js'

/** 60 files in nested folders, with base names shared across folders. */
const TREE: Record<string, string> = Object.fromEntries(
  Array.from({ length: 60 }, (_, i) => {
    const folder = ['docs', 'docs/guide', 'docs/guide/deep', 'docs/api', 'docs/img/2026'][i % 5]
    const name = i % 4 === 0 ? 'index.html' : `page-${i}.${i % 3 === 0 ? 'svg' : 'html'}`
    return [`${folder}/${i % 4 === 0 ? `${i}/` : ''}${name}`, `<p>file ${i}</p>`]
  })
)
const PATHS = Object.keys(TREE).sort()
const TOTAL = 3

let emulator: Emulator
let ws: string

const suite = new Cleanups()

beforeAll(async () => {
  emulator = await suite.emulator()
  ws = await suite.workspace(TREE)
})
afterAll(async () => await suite.run())
afterEach(async () => await emulator.reset())

function inputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': emulator.apiKey,
    path: 'docs',
    mode: 'auto',
    'base-url': emulator.url,
    concurrency: '8',
    'if-no-files-found': 'error',
    retries: '0',
    'fail-fast': 'false',
    'dry-run': 'false',
    'asset-name': 'relative',
    manifest: '',
    shard: '',
    ...overrides
  }
}

const pathsOf = (run: ActionRun): string[] => assetsOf(run).map(asset => asset.path)
const mine = (index: number): string[] => PATHS.filter(file => shardOf(file, TOTAL) === index)
const requestCount = (): number => Object.values(emulator.state().requests).reduce((sum, n) => sum + n, 0)

async function runShards(overrides: (index: number) => Record<string, string> = () => ({})): Promise<ActionRun[]> {
  const runs: ActionRun[] = []
  // One after another, as three runners would, but sharing one server.
  for (let index = 0; index < TOTAL; index++) {
    runs.push(await runAction({ workspace: ws, inputs: inputs({ shard: `${index}/${TOTAL}`, ...overrides(index) }) }))
  }
  return runs
}

describe('shard', () => {
  it('0/3, 1/3 and 2/3 over one tree upload every file exactly once in total', async () => {
    const runs = await runShards()
    for (const [index, run] of runs.entries()) {
      expect(run.stderr).toBe('')
      expect(run.exitCode).toBe(0)
      // Each run took some files, and said how many.
      expect(mine(index).length).toBeGreaterThan(0)
      expect(run.stdout).toContain(`Shard ${index}/${TOTAL}: ${mine(index).length} of 60 matched files.`)
      expect(pathsOf(run)).toEqual(mine(index))
      expect(run.outputs['uploaded-count']).toBe(String(mine(index).length))
      // Named below the patterns' root whichever shard sends the file.
      for (const asset of assetsOf(run)) expect(asset.name).toBe(asset.path.slice('docs/'.length))
    }

    // The outputs together cover every file once.
    expect(runs.flatMap(pathsOf).sort()).toEqual(PATHS)
    // The server holds every file once, with its bytes.
    const state = emulator.state()
    expect(state.assets).toHaveLength(60)
    expect(state.assets.map(asset => asset.asset_name).sort()).toEqual(PATHS.map(p => p.slice('docs/'.length)).sort())
    for (const asset of runs.flatMap(assetsOf)) {
      const held = state.assets.filter(a => a.id === asset.id)
      expect(held).toHaveLength(1)
      expect(held[0].sha256).toBe(sha256(TREE[asset.path]))
      expect(await sha256OfFile(emulator.assetDiskPath(held[0]))).toBe(sha256(TREE[asset.path]))
    }
  })

  it('with one manifest per shard, a second round sends nothing and reports the same ids', async () => {
    const manifest = (index: number) => ({ manifest: `.netiks/manifest-${index}.json` })
    const first = await runShards(manifest)
    expect(first.map(run => run.exitCode)).toEqual([0, 0, 0])
    for (let index = 0; index < TOTAL; index++) {
      const written = JSON.parse(await readFile(path.join(ws, `.netiks/manifest-${index}.json`), 'utf8')) as {
        assets: Record<string, unknown>
      }
      expect(Object.keys(written.assets)).toEqual(mine(index))
    }
    const requests = requestCount()

    const second = await runShards(manifest)
    expect(requestCount()).toBe(requests)
    for (const [index, run] of second.entries()) {
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ 'uploaded-count': '0', 'skipped-count': String(mine(index).length) })
      expect(run.outputs['asset-ids']).toBe(first[index].outputs['asset-ids'])
    }
    expect(emulator.state().assets).toHaveLength(60)
  })

  it('after a change of TOTAL, the old manifests merged into each new one (as docs/sharding.md says) send nothing again', async () => {
    const old = await runShards(index => ({ manifest: `.netiks/old-${index}.json` }))
    expect(old.map(run => run.exitCode)).toEqual([0, 0, 0])
    const manifests = await Promise.all(
      [0, 1, 2].map(
        async index =>
          JSON.parse(await readFile(path.join(ws, `.netiks/old-${index}.json`), 'utf8')) as {
            assets: Record<string, unknown>
          }
      )
    )
    // jq -s '.[0] + {assets: (map(.assets) | add)}' old/manifest-*.json
    const merged = JSON.stringify({ ...manifests[0], assets: Object.assign({}, ...manifests.map(m => m.assets)) })
    const requests = requestCount()
    for (let index = 0; index < 2; index++) {
      await writeFile(path.join(ws, `.netiks/new-${index}.json`), merged)
      const run = await runAction({
        workspace: ws,
        inputs: inputs({ shard: `${index}/2`, manifest: `.netiks/new-${index}.json` })
      })
      expect(run.exitCode).toBe(0)
      expect(run.outputs['uploaded-count']).toBe('0')
      expect(Number(run.outputs['skipped-count'])).toBe(PATHS.filter(file => shardOf(file, 2) === index).length)
    }
    expect(requestCount()).toBe(requests)
  })

  it('a dry run plans only its shard’s files and sends nothing', async () => {
    const run = await runAction({ workspace: ws, inputs: inputs({ shard: '1/3', 'dry-run': 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(requestCount()).toBe(0)
    expect(run.outputs).toMatchObject(EMPTY_OUTPUTS)
    const planned = [...run.stdout.matchAll(/^ {2}• (\S+) {2}/gm)].map(match => match[1])
    expect(planned).toEqual(mine(1))
    expect(run.stdout).toContain(`Would upload ${mine(1).length} files`)
    for (const file of PATHS) {
      expect(run.summary.includes(`<td>${file}</td>`)).toBe(mine(1).includes(file))
    }
  })

  it('names and clashes are decided over all matched files: every shard warns about the same clashes', async () => {
    const warnings = async (shard: string): Promise<string[]> => {
      const run = await runAction({
        workspace: ws,
        inputs: inputs({ shard, 'dry-run': 'true', 'asset-name': 'basename' })
      })
      expect(run.exitCode).toBe(0)
      return run.stdout.split('\n').filter(line => line.startsWith('::warning'))
    }
    const first = await warnings('0/3')
    // The index.html files of every folder, whichever shards they fell in.
    expect(first).toHaveLength(1)
    expect(first[0]).toContain(`would all be uploaded as "index.html"`)
    // A warning names the first ten paths, then how many more.
    const clashing = PATHS.filter(p => p.endsWith('/index.html'))
    expect(first[0]).toContain(`${clashing.length} assets of that name`)
    expect(first[0]).toMatch(
      clashing.length > 10 ? /and \d+ more would all be uploaded as "index\.html"/ : /index\.html/
    )
    expect(await warnings('2/3')).toEqual(first)
    expect(requestCount()).toBe(0)
  })

  it('a shard that takes none of the matched files succeeds with empty outputs, even with if-no-files-found: error', async () => {
    const only = PATHS[0]
    const index = (shardOf(only, TOTAL) + 1) % TOTAL
    const run = await runAction({
      workspace: ws,
      inputs: inputs({ path: only, shard: `${index}/${TOTAL}`, 'if-no-files-found': 'error' })
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject(EMPTY_OUTPUTS)
    expect(run.stdout).toContain(`Shard ${index}/${TOTAL}: 0 of 1 matched files; nothing to upload in this shard.`)
    expect(run.stdout).toMatch(
      /^::notice title=Netiks upload::Nothing to upload: none of the matched files is in this shard\.$/m
    )
    expect(run.stdout).not.toContain('::error')
    expect(requestCount()).toBe(0)
  })

  it.each(['3/3', '1 of 3', '-1/3', '0/0'])('a bad value (%s) fails with one ::error:: and no request', async shard => {
    const run = await runAction({ workspace: ws, inputs: inputs({ shard }) })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`::error::Input 'shard' must be INDEX/TOTAL such as 0/4`)
    expect(errors[0]).toContain(`got "${shard}"`)
    expect(run.stdout).not.toMatch(/^\s+at /m)
    expect(requestCount()).toBe(0)
  })
})
