/**
 * The manifest as a hostile or careless workspace may give it, through the committed bundle
 * run as a runner runs it, against the emulator: what the file holds never reaches the log; a
 * manifest that cannot be read or replaced is refused before any request (in a dry run too);
 * entries made on another base-url, and a manifest of a newer version, are left as they are.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmod, lstat, mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { Cleanups, NEEDS_MODE_BITS, posixOnly } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const DOCS: Record<string, string> = {
  'docs/index.html': '<h1>home</h1>',
  'docs/guide.html': '<h1>guide</h1>',
  'docs/img/logo.svg': '<svg/>'
}
const MANIFEST = '.netiks/manifest.json'
const SECRET = 'ghp_SuperSecretToken0123456789abcdefABCD'
const NO_REQUEST = { upload: 0, generate: 0, put: 0, confirm: 0 }

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

function requests(emulator: Emulator) {
  const { upload, generate, put, confirm } = emulator.state().requests
  return { upload, generate, put, confirm }
}

/** Everything a run let out: the log, its errors, the outputs and the job summary. */
const everythingSaid = (run: ActionRun): string =>
  [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n')

/** The one ::error:: of a refused run, which made no request and printed no stack trace. */
function refusal(run: ActionRun, emulator: Emulator): string {
  expect(run.exitCode).toBe(1)
  expect(run.signal).toBeNull()
  const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
  expect(errors).toHaveLength(1)
  expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
  expect(requests(emulator)).toEqual(NO_REQUEST)
  return errors[0]
}

/** The run, killed if it has not ended after a minute: a run that waits on a FIFO would hold the test for ever. */
async function runGuarded(ws: string, runInputs: Record<string, string>, unprivileged = false): Promise<ActionRun> {
  let timer: NodeJS.Timeout | undefined
  try {
    return await runAction({
      workspace: ws,
      inputs: runInputs,
      unprivileged,
      onSpawn: child => (timer = setTimeout(() => child.kill('SIGKILL'), 60_000))
    })
  } finally {
    clearTimeout(timer)
  }
}

describe('what the manifest holds never reaches the log (issue 23, point 4)', () => {
  it('a manifest that is a link to a token file: one ::error:: that says where it departs from JSON, nothing of it', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    const secrets = await cleanups.tempDir('netiks-secrets-')
    await writeFile(path.join(secrets, 'token'), `${SECRET}\n`)
    await mkdir(path.join(ws, '.netiks'))
    await symlink(path.join(secrets, 'token'), path.join(ws, MANIFEST))
    for (const dryRun of ['false', 'true']) {
      const run = await runGuarded(ws, inputs(emulator, { 'dry-run': dryRun }))
      expect(everythingSaid(run)).not.toMatch(/ghp_|SuperS/)
      expect(refusal(run, emulator)).toBe(
        '::error::The manifest .netiks/manifest.json is not valid JSON: it departs from JSON at byte 0 (line 1); ' +
          'it was left as it is, and nothing was uploaded. Fix it, or delete it to start a new manifest ' +
          '(every matched file is then uploaded again once).'
      )
      // Left as it was: still the link, and the token file untouched.
      expect((await lstat(path.join(ws, MANIFEST))).isSymbolicLink()).toBe(true)
      expect(await readFile(path.join(secrets, 'token'), 'utf8')).toBe(`${SECRET}\n`)
    }
  })

  it.each([
    [
      'a version that is a secret',
      JSON.stringify({ version: SECRET, 'base-url': 'x' }),
      /has a "version" that is not a number/
    ],
    ['a base-url that is a secret object', JSON.stringify({ version: 2, 'base-url': { SECRET } }), /has no "base-url"/],
    [
      'assets that are a secret',
      JSON.stringify({ version: 2, 'base-url': 'x', assets: SECRET }),
      /has "assets" at its top/
    ],
    [
      'a string of 2 MiB',
      JSON.stringify({ version: `${SECRET}${'x'.repeat(2 * 1024 * 1024)}` }),
      /has a "version" that is not a number/
    ],
    ['a secret after valid JSON', `{}\n${SECRET}\n`, /is not valid JSON: it departs from JSON at byte 3 \(line 2\)/],
    ['a secret as a bare value', `{"version": 2, "base-url": ${SECRET}}`, /departs from JSON at byte 27 \(line 1\)/]
  ])('a manifest with %s: refused, and nothing of it said', async (_name, content, error) => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace({ ...DOCS, [MANIFEST]: content })
    const run = await runGuarded(ws, inputs(emulator))
    expect(everythingSaid(run)).not.toMatch(/ghp_|SuperS|xxxxxxxx/)
    expect(refusal(run, emulator)).toMatch(error)
    expect(await readFile(path.join(ws, MANIFEST), 'utf8')).toBe(content)
  })

  it('entries whose values would forge a workflow command or flood the log: ignored, named by path, never printed', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    const first = await runGuarded(ws, inputs(emulator))
    expect(first.exitCode).toBe(0)
    const manifest = JSON.parse(await readFile(path.join(ws, MANIFEST), 'utf8'))
    manifest.assets['docs/index.html'].id = 'abc\n::error::injected'
    manifest.assets['docs/guide.html'].uploaded_at = `${SECRET}${'x'.repeat(100_000)}`
    await writeFile(path.join(ws, MANIFEST), JSON.stringify(manifest, null, 2))
    const before = requests(emulator)
    const run = await runGuarded(ws, inputs(emulator))
    expect(run.exitCode).toBe(0)
    const warnings = run.stdout.split('\n').filter(line => line.startsWith('::warning'))
    expect(warnings).toEqual([
      '::warning::The manifest .netiks/manifest.json has 2 malformed entries, ignored (their files are uploaded if ' +
        'matched): "docs/guide.html" (uploaded_at is missing or invalid), "docs/index.html" (id is missing or invalid).'
    ])
    expect(run.stdout).not.toMatch(/^::error::injected/m)
    expect(everythingSaid(run)).not.toMatch(/ghp_|xxxxxxxx|injected/)
    // The two are sent again, and their entries rewritten; the third is skipped.
    expect(run.outputs).toMatchObject({ 'uploaded-count': '2', 'skipped-count': '1' })
    expect(requests(emulator).upload + requests(emulator).put - before.upload - before.put).toBe(2)
  })
})

