/**
 * What a user sees in the run page, through the committed bundle: groups, per-file lines,
 * progress for long transfers, the closing notice, the job summary, dry runs and asset names.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { runAction } from '../../harness/run-action.js'
import { EMPTY_OUTPUTS, makeWorkspace, removeDir, writeRandomFile } from '../support/helpers.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

async function setup(options: EmulatorOptions = {}, files: Record<string, string> = TREE) {
  const emulator = await startEmulator(options)
  const ws = await makeWorkspace(files)
  cleanups.push(
    () => emulator.close(),
    () => removeDir(ws)
  )
  return { emulator, ws }
}

const TREE = {
  'out/linux/app.zip': 'linux',
  'out/mac/app.zip': 'mac',
  'out/docs/index.html': '<h1>docs</h1>',
  'out/docs/img/logo.svg': '<svg/>',
  'out/notes.txt': 'notes'
}

function inputs(emulator: Emulator, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': emulator.apiKey,
    path: 'out',
    mode: 'auto',
    'base-url': emulator.url,
    concurrency: '4',
    'if-no-files-found': 'error',
    retries: '1',
    'fail-fast': 'false',
    'dry-run': 'false',
    'asset-name': 'basename',
    ...overrides
  }
}

describe('the log', () => {
  it('puts each phase in a group, a line per confirmed file, and ends with a notice', async () => {
    const { emulator, ws } = await setup()
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { 'asset-name': 'relative' }) })
    expect(run.exitCode).toBe(0)
    const lines = run.stdout.split('\n')
    const groups = lines.filter(line => line.startsWith('::group::'))
    expect(groups).toEqual([
      '::group::Resolve files',
      expect.stringMatching(
        /^::group::Upload 5 files \(.*\) to http:\/\/127\.0\.0\.1:\d+ in bulk mode \(mode: auto, 5 files\), 4 at a time$/
      )
    ])
    expect(lines.filter(line => line === '::endgroup::')).toHaveLength(2)
    expect(lines.filter(line => line.startsWith('✓ '))).toHaveLength(5)
    expect(run.stdout).toContain('• out/docs/img/logo.svg (6 B, image/svg+xml) as "docs/img/logo.svg"')
    expect(run.stdout).toMatch(
      /^::notice title=Netiks upload::5 assets uploaded to Netiks, 32 B in \d+\.\d s \([\d.]+ [KM]?i?B\/s\)\.$/m
    )
  })

  it('reports a long transfer about every interval, never per chunk', async () => {
    const { emulator, ws } = await setup({ throttleBytesPerSecond: 4 * 1024 * 1024 }, {})
    await writeRandomFile(`${ws}/big/big.bin`, 6 * 1024 * 1024)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { path: 'big' }),
      env: { NETIKS_PROGRESS_INTERVAL_MS: '400' }
    })
    expect(run.exitCode).toBe(0)
    const progress = run.stdout.split('\n').filter(line => line.startsWith('↑ '))
    expect(progress.length).toBeGreaterThanOrEqual(1)
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(run.durationMs / 400) + 1)
    // Sending, or (on a busy machine, already at the first interval) sent and waiting for the answer.
    expect(progress[0]).toMatch(
      /^↑ big\/big\.bin: (\d+% of 6\.0 MiB, [\d.]+ MiB\/s, about [\d.]+ s left|100% of 6\.0 MiB sent in [\d.]+ s, waiting for the server's answer)$/
    )
  })
})

describe('asset names', () => {
  it('relative: Netiks gets each path below the common root of the matches', async () => {
    const { emulator, ws } = await setup()
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { 'asset-name': 'relative' }) })
    expect(run.exitCode).toBe(0)
    expect(
      emulator
        .state()
        .assets.map(a => a.asset_name)
        .sort()
    ).toEqual(['docs/img/logo.svg', 'docs/index.html', 'linux/app.zip', 'mac/app.zip', 'notes.txt'].sort())
    expect(JSON.parse(run.outputs.assets).map((a: { name: string }) => a.name)).toEqual([
      'docs/img/logo.svg',
      'docs/index.html',
      'linux/app.zip',
      'mac/app.zip',
      'notes.txt'
    ])
    expect(run.stdout).not.toMatch(/::warning::/)
  })

  it('basename: two files of one base name get a warning that names both', async () => {
    const { emulator, ws } = await setup()
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { mode: 'single' }) })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /^::warning::out\/linux\/app\.zip and out\/mac\/app\.zip would all be uploaded as "app\.zip".*asset-name: relative/m
    )
    expect(emulator.state().assets.filter(a => a.asset_name === 'app.zip')).toHaveLength(2)
  })
})

describe('dry-run', () => {
  it('prints the plan, uploads nothing, and sets count to 0', async () => {
    const { emulator, ws } = await setup()
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { 'dry-run': 'true' }) })
    expect(run.exitCode).toBe(0)
    expect(emulator.state().requests).toMatchObject({ upload: 0, generate: 0, put: 0, confirm: 0 })
    expect(run.outputs).toMatchObject(EMPTY_OUTPUTS)
    expect(run.stdout).toContain('Dry run: nothing will be uploaded.')
    expect(run.stdout).toMatch(/^Mode: bulk \(mode: auto, 5 files\); 4 files at a time; base-url http/m)
    expect(run.stdout).toContain('  • out/docs/img/logo.svg  6 B  image/svg+xml  as "logo.svg"')
    expect(run.stdout).toContain('Requests: 1 generate call, then one PUT and one confirm per file:')
    expect(run.stdout).toContain('  batch 1: files 1–5 (32 B)')
    expect(run.stdout).toMatch(/^::notice::Dry run: 5 files \(32 B\) would be uploaded to Netiks in bulk mode\./m)
    expect(run.summary).toContain('Netiks upload (dry run)')
    expect(run.summary).toContain('logo.svg')
  })

  it('needs no api-key: a plan needs no credentials, and the same plan is printed', async () => {
    const { emulator, ws } = await setup()
    const { 'api-key': _key, ...noKey } = inputs(emulator, { 'dry-run': 'true' })
    const run = await runAction({ workspace: ws, inputs: noKey })
    expect([run.exitCode, run.stderr]).toEqual([0, ''])
    expect(emulator.state().requests).toMatchObject({ upload: 0, generate: 0, put: 0, confirm: 0 })
    expect(run.outputs).toMatchObject(EMPTY_OUTPUTS)
    expect(run.stdout).toMatch(/^Mode: bulk \(mode: auto, 5 files\); 4 files at a time; base-url http/m)
    expect(run.stdout).toMatch(/^::notice::Dry run: 5 files \(32 B\) would be uploaded to Netiks in bulk mode\./m)
    expect(run.stdout).not.toContain('::error::')
  })

  it('still checks a key it is given, and a run that uploads still needs one', async () => {
    const { emulator, ws } = await setup()
    const badKey = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { 'dry-run': 'true', 'api-key': 'ne-abc def' })
    })
    expect(badKey.exitCode).toBe(1)
    expect(badKey.stdout).toMatch(/^::error::Input 'api-key' contains white space/m)
    const { 'api-key': _key, ...noKey } = inputs(emulator)
    const upload = await runAction({ workspace: ws, inputs: noKey })
    expect(upload.exitCode).toBe(1)
    expect(upload.stdout).toMatch(/^::error::Input 'api-key' is empty\..*set "dry-run: true" to see the plan/m)
    expect(emulator.state().requests).toMatchObject({ upload: 0, generate: 0, put: 0, confirm: 0 })
  })
})

describe('the job summary', () => {
  it('lists every confirmed asset with a link, the totals, and what was not uploaded', async () => {
    const { emulator, ws } = await setup({ alwaysFail: ['notes.txt'] })
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { retries: '0' }),
      env: { NETIKS_RETRY_BASE_MS: '1' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toMatch(/<a href="http:\/\/127\.0\.0\.1:\d+\/storage\/[^"]+app\.zip">[0-9a-f-]{36}<\/a>/)
    // Totals first, then what was not uploaded grouped by cause, then the assets.
    expect(run.summary).toContain(
      '<th>Uploaded</th><th>Skipped (unchanged)</th><th>Not uploaded</th><th>Bytes</th><th>Duration</th>'
    )
    expect(run.summary).toMatch(/<tr><td>4<\/td><td>0<\/td><td>1<\/td>/)
    expect(run.summary).toContain('<h3>Not uploaded: 1 file</h3>')
    expect(run.summary).toMatch(
      /<tr><td>1<\/td><td>put<\/td><td>500<\/td><td>[^<]*‹url›[^<]*<\/td><td><code>out\/notes\.txt<\/code><\/td><\/tr>/
    )
    expect(run.summary.indexOf('Not uploaded:')).toBeLessThan(run.summary.indexOf('<h3>Assets</h3>'))
  })

  it('is written when the run stops on bad input too', async () => {
    const { emulator, ws } = await setup()
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { concurrency: '100' }) })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain("Nothing was uploaded: Input 'concurrency' must be a whole number from 1 to 64")
  })
})
