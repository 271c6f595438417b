/**
 * File names that try to become workflow commands, through the committed bundle. A docs tree
 * from a pull request can hold any of them. Each run's stdout is read as the runner reads it
 * (harness/workflow-commands.ts): the only commands in it must be the action's own, and the
 * files must still reach Netiks under their real names.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { workflowCommandsIn, type WorkflowCommand } from '../../harness/workflow-commands.js'
import { assetsOf, failedOf, makeWorkspace, removeDir, sha256, writeWorkspaceFile } from '../support/helpers.js'

/** Each name is legal on Linux; each would be a command if written first on a line, raw. */
const NAMES = [
  '::warning::pwned',
  '::add-mask::x',
  'nl\n::error::pwned',
  'literal%0A::error::pwned',
  'cr\r::stop-commands::pwned',
  'legacy ##[warning]pwned',
  'ls\u2028::error::pwned',
  'esc\u001b[2Khidden'
]
/** Fails on every attempt (the emulator answers 500), so its name reaches ↻ lines and ::error::. */
const FAILING = 'fails\n::error::pwned-too'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

async function setup(options: EmulatorOptions = {}): Promise<{ emulator: Emulator; ws: string }> {
  const emulator = await startEmulator(options)
  const ws = await makeWorkspace(
    Object.fromEntries([...NAMES, FAILING].map(name => [`docs/${name}`, `bytes of ${JSON.stringify(name)}`]))
  )
  cleanups.push(
    async () => await emulator.close(),
    async () => await removeDir(ws)
  )
  return { emulator, ws }
}

function inputs(emulator: Emulator, overrides: Record<string, string> = {}): Record<string, string> {
  return { 'api-key': emulator.apiKey, 'base-url': emulator.url, path: 'docs', retries: '1', ...overrides }
}

/** Commands the action means to write, and only with the data it means them to carry. */
function isOwn(command: WorkflowCommand, emulator: Emulator): boolean {
  if (command.form !== 'modern') return false
  const { name, properties, data } = command
  if (/[\r\n]/.test(data) || Object.values(properties).some(value => /[\r\n]/.test(value))) return false
  switch (name) {
    case 'add-mask':
      return data === emulator.apiKey
    case 'debug':
    case 'group':
    case 'endgroup':
      return true
    case 'notice':
      return properties.title === 'Netiks upload' || Object.keys(properties).length === 0
    case 'error':
      return /^Netiks [a-z-]+ failed$/.test(properties.title ?? '') || Object.keys(properties).length === 0
    default:
      return false
  }
}

function expectOnlyOwnCommands(run: ActionRun, emulator: Emulator): WorkflowCommand[] {
  const commands = workflowCommandsIn(run.stdout)
  expect(commands.filter(command => !isOwn(command, emulator)).map(command => command.line)).toEqual([])
  for (const forged of ['::warning::pwned', '::add-mask::x', '::error::pwned', '::stop-commands::', '##[warning]']) {
    expect(commands.some(command => command.line.startsWith(forged))).toBe(false)
  }
  return commands
}

/** Every name is on Netiks as it is on disk, with its bytes, and in the outputs as it is. */
function expectUploadedUnderRealNames(run: ActionRun, emulator: Emulator): void {
  const assets = assetsOf(run)
  expect(assets.map(asset => asset.name).sort()).toEqual([...NAMES].sort())
  expect(assets.map(asset => asset.path).sort()).toEqual(NAMES.map(name => `docs/${name}`).sort())
  const held = emulator.state().assets
  for (const asset of assets) {
    const record = held.find(candidate => candidate.id === asset.id)
    expect(record?.asset_name).toBe(asset.name)
    expect(record?.sha256).toBe(sha256(`bytes of ${JSON.stringify(asset.name)}`))
  }
}

