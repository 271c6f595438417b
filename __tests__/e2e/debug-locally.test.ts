/**
 * CONTRIBUTING.md's "Debugging locally", as documented: @github/local-action runs src/main.ts from the
 * repository root with the committed .env.example, against an emulator (on a free port: the
 * only line of .env.example the test changes), and the emulator holds the files it names.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/server.js'
import { removeDir, sha256OfFile } from '../support/helpers.js'
import { REPO_ROOT } from '../../tools/readme-tables.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

const LOCAL_ACTION = path.join(REPO_ROOT, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js')

/** The environment of a shell on a developer's machine: no runner variables, Node 24 first on PATH. */
function developerEnv(runnerTemp: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|NETIKS_)/i.test(name))
  )
  const pathKey = Object.keys(env).find(name => name.toUpperCase() === 'PATH') ?? 'PATH'
  env[pathKey] = [path.join(REPO_ROOT, 'node_modules', '.bin'), env[pathKey]].join(path.delimiter)
  return { ...env, RUNNER_TEMP: runnerTemp }
}

/** Checked on Linux and macOS; local-action passes its arguments to npm through a shell unquoted. */
const describeOffWindows = process.platform === 'win32' ? describe.skip : describe
if (process.platform === 'win32') {
  console.warn(
    'SKIPPED on Windows: CONTRIBUTING.md documents local-action for Linux and macOS shells, where it is tested'
  )
}

describeOffWindows('npx local-action run . src/main.ts .env (CONTRIBUTING.md, "Debugging locally")', () => {
  it('uploads the files .env.example names to the emulator', async () => {
    const emulator: Emulator = await startEmulator()
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netiks-local-action-'))
    cleanups.push(
      () => emulator.close(),
      () => removeDir(dir)
    )
    const example = await readFile(path.join(REPO_ROOT, '.env.example'), 'utf8')
    expect(example).toMatch(/^INPUT_BASE-URL=http:\/\/127\.0\.0\.1:8787$/m)
    expect(example).toMatch(new RegExp(`^INPUT_API-KEY=${emulator.apiKey}$`, 'm'))
    const envFile = path.join(dir, '.env')
    await writeFile(envFile, example.replace(/^INPUT_BASE-URL=.*$/m, `INPUT_BASE-URL=${emulator.url}`))

    // Not spawnSync: the emulator answers from this process's event loop.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>(resolve => {
      execFile(
        process.execPath,
        [LOCAL_ACTION, 'run', '.', 'src/main.ts', envFile],
        { cwd: REPO_ROOT, env: developerEnv(dir), encoding: 'utf8', timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ status: error ? (error.code as number | null) : 0, stdout, stderr })
      )
    })
    expect([run.status, run.stderr]).toEqual([0, ''])
    expect(run.stdout).toContain('Running Action')
    expect(run.stdout).toMatch(/set-output name=count::2/)
    expect(run.stdout).not.toMatch(/::error::/)
    const held = emulator
      .state()
      .assets.map(asset => [asset.asset_name, asset.sha256])
      .sort()
    expect(held).toEqual([
      ['LICENSE', await sha256OfFile(path.join(REPO_ROOT, 'LICENSE'))],
      ['action.yml', await sha256OfFile(path.join(REPO_ROOT, 'action.yml'))]
    ])
    expect(emulator.state().requests).toMatchObject({ generate: 1, put: 2, confirm: 2 })
  })
})
