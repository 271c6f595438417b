/**
 * Sync without duplicates, through the committed bundle: a manifest lets re-runs skip files
 * already uploaded unchanged. Every claim is checked against the emulator's request counts.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js'
import type { AssetRecord as AssetOutput } from '../../src/report/records.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { NEEDS_SIGNALS, makeWorkspace, posixOnly, removeDir, sha256 } from '../support/helpers.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

const DOCS: Record<string, string> = {
  'docs/index.html': '<h1>home</h1>',
  'docs/guide.html': '<h1>guide</h1>',
  'docs/img/logo.svg': '<svg/>',
  'docs/img/photo.png': 'png bytes',
  'docs/old.html': 'to be deleted'
}
const MANIFEST = '.netiks/manifest.json'

async function setup(options: EmulatorOptions = {}) {
  const emulator = await startEmulator(options)
  const ws = await makeWorkspace(DOCS)
  cleanups.push(
    () => emulator.close(),
    () => removeDir(ws)
  )
  return { emulator, ws }
}

function inputs(emulator: Emulator, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': emulator.apiKey,
    path: 'docs',
    mode: 'auto',
    'base-url': emulator.url,
    concurrency: '4',
    'if-no-files-found': 'error',
    retries: '0',
    'fail-fast': 'false',
    'dry-run': 'false',
    'asset-name': 'relative',
    manifest: MANIFEST,
    ...overrides
  }
}

/** An absolute path as the action reports it: with /, on Windows too. */
const slashes = (absolute: string): string => absolute.split(path.sep).join('/')
const assetsOf = (run: ActionRun): AssetOutput[] => JSON.parse(run.outputs.assets) as AssetOutput[]
const idsOf = (run: ActionRun): string[] => JSON.parse(run.outputs['asset-ids']) as string[]
const uploadRequests = (emulator: Emulator) => {
  const { upload, generate, put, confirm } = emulator.state().requests
  return { upload, generate, put, confirm }
}
async function readManifest(ws: string) {
  return JSON.parse(await readFile(path.join(ws, MANIFEST), 'utf8')) as {
    version: number
    'base-url': string
    assets: Record<string, { name: string; recorded_name?: string; sha256: string; id: string; size: number }>
    'v1-assets'?: Record<string, { sha256: string; id: string; size: number }>
  }
}

