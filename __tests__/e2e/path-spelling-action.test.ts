/**
 * The bundle on Linux, where names are told apart by case: a pattern spelled as the disk spells
 * it is reported, named and kept in the manifest exactly so, and the respelling that
 * case-insensitive file systems get (__tests__/path-spelling.test.ts; Windows in
 * __tests__/windows/bundle.test.ts) never merges two folders that differ only in case here.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { Cleanups, assetsOf } from '../support/helpers.js'

const suite = new Cleanups()
afterAll(async () => await suite.run())

async function manifestKeys(ws: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(ws, '.netiks.json'), 'utf8')) as { assets: object }
  return Object.keys(manifest.assets)
}

describe('path spelling on a case-sensitive file system', () => {
  it('a pattern in the exact case is reported as written; one in another case is another folder', async () => {
    const emulator = await suite.emulator()
    const ws = await suite.workspace({ 'Build/Sub/ReadMe.TXT': 'upper', 'build/sub/readme.txt': 'lower' })
    const run = async (pattern: string): Promise<ActionRun> =>
      await runAction({
        workspace: ws,
        inputs: {
          'api-key': emulator.apiKey,
          'base-url': emulator.url,
          path: pattern,
          'asset-name': 'relative',
          manifest: '.netiks.json'
        }
      })
    const upper = await run('Build/*')
    expect([upper.exitCode, upper.stderr]).toEqual([0, ''])
    expect(assetsOf(upper).map(asset => [asset.path, asset.name])).toEqual([['Build/Sub/ReadMe.TXT', 'Sub/ReadMe.TXT']])
    expect(await manifestKeys(ws)).toEqual(['Build/Sub/ReadMe.TXT'])

    const lower = await run('build/*')
    expect([lower.exitCode, lower.stderr]).toEqual([0, ''])
    expect(assetsOf(lower).map(asset => [asset.path, asset.name, asset.skipped])).toEqual([
      ['build/sub/readme.txt', 'sub/readme.txt', false]
    ])
    expect(await manifestKeys(ws)).toEqual(['Build/Sub/ReadMe.TXT', 'build/sub/readme.txt'])

    const again = await run('Build/*')
    expect(assetsOf(again).map(asset => [asset.path, asset.skipped])).toEqual([['Build/Sub/ReadMe.TXT', true]])
    expect(
      emulator
        .state()
        .assets.map(asset => asset.asset_name)
        .sort()
    ).toEqual(['Sub/ReadMe.TXT', 'sub/readme.txt'])
  })
})