describe('a manifest that cannot be read or replaced is refused before any request (point 8)', () => {
  posixOnly(it, NEEDS_MODE_BITS)('a FIFO: refused at once, not opened, in a dry run too', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    await mkdir(path.join(ws, '.netiks'))
    execFileSync('mkfifo', [path.join(ws, MANIFEST)])
    for (const dryRun of ['false', 'true']) {
      const run = await runGuarded(ws, inputs(emulator, { 'dry-run': dryRun }))
      expect(refusal(run, emulator)).toBe(
        '::error::The manifest .netiks/manifest.json is a FIFO, not a regular file: it was not read. ' +
          'Give the path of a JSON file the action may replace, such as .netiks/manifest.json.'
      )
      expect((await lstat(path.join(ws, MANIFEST))).isFIFO()).toBe(true)
    }
  })

  posixOnly(it, NEEDS_MODE_BITS)('a link to a device: refused, not read', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    await mkdir(path.join(ws, '.netiks'))
    await symlink('/dev/zero', path.join(ws, MANIFEST))
    const run = await runGuarded(ws, inputs(emulator))
    expect(refusal(run, emulator)).toMatch(
      /^::error::The manifest \.netiks\/manifest\.json is a character device, not a regular file/
    )
  })

  it('a file larger than any manifest: refused before a byte of it is read', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    await mkdir(path.join(ws, '.netiks'))
    // Sparse: 300 MiB that take no room, but would take seconds and gigabytes to read as JSON.
    await writeFile(path.join(ws, MANIFEST), '')
    await truncate(path.join(ws, MANIFEST), 300 * 1024 * 1024)
    for (const dryRun of ['false', 'true']) {
      const run = await runGuarded(ws, inputs(emulator, { 'dry-run': dryRun }))
      expect(refusal(run, emulator)).toMatch(
        /^::error::The manifest \.netiks\/manifest\.json is 300\.0 MiB, larger than any manifest \(at most 256\.0 MiB; 100,000 entries take some 40 MB\): it was not read\. Check that 'manifest' names the action's own manifest/
      )
    }
  })

  posixOnly(it, NEEDS_MODE_BITS)(
    'a folder the job may not write in: refused before the uploads, not after',
    async () => {
      const emulator = await cleanups.emulator()
      const ws = await cleanups.workspace(DOCS)
      await chmod(ws, 0o755)
      await mkdir(path.join(ws, '.netiks'), { mode: 0o755 })
      for (const [manifest, dryRun] of [
        [MANIFEST, 'false'],
        ['.netiks/missing/deeper/manifest.json', 'false'],
        [MANIFEST, 'true']
      ]) {
        // As the runner's user, the workspace is the job's own; only the manifest's folder is not.
        await chmod(path.join(ws, '.netiks'), 0o555)
        const run = await runGuarded(ws, inputs(emulator, { manifest, 'dry-run': dryRun }), true)
        await chmod(path.join(ws, '.netiks'), 0o755)
        expect(refusal(run, emulator)).toMatch(
          new RegExp(
            `^::error::The manifest ${manifest.replace(/[./]/g, '\\$&')} cannot be written: this job may not write in ` +
              '/.*/\\.netiks \\(EACCES\\), so the next run would upload every file again; nothing was uploaded\\. ' +
              'Make that folder writable for the job'
          )
        )
      }
    }
  )

  it('a path through a file: refused, saying the path cannot be reached', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    const run = await runGuarded(ws, inputs(emulator, { manifest: 'docs/index.html/manifest.json' }))
    expect(refusal(run, emulator)).toMatch(
      /^::error::The manifest docs\/index\.html\/manifest\.json cannot be reached \(ENOTDIR\)\. Check that the path/
    )
  })
})