describe('the manifest', () => {
  it('second run over the same tree sends nothing and reports the same ids', async () => {
    const { emulator, ws } = await setup()
    const first = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toContain(`No manifest at ${MANIFEST} yet`)
    expect(first.outputs).toMatchObject({ count: '5', 'uploaded-count': '5', 'skipped-count': '0' })
    const manifest = await readManifest(ws)
    expect(manifest.version).toBe(2)
    expect(manifest['base-url']).toBe(emulator.url)
    expect(Object.keys(manifest.assets)).toEqual([
      'docs/guide.html',
      'docs/img/logo.svg',
      'docs/img/photo.png',
      'docs/index.html',
      'docs/old.html'
    ])
    expect(manifest.assets['docs/index.html'].sha256).toBe(sha256('<h1>home</h1>'))
    expect(manifest.assets['docs/img/logo.svg'].name).toBe('img/logo.svg')

    const before = uploadRequests(emulator)
    const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'netiks-sync-temp-'))
    cleanups.push(async () => await removeDir(runnerTemp))
    const second = await runAction({ workspace: ws, inputs: inputs(emulator), env: { RUNNER_TEMP: runnerTemp } })
    expect(second.exitCode).toBe(0)
    expect((await readdir(runnerTemp)).filter(name => !name.startsWith('netiks-upload-'))).toEqual([])
    expect(uploadRequests(emulator)).toEqual(before)
    expect(idsOf(second)).toEqual(idsOf(first))
    expect(assetsOf(second).every(asset => asset.skipped)).toBe(true)
    expect(second.outputs).toMatchObject({ count: '5', 'uploaded-count': '0', 'skipped-count': '5', failed: '[]' })
    expect(second.stdout).toMatch(/^= docs\/index\.html unchanged since .* \(asset [0-9a-f-]{36}\): skipped$/m)
    expect(second.stdout).toMatch(
      /^::notice title=Netiks upload::Nothing to upload: all 5 matched files are unchanged/m
    )
    expect(second.summary).toContain('<td>unchanged</td>')
    expect(emulator.state().assets).toHaveLength(5)
  })

  it('after one change, one addition and one deletion, uploads exactly two and keeps the union', async () => {
    const { emulator, ws } = await setup()
    const first = await runAction({ workspace: ws, inputs: inputs(emulator) })
    const firstIds = Object.fromEntries(assetsOf(first).map(a => [a.name, a.id]))
    await writeFile(path.join(ws, 'docs/guide.html'), '<h1>guide, revised</h1>')
    await writeFile(path.join(ws, 'docs/img/new.svg'), '<svg id="new"/>')
    await rm(path.join(ws, 'docs/old.html'))

    const before = uploadRequests(emulator)
    // The previous manifest's entries are read from a copy under RUNNER_TEMP, removed by the end.
    const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'netiks-sync-temp-'))
    cleanups.push(async () => await removeDir(runnerTemp))
    const third = await runAction({ workspace: ws, inputs: inputs(emulator), env: { RUNNER_TEMP: runnerTemp } })
    expect(third.exitCode).toBe(0)
    expect((await readdir(runnerTemp)).filter(name => !name.startsWith('netiks-upload-'))).toEqual([])
    const after = uploadRequests(emulator)
    expect(after.put - before.put + (after.upload - before.upload)).toBe(2)
    expect(after.confirm - before.confirm).toBe(after.put - before.put)
    expect(third.outputs).toMatchObject({ count: '5', 'uploaded-count': '2', 'skipped-count': '3' })
    const assets = assetsOf(third)
    expect(assets.filter(a => !a.skipped).map(a => a.name)).toEqual(['guide.html', 'img/new.svg'])
    expect(assets.find(a => a.name === 'index.html')?.id).toBe(firstIds['index.html'])
    expect(assets.find(a => a.name === 'guide.html')?.id).not.toBe(firstIds['guide.html'])
    expect(third.stdout).toMatch(
      /^::notice title=Netiks upload::2 assets uploaded to Netiks, .*; 3 unchanged files skipped\.$/m
    )

    const manifest = await readManifest(ws)
    expect(Object.keys(manifest.assets)).toEqual([
      'docs/guide.html',
      'docs/img/logo.svg',
      'docs/img/new.svg',
      'docs/img/photo.png',
      'docs/index.html',
      'docs/old.html'
    ])
    expect(manifest.assets['docs/old.html'].id).toBe(firstIds['old.html'])
    expect(manifest.assets['docs/guide.html'].sha256).toBe(sha256('<h1>guide, revised</h1>'))
  })

  it.each([
    [
      'not valid JSON',
      '{"version": 2, "base-url"',
      /^::error::The manifest \.netiks\/manifest\.json is not valid JSON: it departs from JSON at byte 25 \(line 1\); it was left as it is, and nothing was uploaded\. Fix it, or delete it/m
    ],
    [
      'of an unknown version',
      JSON.stringify({ version: 9, assets: {} }),
      /^::error::The manifest \.netiks\/manifest\.json has version 9, which this action does not know \(it reads versions 1 and 2\); it was left as it is, and nothing was uploaded\. A newer release of netiks\/upload-action wrote it/m
    ]
  ])('a manifest %s: one ::error::, no request, the manifest left as it is', async (_name, content, error) => {
    const { emulator, ws } = await setup()
    await mkdir(path.join(ws, '.netiks'), { recursive: true })
    await writeFile(path.join(ws, MANIFEST), content)
    const run = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(error)
    expect(run.stdout).not.toContain('::warning::')
    expect(uploadRequests(emulator)).toEqual({ upload: 0, generate: 0, put: 0, confirm: 0 })
    expect(await readFile(path.join(ws, MANIFEST), 'utf8')).toBe(content)
  })

  it('a manifest made against another base-url: every file uploaded, its entries kept as they are beside them', async () => {
    const { emulator, ws } = await setup()
    const staging = {
      version: 2,
      'base-url': 'https://staging.example',
      assets: { 'docs/index.html': { name: 'index.html', id: 'kept as it is' } }
    }
    await mkdir(path.join(ws, '.netiks'), { recursive: true })
    await writeFile(path.join(ws, MANIFEST), JSON.stringify(staging, null, 2) + '\n')
    const run = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('::warning::')
    expect(run.stdout).toMatch(
      /^The manifest \.netiks\/manifest\.json holds no entries made on http:\/\/127\.0\.0\.1:\d+ yet: every file will be uploaded, and its entries added after the run\. The entries it holds for 1 other base-url are kept as they are/m
    )
    expect(run.outputs).toMatchObject({ 'uploaded-count': '5', 'skipped-count': '0' })
    const manifest = (await readManifest(ws)) as unknown as typeof staging & {
      'other-base-urls': Record<string, { assets: Record<string, { id: string }> }>
    }
    expect({ ...manifest, 'other-base-urls': undefined }).toEqual({ ...staging, 'other-base-urls': undefined })
    expect(Object.keys(manifest['other-base-urls'])).toEqual([emulator.url])
    expect(Object.keys(manifest['other-base-urls'][emulator.url].assets)).toHaveLength(5)
  })

  it('a run that fails on one file still records every file it confirmed', async () => {
    const { emulator, ws } = await setup({ alwaysFail: ['img/photo.png'] })
    const run = await runAction({ workspace: ws, inputs: inputs(emulator), env: { NETIKS_RETRY_BASE_MS: '1' } })
    expect(run.exitCode).toBe(1)
    expect(JSON.parse(run.outputs.failed).map((f: { path: string }) => f.path)).toEqual(['docs/img/photo.png'])
    const manifest = await readManifest(ws)
    expect(Object.keys(manifest.assets)).toEqual([
      'docs/guide.html',
      'docs/img/logo.svg',
      'docs/index.html',
      'docs/old.html'
    ])
    expect(new Set(Object.values(manifest.assets).map(a => a.id))).toEqual(new Set(idsOf(run)))
  })

  posixOnly(it, NEEDS_SIGNALS)('a cancelled run records exactly what it confirmed', async () => {
    const emulator = await startEmulator({ latencyMs: 150 })
    const files: Record<string, string> = {}
    for (let i = 0; i < 80; i++) files[`docs/page-${String(i).padStart(2, '0')}.html`] = `page ${i}`
    const ws = await makeWorkspace(files)
    cleanups.push(
      () => emulator.close(),
      () => removeDir(ws)
    )
    let killed = false
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { concurrency: '2' }),
      onSpawn: child => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (!killed && chunk.toString().includes('✓ ')) {
            killed = true
            child.kill('SIGTERM')
          }
        })
      }
    })
    expect(run.exitCode).not.toBe(0)
    const confirmed = idsOf(run)
    expect(confirmed.length).toBeGreaterThan(0)
    expect(confirmed.length).toBeLessThan(80)
    const manifest = await readManifest(ws)
    expect(new Set(Object.values(manifest.assets).map(a => a.id))).toEqual(new Set(confirmed))
    expect(new Set(emulator.state().assets.map(a => a.id))).toEqual(new Set(confirmed))
  })

  it('dry-run lists what would be uploaded and what would be skipped, and writes nothing', async () => {
    const { emulator, ws } = await setup()
    await runAction({ workspace: ws, inputs: inputs(emulator) })
    const manifestBefore = await readFile(path.join(ws, MANIFEST), 'utf8')
    await writeFile(path.join(ws, 'docs/index.html'), '<h1>home, revised</h1>')
    const before = uploadRequests(emulator)
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { 'dry-run': 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(uploadRequests(emulator)).toEqual(before)
    expect(run.stdout).toContain('Would skip 4 files the manifest holds unchanged:')
    expect(run.stdout).toMatch(/^ {2}• docs\/guide\.html {2}\(asset [0-9a-f-]{36}\)$/m)
    expect(run.stdout).toContain('Would upload 1 file, 22 B:')
    expect(run.stdout).toContain('  • docs/index.html  22 B  text/html  as "index.html"')
    expect(run.outputs.count).toBe('0')
    expect(await readFile(path.join(ws, MANIFEST), 'utf8')).toBe(manifestBefore)
  })

  it('leaves the manifest itself out when the globs match it', async () => {
    const { emulator, ws } = await setup()
    const settings = inputs(emulator, { path: '.', manifest: 'docs/.netiks.json' })
    const first = await runAction({ workspace: ws, inputs: settings })
    expect(first.exitCode).toBe(0)
    const again = await runAction({ workspace: ws, inputs: settings })
    expect(again.stdout).toContain('Leaving out the manifest itself (docs/.netiks.json): it changes on every run.')
    // Hidden, but named as the manifest, not also counted among the hidden files left out.
    expect(again.stdout).not.toContain('hidden file')
    expect(again.outputs).toMatchObject({ 'uploaded-count': '0', 'skipped-count': '5' })
  })

  it('refuses a manifest path that is a directory, before any upload', async () => {
    const { emulator, ws } = await setup()
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { manifest: 'docs/img' }) })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::The manifest docs\/img is a directory\. Give the path of a JSON file/m)
    expect(uploadRequests(emulator)).toEqual({ upload: 0, generate: 0, put: 0, confirm: 0 })
  })
})