describe('file names that try to become workflow commands', () => {
  it('bulk: confirmed, retried, failed, in progress and in the debug log, no name becomes a command', async () => {
    const { emulator, ws } = await setup({ alwaysFail: [FAILING], latencyMs: 150 })
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { manifest: '.netiks/manifest.json' }),
      env: {
        NETIKS_RETRY_BASE_MS: '1',
        NETIKS_PROGRESS_INTERVAL_MS: '50',
        ACTIONS_STEP_DEBUG: 'true',
        RUNNER_DEBUG: '1'
      }
    })
    expect(run.exitCode).toBe(1)
    const commands = expectOnlyOwnCommands(run, emulator)
    expectUploadedUnderRealNames(run, emulator)
    expect(failedOf(run)).toEqual([expect.objectContaining({ path: `docs/${FAILING}`, step: 'put' })])

    // Each kind of line names the files, escaped, after the action's own marker.
    expect(run.stdout).toContain('• docs/nl%0A::error::pwned (')
    expect(run.stdout).toContain('✓ docs/::warning::pwned (')
    expect(run.stdout).toContain('✓ docs/literal%250A::error::pwned (')
    expect(run.stdout).toContain('✓ docs/cr%0D::stop-commands::pwned (')
    expect(run.stdout).toContain('✓ docs/legacy ##%5Bwarning]pwned (')
    expect(run.stdout).toContain('✓ docs/ls%E2%80%A8::error::pwned (')
    expect(run.stdout).toContain('✓ docs/esc%1B[2Khidden (')
    expect(run.stdout).toContain('↻ docs/fails%0A::error::pwned-too: put ')
    expect(run.stdout).toMatch(/^↑ docs\//m)
    expect(run.stdout).not.toContain('\u001b')
    // The failure's annotation names the file on one line.
    const annotation = commands.find(command => command.properties.title === 'Netiks put failed')
    expect(annotation?.data).toMatch(/^docs\/fails%0A::error::pwned-too: put /)

    // The summary holds the names as text: no tag, no line break that would end its HTML.
    expect(run.summary).toContain('docs/nl%0A::error::pwned')
    expect(run.summary).toContain('docs/fails%0A::error::pwned-too')
    expect(run.summary).not.toMatch(/\n\s*\n[^\n]*::/)
    expect(run.summary).not.toContain('\u001b')

    // The manifest keeps the real names: a second run skips them, and says so safely.
    const manifest = await readFile(path.join(ws, '.netiks/manifest.json'), 'utf8')
    expect(manifest).toContain(JSON.stringify('nl\n::error::pwned'))
    const again = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { manifest: '.netiks/manifest.json' }),
      env: { NETIKS_RETRY_BASE_MS: '1' }
    })
    expect(again.exitCode).toBe(1)
    expectOnlyOwnCommands(again, emulator)
    expect(assetsOf(again).filter(asset => asset.skipped)).toHaveLength(NAMES.length)
    expect(again.stdout).toMatch(/^= docs\/nl%0A::error::pwned unchanged since /m)
  })

  it('dry run: the plan lists every name, escaped', async () => {
    const { emulator, ws } = await setup()
    const run = await runAction({ workspace: ws, inputs: inputs(emulator, { 'dry-run': 'true' }) })
    expect(run.exitCode).toBe(0)
    expectOnlyOwnCommands(run, emulator)
    expect(run.stdout).toContain('  • docs/::add-mask::x  ')
    expect(run.stdout).toContain('as "nl%0A::error::pwned"')
    expect(run.summary).toContain('::add-mask::x')
    expect(emulator.state().assets).toEqual([])
  })

  it('single mode, a file at the workspace root: the name is sent and recorded as it is', async () => {
    const { emulator, ws } = await setup()
    await writeWorkspaceFile(ws, '::warning::pwned', 'at the root')
    const run = await runAction({
      workspace: ws,
      inputs: inputs(emulator, { path: '::warning::pwned', mode: 'single' })
    })
    expect(run.exitCode).toBe(0)
    expectOnlyOwnCommands(run, emulator)
    expect(emulator.state().assets.map(asset => asset.asset_name)).toEqual(['::warning::pwned'])
    expect(assetsOf(run)).toEqual([expect.objectContaining({ path: '::warning::pwned', name: '::warning::pwned' })])
    expect(run.stdout).toMatch(/^• ::warning::pwned \(11 B, application\/octet-stream\) as "::warning::pwned"$/m)
    expect(run.stdout).toMatch(/^✓ ::warning::pwned \(11 B\) → asset /m)
  })
})
