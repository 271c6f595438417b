/**
 * npm run try -- [--<input> VALUE]… [--faults SPEC] [--port N] [--workspace DIR] PATTERN…
 *
 * The action on your own files, against the local Netiks emulator, in one command: starts the
 * emulator on 127.0.0.1, runs the committed bundle as a runner would (`node dist/index.js`
 * under Node 24, INPUT_* for the inputs, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * RUNNER_TEMP), streams its log, then prints its outputs and job summary and checks that the
 * emulator holds every asset it reported with the sha256 it reported.
 *
 * Each PATTERN is a line of the `path` input. The workspace is the folder npm was started
 * from (INIT_CWD), or --workspace. Every input of action.yml but base-url is a flag of the
 * same name (`--mode bulk`, `--asset-name relative`; a true/false input is a switch:
 * `--dry-run`, `--no-fail-fast`); api-key defaults to the emulator's.
 */
import { readFile, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { parse } from 'yaml'
import { parseFaultSpec } from '../emulator/faults.js'
import { startEmulator, type Emulator } from '../emulator/server.js'
import { REPO_ROOT, runAction, type ActionRun } from '../harness/run-action.js'

interface ActionYml {
  inputs: Record<string, { default?: string }>
}

/** Given by the emulator: trying the action against anything else is not what this is for. */
const FIXED_INPUTS = new Set(['base-url', 'path'])
/** Lists longer than this are cut on the console; the assets file keeps every record. */
const SHOWN_CHARS = 2000

class UsageError extends Error {}

interface TryOptions {
  workspace: string
  inputs: Record<string, string>
  faults?: ReturnType<typeof parseFaultSpec>
  port: number
}

interface AssetRecord {
  path: string
  id: string | null
  sha256: string | null
  skipped: boolean
}

function usage(inputNames: string[]): string {
  return [
    'Usage: npm run try -- [--<input> VALUE]… [--faults SPEC] [--port N] [--workspace DIR] PATTERN…',
    '',
    'Uploads the files PATTERN matches (a folder, a file or a glob; quote globs) to a local Netiks',
    'emulator with the committed dist/index.js, as a runner would, and prints the outputs and summary.',
    '',
    '  PATTERN           a line of the path input, relative to the workspace or absolute; !PATTERN excludes',
    '  --workspace DIR   GITHUB_WORKSPACE (default: the folder you ran npm from)',
    '  --faults SPEC     faults the emulator injects, e.g. rate=0.2,seed=7 (see docs/emulator.md)',
    '  --port N          the emulator port (default: a free one; keep one to reuse a manifest)',
    `  --<input>         any input of action.yml: ${inputNames.join(', ')}`,
    '                    true/false inputs are switches: --dry-run, --no-fail-fast'
  ].join('\n')
}

async function readInputs(): Promise<ActionYml['inputs']> {
  const action = parse(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
  return action.inputs
}

function isSwitch(input: { default?: string }): boolean {
  return input.default === 'true' || input.default === 'false'
}

function parseTryArgs(argv: string[], inputs: ActionYml['inputs'], initCwd: string): TryOptions {
  const flags = Object.keys(inputs).filter(name => !FIXED_INPUTS.has(name))
  const options: NonNullable<ParseArgsConfig['options']> = {
    workspace: { type: 'string' },
    faults: { type: 'string' },
    port: { type: 'string' }
  }
  for (const name of flags) options[name] = { type: isSwitch(inputs[name]) ? 'boolean' : 'string' }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, allowNegative: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  if (positionals.length === 0) throw new UsageError('Name at least one PATTERN: a folder, a file or a glob.')
  const given: Record<string, string> = {}
  for (const name of flags) {
    const value = values[name]
    if (value !== undefined) given[name] = String(value)
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!/^\d+$/.test(String(values.port ?? 0)) || port > 65535) throw new UsageError('--port takes 1 to 65535.')
  return {
    workspace: path.resolve(initCwd, (values.workspace as string | undefined) ?? '.'),
    inputs: { ...given, path: positionals.join('\n') },
    faults: faultsOf(values.faults as string | undefined),
    port
  }
}

function faultsOf(spec: string | undefined): TryOptions['faults'] {
  if (spec === undefined || spec === '') return undefined
  try {
    return parseFaultSpec(spec)
  } catch (error) {
    throw new UsageError(`--faults: ${(error as Error).message}`)
  }
}

/** The action's stdout as it comes, line by line, without its debug lines. */
function echoLog(): (child: { stdout: NodeJS.ReadableStream | null }) => void {
  return child => {
    let pending = ''
    child.stdout?.on('data', (chunk: Buffer | string) => {
      const lines = (pending + chunk.toString()).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) if (!line.startsWith('::debug::')) console.log(line)
    })
    child.stdout?.on('end', () => {
      if (pending !== '' && !pending.startsWith('::debug::')) console.log(pending)
    })
  }
}

function shown(value: string): string {
  if (value.length <= SHOWN_CHARS) return value
  return `${value.slice(0, SHOWN_CHARS)}… (${value.length} characters; every record is in the assets file)`
}

function printOutputs(run: ActionRun): void {
  console.log('\n── Outputs ──')
  const names = Object.keys(run.outputs)
  if (names.length === 0) console.log('(none written)')
  for (const name of names) console.log(`${name}: ${shown(run.outputs[name])}`)
  console.log('\n── Job summary ──')
  console.log(run.summary.trim() === '' ? '(empty)' : run.summary.trim())
}

/** Every asset the run reports as uploaded now is held by the emulator with the sha256 reported. */
async function checkHeld(run: ActionRun, emulator: Emulator): Promise<number> {
  const assetsFile = run.outputs['assets-file']
  if (!assetsFile) return 0
  const records = JSON.parse(await readFile(assetsFile, 'utf8')) as AssetRecord[]
  const held = new Map(emulator.state().assets.map(asset => [asset.id, asset.sha256]))
  const sent = records.filter(record => record.id !== null && !record.skipped)
  const wrong = sent.filter(record => held.get(record.id!) !== record.sha256)
  for (const record of wrong.slice(0, 10)) console.log(`NOT HELD as reported: ${record.path} → ${record.id}`)
  console.log(
    `\nThe emulator holds ${sent.length - wrong.length} of the ${sent.length} assets uploaded in this run ` +
      'with the sha256 the action reported.'
  )
  return wrong.length
}

async function tryAction(options: TryOptions): Promise<number> {
  const emulator = await startEmulator({
    port: options.port,
    faults: options.faults
  })
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'netiks-try-'))
  try {
    console.log(`Netiks emulator on ${emulator.url}${emulator.faultSpec ? ` (faults: ${emulator.faultSpec})` : ''}`)
    console.log(`Workspace ${options.workspace}; RUNNER_TEMP ${runnerTemp} (kept: the assets and checksums files)\n`)
    const run = await runAction({
      workspace: options.workspace,
      inputs: { 'api-key': emulator.apiKey, ...options.inputs, 'base-url': emulator.url },
      env: { RUNNER_TEMP: runnerTemp },
      onSpawn: echoLog()
    })
    if (run.stderr.trim() !== '') console.log(run.stderr.trim())
    printOutputs(run)
    const wrong = await checkHeld(run, emulator)
    console.log(`Requests the emulator served: ${JSON.stringify(emulator.state().requests)}`)
    console.log(`The action exited with ${run.exitCode ?? run.signal}.`)
    return wrong > 0 ? 1 : (run.exitCode ?? 1)
  } finally {
    await emulator.close()
  }
}

async function main(): Promise<number> {
  const inputs = await readInputs()
  try {
    const options = parseTryArgs(process.argv.slice(2), inputs, process.env.INIT_CWD ?? process.cwd())
    return await tryAction(options)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    const names = Object.keys(inputs).filter(name => !FIXED_INPUTS.has(name))
    console.error(`npm run try: ${error.message}\n\n${usage(names)}`)
    return 2
  }
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  const names = Object.keys(await readInputs()).filter(name => !FIXED_INPUTS.has(name))
  console.log(usage(names))
} else {
  process.exitCode = await main()
}