describe('the workspace as the root, and a manifest keyed by path', () => {
  const sent = (emulator: Emulator): number => {
    const { upload, put } = uploadRequests(emulator)
    return upload + put
  }

  it('with another working directory: globs, names, outputs and the manifest all start at the workspace', async () => {
    const { emulator, ws } = await setup()
    const elsewhere = await makeWorkspace({ 'docs/decoy.html': 'not ours', [MANIFEST]: '{"decoy": true}' })
    cleanups.push(() => removeDir(elsewhere))
    const settings = inputs(emulator, { path: '.' })
    const first = await runAction({ workspace: ws, cwd: elsewhere, inputs: settings })
    expect(first.exitCode).toBe(0)
    expect(assetsOf(first).map(asset => [asset.path, asset.name])).toEqual([
      ['docs/guide.html', 'docs/guide.html'],
      ['docs/img/logo.svg', 'docs/img/logo.svg'],
      ['docs/img/photo.png', 'docs/img/photo.png'],
      ['docs/index.html', 'docs/index.html'],
      ['docs/old.html', 'docs/old.html']
    ])
    expect(first.stdout).not.toContain('decoy')
    expect(first.stdout).not.toContain('::warning::')
    expect(Object.keys((await readManifest(ws)).assets)).toHaveLength(5)
    expect(await readFile(path.join(elsewhere, MANIFEST), 'utf8')).toBe('{"decoy": true}')

    const before = sent(emulator)
    const second = await runAction({ workspace: ws, cwd: elsewhere, inputs: settings })
    expect(second.stdout).toContain(`Leaving out the manifest itself (${MANIFEST}): it changes on every run.`)
    expect(second.outputs).toMatchObject({ count: '5', 'uploaded-count': '0', 'skipped-count': '5' })
    expect(sent(emulator)).toBe(before)
    expect(emulator.state().assets.map(asset => asset.asset_name)).not.toContain(MANIFEST)
  })

  it('a file outside the workspace: uploaded, reported with its absolute path, named in one warning', async () => {
    const { emulator, ws } = await setup()
    const outside = await makeWorkspace({ 'out/extra.txt': 'extra' })
    cleanups.push(() => removeDir(outside))
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { path: `docs/index.html\n${outside}/out`, 'asset-name': 'basename' })
    })
    expect(run.exitCode).toBe(0)
    const extra = slashes(path.join(outside, 'out/extra.txt'))
    expect(assetsOf(run).map(asset => asset.path)).toEqual([extra, 'docs/index.html'])
    const warnings = run.stdout.split('\n').filter(line => line.startsWith('::warning::'))
    expect(warnings).toEqual([
      `::warning::1 matched file outside the workspace (${ws}), reported with its absolute path: ${extra}`
    ])
    expect(Object.keys((await readManifest(ws)).assets)).toEqual([extra, 'docs/index.html'])
  })

  it('two app.zip in two folders under one base name: the second run sends nothing', async () => {
    const emulator = await startEmulator()
    const ws = await makeWorkspace({ 'linux/app.zip': 'linux build', 'mac/app.zip': 'mac build!' })
    cleanups.push(
      () => emulator.close(),
      () => removeDir(ws)
    )
    const settings = inputs(emulator, { path: 'linux\nmac', 'asset-name': 'basename' })
    const first = await runAction({ workspace: ws, inputs: settings })
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toMatch(/^::warning::linux\/app\.zip and mac\/app\.zip would all be uploaded as "app\.zip"/m)
    expect(sent(emulator)).toBe(2)
    const manifest = await readManifest(ws)
    expect(Object.keys(manifest.assets)).toEqual(['linux/app.zip', 'mac/app.zip'])
    expect(Object.values(manifest.assets).map(entry => entry.name)).toEqual(['app.zip', 'app.zip'])
    for (let run = 0; run < 2; run++) {
      const again = await runAction({ workspace: ws, inputs: settings })
      expect(again.outputs).toMatchObject({ 'uploaded-count': '0', 'skipped-count': '2' })
      expect(idsOf(again)).toEqual(idsOf(first))
    }
    expect(sent(emulator)).toBe(2)
    expect(emulator.state().assets).toHaveLength(2)
  })

  it('asset-name relative: a new folder next to the others sends that file alone and renames nothing', async () => {
    const emulator = await startEmulator()
    const ws = await makeWorkspace({ 'site/en/a.html': 'english a', 'site/en/b.html': 'english b' })
    cleanups.push(
      () => emulator.close(),
      () => removeDir(ws)
    )
    const settings = inputs(emulator, { path: 'site' })
    const first = await runAction({ workspace: ws, inputs: settings })
    expect(assetsOf(first).map(asset => asset.name)).toEqual(['en/a.html', 'en/b.html'])

    await writeFile(path.join(ws, 'site/de/a.html'), 'deutsch a').catch(async () => {
      await mkdir(path.join(ws, 'site/de'))
      await writeFile(path.join(ws, 'site/de/a.html'), 'deutsch a')
    })
    const before = sent(emulator)
    const second = await runAction({ workspace: ws, inputs: settings })
    expect(second.exitCode).toBe(0)
    expect(sent(emulator) - before).toBe(1)
    expect(assetsOf(second).map(asset => [asset.name, asset.skipped])).toEqual([
      ['de/a.html', false],
      ['en/a.html', true],
      ['en/b.html', true]
    ])
    expect(
      emulator
        .state()
        .assets.map(asset => asset.asset_name)
        .sort()
    ).toEqual(['de/a.html', 'en/a.html', 'en/b.html'])
  })

  it('a version 1 manifest (keyed by asset name): the next run sends nothing and writes version 2', async () => {
    const { emulator, ws } = await setup()
    const first = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(first.exitCode).toBe(0)
    // The same assets as version 1 recorded them: by the name sent, without a path. One more
    // entry names a file that is gone, and must not be forgotten.
    const v2 = await readManifest(ws)
    const v1Assets = Object.fromEntries(
      Object.values(v2.assets).map(({ name, ...entry }) => [name, entry] as const)
    ) as Record<string, unknown>
    v1Assets['gone.html'] = { ...(v1Assets['old.html'] as object), id: 'id-of-a-gone-file' }
    await writeFile(
      path.join(ws, MANIFEST),
      JSON.stringify({ version: 1, 'base-url': emulator.url, assets: v1Assets }, null, 2)
    )

    const before = sent(emulator)
    const second = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(second.exitCode).toBe(0)
    expect(sent(emulator)).toBe(before)
    expect(second.outputs).toMatchObject({ 'uploaded-count': '0', 'skipped-count': '5' })
    expect(idsOf(second)).toEqual(idsOf(first))
    expect(second.stdout).not.toContain('::warning::')
    expect(second.stdout).toContain(
      `The manifest ${MANIFEST} holds 6 version 1 entries (by asset name): 5 matched a file by name and sha256`
    )
    const migrated = await readManifest(ws)
    expect(migrated.version).toBe(2)
    expect(migrated.assets).toEqual(v2.assets)
    expect(Object.keys(migrated['v1-assets'] ?? {})).toEqual(['gone.html'])

    const third = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(third.outputs).toMatchObject({ 'uploaded-count': '0', 'skipped-count': '5' })
    expect(sent(emulator)).toBe(before)
  })

  it('a malformed entry: one warning naming it, the other entries used, no crash', async () => {
    const { emulator, ws } = await setup()
    await runAction({ workspace: ws, inputs: inputs(emulator) })
    const manifest = await readManifest(ws)
    delete (manifest.assets['docs/index.html'] as { uploaded_at?: string }).uploaded_at
    await writeFile(path.join(ws, MANIFEST), JSON.stringify(manifest))

    const before = sent(emulator)
    const run = await runAction({ workspace: ws, inputs: inputs(emulator) })
    expect(run.exitCode).toBe(0)
    const warnings = run.stdout.split('\n').filter(line => line.startsWith('::warning::'))
    expect(warnings).toEqual([
      `::warning::The manifest ${MANIFEST} has 1 malformed entry, ignored (its file is uploaded if matched): ` +
        '"docs/index.html" (uploaded_at is missing or invalid).'
    ])
    expect(sent(emulator) - before).toBe(1)
    expect(
      assetsOf(run)
        .filter(asset => !asset.skipped)
        .map(asset => asset.path)
    ).toEqual(['docs/index.html'])
    expect((await readManifest(ws)).assets['docs/index.html']).toMatchObject({ name: 'index.html' })
  })
})
