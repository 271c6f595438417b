import type { describe, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/server.js'
import { inputEnvName, type ActionRun } from '../../harness/run-action.js'
import { makeWorkspace, removeDir } from '../../harness/workspace.js'
import { contentTypeFor } from '../../src/files/content-type.js'
import { reportedPath } from '../../src/files/paths.js'
import type { LocalFile } from '../../src/model.js'
import type { AssetRecord as AssetOutput, FailureRecord as FailureOutput } from '../../src/report/records.js'

export { makeWorkspace, removeDir, sha256OfFile, writeRandomFile, writeWorkspaceFile } from '../../harness/workspace.js'

/** A file as the search describes one: named by its base name, typed by its extension, shown below the workspace. */
export function describeFile(absolutePath: string, size: number, workspace: string, mtimeMs?: number): LocalFile {
  const name = path.basename(absolutePath)
  const relativePath = reportedPath(workspace, absolutePath).path
  return { absolutePath, relativePath, name, size, mtimeMs, contentType: contentTypeFor(name) }
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Sets INPUT_* variables the way the runner does, and returns a function that unsets them. */
export function setInputs(inputs: Record<string, string>): () => void {
  for (const [name, value] of Object.entries(inputs)) process.env[inputEnvName(name)] = value
  return () => Object.keys(inputs).forEach(name => delete process.env[inputEnvName(name)])
}

/** The outputs of a run that reported no asset (besides the paths of its record files). */
export const EMPTY_OUTPUTS = {
  'asset-ids': '[]',
  assets: '[]',
  count: '0',
  'uploaded-count': '0',
  'skipped-count': '0',
  failed: '[]',
  'outputs-truncated': 'false'
}

/** The `assets` output of a run, parsed. */
export function assetsOf(run: Pick<ActionRun, 'outputs'>): AssetOutput[] {
  return JSON.parse(run.outputs.assets ?? '[]') as AssetOutput[]
}

/** The `failed` output of a run, parsed. */
export function failedOf(run: Pick<ActionRun, 'outputs'>): FailureOutput[] {
  return JSON.parse(run.outputs.failed ?? '[]') as FailureOutput[]
}

/** Node on Windows cannot send a child SIGINT or SIGTERM: it terminates the child outright. */
export const NEEDS_SIGNALS =
  'Windows has no POSIX signals to send a child (Node terminates it outright); Ctrl-C and Ctrl-Break ' +
  'handling is unit-tested in cancel.test.ts'
/** chmod 000 only sets the read-only flag on Windows: the file stays readable. */
export const NEEDS_MODE_BITS = 'Windows has no mode bits that make a file or folder unreadable'

/**
 * `it` or `describe` as given, except on Windows where the test cannot mean anything: then it
 * is skipped and the reason printed, never passed silently.
 */
export function posixOnly<T extends typeof it | typeof describe>(run: T, why: string): T {
  if (process.platform !== 'win32') return run
  console.warn(`SKIPPED on Windows: ${why}`)
  return run.skip as unknown as T
}

const linksWork = new Map<'file' | 'junction', boolean>()

/**
 * Whether this platform makes symbolic links (`file`) or directory junctions (`junction`, a
 * symbolic link to a folder off Windows), found by making one: Windows without developer mode
 * refuses a symbolic link (EPERM) but makes a junction, and under Wine `fs.symlinkSync` reports
 * success and makes nothing, and a junction gives ENOTSUP.
 */
export function canMakeSymlinks(kind: 'file' | 'junction' = 'file'): boolean {
  const known = linksWork.get(kind)
  if (known !== undefined) return known
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netiks-symlink-probe-'))
  let works: boolean
  try {
    const target = kind === 'file' ? path.join(dir, 'target.txt') : path.join(dir, 'target')
    const probe = kind === 'file' ? target : path.join(target, 'probe.txt')
    mkdirSync(path.dirname(probe), { recursive: true })
    writeFileSync(probe, 'probe')
    symlinkSync(target, path.join(dir, 'link'), kind === 'file' ? 'file' : 'junction')
    const through = kind === 'file' ? path.join(dir, 'link') : path.join(dir, 'link', 'probe.txt')
    works = lstatSync(path.join(dir, 'link')).isSymbolicLink() && readFileSync(through, 'utf8') === 'probe'
  } catch {
    works = false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  linksWork.set(kind, works)
  return works
}

/**
 * `it` or `describe` as given where the machine `has` what the test needs; elsewhere skipped with
 * `why` printed, never passed silently. `has` comes from a probe that tries the thing, never
 * from the platform's name.
 */
export function withCapability<T extends typeof it | typeof describe>(run: T, has: boolean, why: string): T {
  if (has) return run
  console.warn(`SKIPPED: ${why}`)
  return run.skip as unknown as T
}

/** `it` or `describe` where symbolic links (or, with `junction`, directory junctions) can be made. */
export function withSymlinks<T extends typeof it | typeof describe>(run: T, kind: 'file' | 'junction' = 'file'): T {
  const what = kind === 'file' ? 'symbolic links' : 'directory junctions'
  return withCapability(
    run,
    canMakeSymlinks(kind),
    `this platform makes no ${what} (${process.platform}: a link made here is refused, or reported made ` +
      'and absent, as under Wine), so a test of how links are followed cannot run'
  )
}

let fifosWork: boolean | undefined

/** Whether this file system holds FIFOs, found by making one with mkfifo. */
export function canMakeFifos(): boolean {
  if (fifosWork !== undefined) return fifosWork
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netiks-fifo-probe-'))
  try {
    const made = spawnSync('mkfifo', [path.join(dir, 'fifo')], { stdio: 'ignore', timeout: 30_000 })
    fifosWork = made.status === 0 && lstatSync(path.join(dir, 'fifo')).isFIFO()
  } catch {
    fifosWork = false
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return fifosWork
}

const programsFound = new Map<string, boolean>()

/** Whether `program` runs here (found on PATH): `program --version` starts at all. */
export function canRun(program: string): boolean {
  let found = programsFound.get(program)
  if (found === undefined) {
    found = spawnSync(program, ['--version'], { stdio: 'ignore', timeout: 30_000 }).error === undefined
    programsFound.set(program, found)
  }
  return found
}

/** `it` or `describe` where `program` runs (Wine's PATH has no python3, sha256sum or git, which windows-latest has). */
export function withProgram<T extends typeof it | typeof describe>(run: T, program: string, why: string): T {
  return withCapability(
    run,
    canRun(program),
    `${program} is not on this machine's PATH (${process.platform}), and ${why}`
  )
}

let keptBeforeReset: Promise<boolean> | undefined

/**
 * Whether this platform's TCP hands over data that arrived before a reset but was not yet read,
 * found by trying: Linux does; Windows (and Wine) drop it, so there an answer a server sends and
 * then resets is read only if the client read it before the reset landed, a race no client wins
 * every time. Tests of such answers accept the reset in its place there, and say so.
 */
export async function dataBeforeResetIsKept(): Promise<boolean> {
  keptBeforeReset ??= (async () => {
    const server = net.createServer()
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    // The reset a while after the answer has left, so that the answer is there before it.
    const reset = new Promise<void>(resolve =>
      server.once('connection', socket =>
        socket
          .on('error', () => undefined)
          .write('answer', () => setTimeout(() => socket.once('close', resolve).resetAndDestroy(), 20))
      )
    )
    const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1').pause()
    let read = ''
    client.on('data', (chunk: Buffer) => (read += chunk.toString()))
    const closed = new Promise(resolve => client.on('error', () => undefined).once('close', resolve))
    await reset
    // Past the reset: whatever reaches the client now was kept by its side through it.
    await new Promise(resolve => setTimeout(resolve, 50))
    client.resume()
    await closed
    server.close()
    const kept = read === 'answer'
    if (!kept) {
      console.warn(
        `ACCEPTED: this platform's TCP (${process.platform}) drops data not yet read when a reset arrives, ` +
          'so an answer a server sends and then resets may be lost: the tests take a reset in its place'
      )
    }
    return kept
  })()
  return await keptBeforeReset
}

/** Fast clocks for the bundle under test: a 1 s stall timeout, 20 ms backoff windows. */
export const FAST_CLOCKS = { NETIKS_STALL_TIMEOUT_MS: '1000', NETIKS_RETRY_BASE_MS: '20' }

/**
 * What a test starts (emulators, workspaces, proxies, processes), stopped or removed after it
 * in reverse order: one per test file, with `afterEach(() => cleanups.run())`.
 */
export class Cleanups {
  private readonly pending: Array<() => Promise<void> | void> = []

  defer(cleanup: () => Promise<void> | void): void {
    this.pending.push(cleanup)
  }

  async emulator(options: EmulatorOptions = {}): Promise<Emulator> {
    const emulator = await startEmulator(options)
    this.defer(() => emulator.close())
    return emulator
  }

  /** A plain http server on 127.0.0.1, closed (its connections too) after the test; its URL. */
  async server(handler: http.RequestListener): Promise<string> {
    const server = http.createServer(handler)
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    this.defer(async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    })
    return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
  }

  async workspace(files: Record<string, string | Buffer> = {}): Promise<string> {
    const ws = await makeWorkspace(files)
    this.defer(() => removeDir(ws))
    return ws
  }

  async tempDir(prefix: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
    this.defer(() => removeDir(dir))
    return dir
  }

  async run(): Promise<void> {
    while (this.pending.length > 0) await this.pending.pop()!()
  }
}

/** A loopback port nothing listens on (just now). */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}
