/**
 * `npm run try -- PATTERN… [--<input> VALUE]…`, the one command that tries the action on your
 * own files against the emulator (README, "Try it on your own files"): spawned as npm spawns
 * it, from a folder of the user's, it runs the committed bundle and says what it uploaded.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { REPO_ROOT } from '../../harness/run-action.js'
import { Cleanups, removeDir, sha256 } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const TSX = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

interface TryRun {
  status: number | null
  stdout: string
  stderr: string
}

/** What `npm run try -- …args` runs, from `cwd` (npm passes that folder as INIT_CWD). */
async function npmRunTry(cwd: string, args: string[]): Promise<TryRun> {
  const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  expect(pkg.scripts.try).toBe('tsx demo/try.ts')
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_|RUNNER_|NETIKS_)/i.test(name))
  )
  const run = await new Promise<TryRun>(resolve => {
    execFile(
      process.execPath,
      [TSX, path.join(REPO_ROOT, 'demo', 'try.ts'), ...args],
      { cwd: REPO_ROOT, env: { ...env, INIT_CWD: cwd }, encoding: 'utf8', timeout: 90_000 },
      (error, stdout, stderr) => resolve({ status: error ? (error.code as number | null) : 0, stdout, stderr })
    )
  })
  const runnerTemp = /RUNNER_TEMP (\S+) \(kept/.exec(run.stdout)?.[1]
  if (runnerTemp) cleanups.defer(() => removeDir(runnerTemp))
  return run
}

/** The record files the run kept, read from the paths its outputs printed. */
async function assetsFileOf(run: TryRun): Promise<Array<{ path: string; name: string; sha256: string }>> {
  const file = /^assets-file: (.+)$/m.exec(run.stdout)?.[1]
  expect(file).toBeDefined()
  return JSON.parse(await readFile(file!, 'utf8')) as Array<{ path: string; name: string; sha256: string }>
}

const SITE = { 'site/index.html': '<h1>home</h1>', 'site/img/logo.svg': '<svg/>', 'notes.txt': 'not matched' }

describe('npm run try', () => {
  it("uploads the folder's files from the folder npm ran in, and shows the log, outputs and summary", async () => {
    const folder = await cleanups.workspace(SITE)
    const run = await npmRunTry(folder, ['site', '--asset-name', 'relative', '--mode', 'bulk'])
    expect([run.status, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toContain(`Workspace ${folder}`)
    expect(run.stdout).toMatch(/^✓ site\/img\/logo\.svg \(6 B\) → asset /m)
    expect(run.stdout).toMatch(/^count: 2$/m)
    expect(run.stdout).toMatch(/^failed: \[\]$/m)
    expect(run.stdout).toContain('── Job summary ──')
    expect(run.stdout).toContain('The emulator holds 2 of the 2 assets uploaded in this run with the sha256')
    expect(run.stdout).toContain('"generate":1,"put":2,"confirm":2')
    expect(run.stdout).toContain('The action exited with 0.')
    expect(run.stdout).not.toContain('::debug::')
    const records = await assetsFileOf(run)
    expect(records.map(record => [record.path, record.name, record.sha256])).toEqual([
      ['site/img/logo.svg', 'img/logo.svg', sha256(SITE['site/img/logo.svg'])],
      ['site/index.html', 'index.html', sha256(SITE['site/index.html'])]
    ])
  })

  it('passes switches and globs as inputs: a dry run against --workspace sends nothing', async () => {
    const folder = await cleanups.workspace(SITE)
    const run = await npmRunTry(REPO_ROOT, ['--workspace', folder, 'site/**/*.svg', '--dry-run'])
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`Workspace ${folder}`)
    expect(run.stdout).toContain('logo.svg')
    expect(run.stdout).not.toContain('index.html')
    expect(run.stdout).toMatch(/Dry run: 1 file .* Nothing was uploaded\./)
    expect(run.stdout).toContain('{"upload":0,"generate":0,"put":0,"confirm":0,"other":0}')
  })

  it("exits as the action did when the action fails, with the action's error", async () => {
    const folder = await cleanups.workspace(SITE)
    const run = await npmRunTry(folder, ['nothing-here'])
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^::error::No files were found with the provided path: nothing-here/m)
    expect(run.stdout).toContain('The action exited with 1.')
  })

  it('refuses what is not an input or a pattern, with the usage, before starting anything', async () => {
    const folder = await cleanups.workspace(SITE)
    const unknown = await npmRunTry(folder, ['site', '--base-url', 'https://example.com'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/^npm run try: Unknown option '--base-url'/)
    expect(unknown.stderr).toContain('Usage: npm run try -- ')
    expect(unknown.stdout).toBe('')
    const none = await npmRunTry(folder, ['--mode', 'bulk'])
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('Name at least one PATTERN')
    const faults = await npmRunTry(folder, ['site', '--faults', 'rate=2'])
    expect(faults.status).toBe(2)
    expect(faults.stderr).toMatch(/^npm run try: --faults: /)
  })
})
