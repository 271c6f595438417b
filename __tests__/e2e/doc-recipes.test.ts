/**
 * The documented recipes for the assets file and the checksums file (docs/large-runs.md) work
 * as written: the commands are taken from the document's text (so that changing them there
 * changes what runs here) and run with bash over the files of a real run of the committed bundle against the
 * emulator, with a failed file and some possible duplicates among them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import type { Emulator } from '../../emulator/server.js'
import { REPO_ROOT, runAction, type ActionRun } from '../../harness/run-action.js'
import type { FileRecord } from '../../src/report/records.js'
import { Cleanups } from '../support/helpers.js'

/** Where the recipes are documented. */
const DOCUMENT = 'docs/large-runs.md'
const readme = await readFile(path.join(REPO_ROOT, DOCUMENT), 'utf8')

/** The `run:` script of the document's step with this name, from whichever ```yaml block holds it. */
function readmeStepScript(name: string): string {
  for (const [, block] of readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)) {
    const document = parse(block) as unknown
    const steps = Array.isArray(document) ? document : ((document as { steps?: unknown[] }).steps ?? [])
    for (const step of steps as Array<{ name?: string; run?: string }>) {
      if (step.name === name && step.run !== undefined) return step.run
    }
  }
  throw new Error(`${DOCUMENT} has no step named "${name}" with a run: script`)
}

/** The script's commands, one a line, without its comments. */
function commandsOf(script: string): string[] {
  return script
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

/** A command given inline in the document's prose, in backticks, that starts with `start`. */
function readmeInlineCommand(start: string): string {
  const found = [...readme.matchAll(/`([^`\n]+)`/g)].map(match => match[1]).filter(text => text.startsWith(start))
  if (found.length !== 1) throw new Error(`${DOCUMENT} should give one \`${start}…\` command, found ${found.length}`)
  return found[0]
}

const haveJq = spawnSync('jq', ['--version']).status === 0
if (!haveJq) console.warn('SKIPPED the documented jq recipes: jq is not installed (it is on GitHub-hosted runners).')
const haveTools = haveJq && process.platform !== 'win32'
if (haveJq && !haveTools) console.warn('SKIPPED the documented jq recipes: they are bash scripts for a Linux runner.')

/** Runs one line of a documented script as a GitHub-hosted runner runs `run:` (bash -eo pipefail). */
function bash(command: string, cwd: string, env: Record<string, string>): { status: number | null; stdout: string } {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8'
  })
  return { status: result.status, stdout: result.stdout }
}

function lines(text: string): string[] {
  return text.split('\n').filter(line => line !== '')
}

const FILES = 40

;(haveTools ? describe : describe.skip)(`${DOCUMENT}: reading the assets file and the checksums file`, () => {
  let emulator: Emulator
  let workspace: string
  let runnerTemp: string
  let run: ActionRun
  let records: FileRecord[]
  let env: Record<string, string>
  const cleanups = new Cleanups()

  beforeAll(async () => {
    const files: Record<string, string> = { 'site/x.txt': 'always refused' }
    for (let i = 0; i < FILES; i++) files[`site/page-${String(i).padStart(2, '0')}.html`] = `<p>${i}</p>`.repeat(i + 1)
    files['site/release/app-1.0.tar.gz'] = 'tarball'
    files['site/release/app-1.0.zip'] = 'zip'
    workspace = await cleanups.workspace(files)
    runnerTemp = await cleanups.tempDir('netiks-recipes-temp-')
    // x.txt fails for good; a third of the confirms commit and then answer 500, so that the
    // retry registers some files twice (possible_duplicate).
    emulator = await cleanups.emulator({
      alwaysFail: ['x.txt'],
      faults: { rate: 0.3, seed: 1313, endpoints: ['confirm'], kinds: ['commit-then-500'] }
    })
    run = await runAction({
      workspace,
      inputs: {
        'api-key': emulator.apiKey,
        'base-url': emulator.url,
        path: 'site',
        mode: 'bulk',
        'asset-name': 'relative',
        // Enough that no file fails from faults alone (0.3^11 per file), whatever the order
        // in which the confirms arrive.
        retries: '10'
      },
      env: { RUNNER_TEMP: runnerTemp, NETIKS_RETRY_BASE_MS: '20' }
    })
    records = JSON.parse(await readFile(run.outputs['assets-file'], 'utf8')) as FileRecord[]
    env = { ASSETS_FILE: run.outputs['assets-file'], CHECKSUMS_FILE: run.outputs['checksums-file'] }
  }, 120_000)

  afterAll(async () => await cleanups.run())

  const commands = commandsOf(readmeStepScript('Read the record'))

  it('the run has what the recipes look for: a failed file and possible duplicates', () => {
    expect(run.exitCode).toBe(1)
    expect(records).toHaveLength(FILES + 3)
    expect(records.filter(record => record.failure !== null).map(record => record.path)).toEqual(['site/x.txt'])
    expect(records.some(record => record.possible_duplicate)).toBe(true)
    expect(commands).toHaveLength(4)
  })

  it('the ids of held assets: every asset Netiks holds for the files, in path order', async () => {
    const result = bash(commands[0], workspace, env)
    expect(result.status).toBe(0)
    const ids = lines(await readFile(path.join(workspace, 'asset-ids.txt'), 'utf8'))
    expect(ids).toEqual(records.filter(record => record.failure === null).map(record => record.id))
    expect(ids).toHaveLength(FILES + 2)
    const held = new Set(emulator.state().assets.map(asset => asset.id))
    for (const id of ids) expect(held.has(id)).toBe(true)
    expect(ids).toEqual(JSON.parse(run.outputs['asset-ids']))
  })

  it('the failed files and why', () => {
    const result = bash(commands[1], workspace, env)
    expect(result.status).toBe(0)
    const failure = records.find(record => record.path === 'site/x.txt')!.failure!
    expect(lines(result.stdout)).toEqual([`site/x.txt: ${failure.step} ${failure.status ?? '-'} ${failure.message}`])
    expect(result.stdout).toMatch(/^site\/x\.txt: put 500 /)
  })

  it('the possible duplicates', () => {
    const result = bash(commands[2], workspace, env)
    expect(result.status).toBe(0)
    const expected = records.filter(record => record.possible_duplicate).map(record => `${record.path} ${record.id}`)
    expect(expected.length).toBeGreaterThan(0)
    expect(lines(result.stdout)).toEqual(expected)
  })

  it('sha256sum -c from the workspace: passes as uploaded, fails once a file is changed', async () => {
    expect(commands[3]).toMatch(/^sha256sum /)
    expect(bash(commands[3], workspace, env)).toEqual({ status: 0, stdout: '' })
    await writeFile(path.join(workspace, 'site/page-03.html'), 'changed since')
    const changed = bash(commands[3], workspace, env)
    expect(changed.status).not.toBe(0)
    expect(changed.stdout).toMatch(/^site\/page-03\.html: FAILED$/m)
  })

  it('the release archives only, for attest-build-provenance past its limits', async () => {
    const command = readmeInlineCommand('grep -E ')
    expect(bash(command, workspace, env).status).toBe(0)
    const kept = lines(await readFile(path.join(workspace, 'release.sha256'), 'utf8'))
    expect(kept.map(line => line.replace(/^[0-9a-f]{64} {2}/, ''))).toEqual([
      'site/release/app-1.0.tar.gz',
      'site/release/app-1.0.zip'
    ])
  })
})