describe('entries belong to the base-url they were made on (point 9)', () => {
  it('runs against two base-urls in turn keep each one’s entries: no file is sent twice to either', async () => {
    const prod = await cleanups.emulator()
    const staging = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    const manifestText = async () => await readFile(path.join(ws, MANIFEST), 'utf8')

    expect((await runGuarded(ws, inputs(prod))).outputs['uploaded-count']).toBe('3')
    const prodOnly = JSON.parse(await manifestText())

    const onStaging = await runGuarded(ws, inputs(staging))
    expect(onStaging.exitCode).toBe(0)
    expect(onStaging.stdout).not.toContain('::warning::')
    expect(onStaging.outputs['uploaded-count']).toBe('3')
    const both = JSON.parse(await manifestText())
    // Prod's entries where they were, as they were; staging's beside them.
    expect({ ...both, 'other-base-urls': undefined }).toEqual({ ...prodOnly, 'other-base-urls': undefined })
    expect(Object.keys(both['other-base-urls'])).toEqual([staging.url])
    expect(Object.keys(both['other-base-urls'][staging.url].assets)).toEqual(Object.keys(prodOnly.assets))

    for (const [emulator, label] of [
      [prod, 'prod'],
      [staging, 'staging']
    ] as const) {
      const before = requests(emulator)
      const again = await runGuarded(ws, inputs(emulator))
      expect([label, again.exitCode, again.outputs['skipped-count']]).toEqual([label, 0, '3'])
      expect([label, requests(emulator)]).toEqual([label, before])
      expect(again.stdout).toMatch(/The entries it holds for 1 other base-url are kept as they are/)
      expect(JSON.parse(await manifestText())).toEqual(both)
    }
    expect(prod.state().assets).toHaveLength(3)
    expect(staging.state().assets).toHaveLength(3)
  })

  it('a manifest of a newer version: left as it is, byte for byte, and the run fails before any request', async () => {
    const emulator = await cleanups.emulator()
    const newer = JSON.stringify({ version: 3, sites: { [emulator.url]: { 'docs/index.html': {} } } }, null, 2)
    const ws = await cleanups.workspace({ ...DOCS, [MANIFEST]: newer })
    for (const dryRun of ['false', 'true']) {
      const run = await runGuarded(ws, inputs(emulator, { 'dry-run': dryRun }))
      expect(refusal(run, emulator)).toBe(
        '::error::The manifest .netiks/manifest.json has version 3, which this action does not know (it reads ' +
          'versions 1 and 2); it was left as it is, and nothing was uploaded. A newer release of ' +
          'netiks/upload-action wrote it: run that release, or a newer one, with this manifest.'
      )
      expect(await readFile(path.join(ws, MANIFEST), 'utf8')).toBe(newer)
    }
  })

  it('a dry run against another base-url says what a run would do, and writes nothing', async () => {
    const prod = await cleanups.emulator()
    const staging = await cleanups.emulator()
    const ws = await cleanups.workspace(DOCS)
    await runGuarded(ws, inputs(prod))
    const text = await readFile(path.join(ws, MANIFEST), 'utf8')
    const run = await runGuarded(ws, inputs(staging, { 'dry-run': 'true' }))
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /holds no entries made on http:\/\/127\.0\.0\.1:\d+ yet: every file will be uploaded, and its entries added after the run\. The entries it holds for 1 other base-url are kept as they are/
    )
    expect(run.stdout).toContain('Would upload 3 files')
    expect(requests(staging)).toEqual(NO_REQUEST)
    expect(await readFile(path.join(ws, MANIFEST), 'utf8')).toBe(text)
  })
})
