/**
 * Runs the Windows Node 24 (node.exe) that tools/windows/wine.sh set up, under Wine 10 in its
 * trixie chroot: `node.exe <args>` with a given environment and working folder, returning the
 * exit code and what it wrote to stdout and stderr.
 *
 * A `WineSession` holds one private mount namespace (unshare) in which the chroot sees /proc,
 * /dev and this repository (at the same path, so `Z:\<repo path>` is the repository), and in
 * which the repository's node_modules/node/bin is the folder holding node.exe, as a Windows
 * `npm ci` leaves it (harness/run-action.ts spawns node_modules\node\bin\node.exe there). The
 * Linux node_modules is untouched: the binds exist only inside that namespace, which ends with
 * the session (its holder reads stdin, so it ends with this process however this one ends).
 *
 * CLI: `tsx tools/windows/run.ts [--cwd DIR] [--env NAME=VALUE]... -- <node.exe args>` prints
 * the process's stdout and stderr and exits with its code.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const WINE_ROOT = process.env.NETIKS_WINE_ROOT || '/var/cache/netiks-wine'
export const WINE_SCRIPT = path.join(REPO_ROOT, 'tools', 'windows', 'wine.sh')
/** The wineserver's folder under the chroot's /tmp, a tmpfs of each namespace (see wine.sh). */
const SERVER_DIR = 'netiks-wineserver'

/** What wine.sh wrote to $NETIKS_WINE_ROOT/env; paths other than `rootfs` are inside the chroot. */
export interface WineSetup {
  rootfs: string
  loader: string
  prefix: string
  nodeExe: string
  nodeVersion: string
  unrsBinding: string
  esbuildExe: string
}

export type FoundWine = { setup: WineSetup; reason?: undefined } | { setup?: undefined; reason: string }

export interface NodeExeRun {
  exitCode: number
  stdout: string
  stderr: string
}

export interface NodeExeOptions {
  /** The arguments after node.exe (a script and its arguments, or flags). */
  args: string[]
  /** The whole environment of the process (Wine adds SystemRoot, TEMP and the like). */
  env?: Record<string, string>
  /** The working folder, as a path in the chroot (Wine shows it as the drive that maps it). */
  cwd?: string
}

/** The finished setup, or why there is none (not root, never set up). */
export async function findWine(): Promise<FoundWine> {
  if (process.getuid?.() !== 0) {
    return {
      reason: `running node.exe under Wine needs root (unshare, mount, chroot), and this is uid ${process.getuid?.()}`
    }
  }
  let text: string
  try {
    text = await readFile(path.join(WINE_ROOT, 'env'), 'utf8')
  } catch {
    return { reason: `no Wine setup in ${WINE_ROOT} (run: tools/windows/wine.sh install)` }
  }
  const vars = Object.fromEntries(
    text
      .split('\n')
      .map(line => /^(NETIKS_WINE_[A-Z_]+)=(.*)$/.exec(line))
      .filter(match => match !== null)
      .map(match => [match[1], match[2]])
  )
  const setup: WineSetup = {
    rootfs: vars.NETIKS_WINE_ROOTFS,
    loader: vars.NETIKS_WINE_LOADER,
    prefix: vars.NETIKS_WINE_PREFIX,
    nodeExe: vars.NETIKS_WINE_NODE_EXE,
    nodeVersion: vars.NETIKS_WINE_NODE_VERSION,
    unrsBinding: vars.NETIKS_WINE_UNRS_BINDING,
    esbuildExe: vars.NETIKS_WINE_ESBUILD_EXE
  }
  const missing = Object.entries(setup).filter(([, value]) => !value)
  if (missing.length > 0) return { reason: `${WINE_ROOT}/env lacks ${missing.map(([name]) => name).join(', ')}` }
  return { setup }
}

/** `Z:\…` for a path in the chroot (Wine maps Z: to the chroot's /). */
export function windowsPath(chrootPath: string): string {
  return 'Z:' + chrootPath.replace(/\//g, '\\')
}

/** Wine's one line per process about a missing XDG_RUNTIME_DIR: not the program's output. */
export function withoutWineNoise(stderr: string): string {
  return stderr.replace(/^.*XDG_RUNTIME_DIR.*\r?\n?/gm, '')
}

export class WineSession {
  private constructor(
    readonly setup: WineSetup,
    private readonly holder: ChildProcess
  ) {}

  /** Starts the namespace holder and waits until its binds are in place. */
  static async open(setup: WineSetup): Promise<WineSession> {
    const { rootfs } = setup
    const nodeBin = path.join(REPO_ROOT, 'node_modules', 'node', 'bin')
    const script = [
      'set -e',
      `mount --bind /proc '${rootfs}/proc'`,
      `mount --rbind /dev '${rootfs}/dev'`,
      `mkdir -p '${rootfs}${REPO_ROOT}'`,
      `mount --bind '${REPO_ROOT}' '${rootfs}${REPO_ROOT}'`,
      // node.exe where a Windows `npm ci` puts it, for tests that spawn the bundle themselves.
      `mount --bind '${rootfs}${path.dirname(setup.nodeExe)}' '${rootfs}${nodeBin}'`,
      // A wineserver of its own: one started in another namespace (another session, or
      // wine.sh) sees that namespace's mounts, so its clients here could not open the
      // repository. Debian's Wine keeps the server's folder name (under /tmp) in the prefix's
      // `wineserver` file: here it names a folder that is this namespace's alone.
      `mkdir -p '${rootfs}/tmp/${SERVER_DIR}'`,
      `mount -t tmpfs -o mode=0700 netiks-wine '${rootfs}/tmp/${SERVER_DIR}'`,
      `mount --bind '${rootfs}${path.dirname(setup.prefix)}/${SERVER_DIR}.name' '${rootfs}${setup.prefix}/wineserver'`,
      'echo ready',
      'exec cat > /dev/null'
    ].join('\n')
    const holder = spawn('unshare', ['--mount', '--propagation', 'private', '--', 'sh', '-c', script], {
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stderr = ''
    holder.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    await new Promise<void>((resolve, reject) => {
      holder.once('error', reject)
      holder.once('exit', code =>
        reject(new Error(`the mount namespace for Wine did not start (exit ${code}): ${stderr}`))
      )
      holder.stdout!.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('ready') && resolve())
    })
    holder.removeAllListeners('exit')
    return new WineSession(setup, holder)
  }

  /** The chroot's view of a host path inside the rootfs or the repository. */
  chrootPath(hostPath: string): string {
    const resolved = path.resolve(hostPath)
    if (resolved === this.setup.rootfs || resolved.startsWith(this.setup.rootfs + '/')) {
      return resolved.slice(this.setup.rootfs.length) || '/'
    }
    if (resolved === REPO_ROOT || resolved.startsWith(REPO_ROOT + '/')) return resolved
    throw new Error(`${hostPath} is neither in the Wine chroot (${this.setup.rootfs}) nor in the repository`)
  }

  /** `Z:\…` for a host path inside the rootfs or the repository. */
  windowsPath(hostPath: string): string {
    return windowsPath(this.chrootPath(hostPath))
  }

  /** A host folder that the chroot sees (under its /tmp), for workspaces and runner files. */
  async tempDir(prefix: string): Promise<string> {
    return await mkdtemp(path.join(this.setup.rootfs, 'tmp', prefix))
  }

  /** node.exe <args>, its stdout and stderr through files (through a pipe console.log throws EBADF). */
  async node(options: NodeExeOptions): Promise<NodeExeRun> {
    const { setup } = this
    const dir = await this.tempDir('netiks-wine-run-')
    try {
      const out = await open(path.join(dir, 'stdout'), 'w')
      const err = await open(path.join(dir, 'stderr'), 'w')
      const env: Record<string, string> = {
        PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
        HOME: '/root',
        // Otherwise Wine reads non-ASCII names in the host's locale and mangles them.
        LANG: 'C.UTF-8',
        WINEDEBUG: '-all',
        WINEPREFIX: setup.prefix,
        // The win32 builds of jest's resolver and tsx's esbuild, which a Linux `npm ci` leaves out.
        NAPI_RS_NATIVE_LIBRARY_PATH: windowsPath(setup.unrsBinding),
        ESBUILD_BINARY_PATH: windowsPath(setup.esbuildExe),
        ...options.env
      }
      // env -C: chroot starts in /, and a shell to change folder would drop INPUT_API-KEY.
      const cwd = options.cwd ?? '/'
      const args = ['--mount=/proc/' + this.holder.pid + '/ns/mnt', '--', 'chroot', setup.rootfs]
      args.push('/usr/bin/env', '-C', cwd, setup.loader, setup.nodeExe, ...options.args)
      let exitCode: number
      try {
        // The loader itself, spawned without a shell between: a shell drops INPUT_API-KEY.
        const child = spawn('nsenter', args, { env, stdio: ['ignore', out.fd, err.fd], cwd: '/' })
        exitCode = await new Promise<number>((resolve, reject) => {
          child.once('error', reject)
          child.once('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)))
        })
      } finally {
        await out.close()
        await err.close()
      }
      return {
        exitCode,
        stdout: await readFile(path.join(dir, 'stdout'), 'utf8'),
        stderr: withoutWineNoise(await readFile(path.join(dir, 'stderr'), 'utf8'))
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  async close(): Promise<void> {
    if (this.holder.exitCode !== null) return
    const exited = new Promise(resolve => this.holder.once('exit', resolve))
    this.holder.stdin!.end()
    await exited
  }
}

async function main(argv: string[]): Promise<number> {
  const split = argv.indexOf('--')
  if (split < 0) {
    console.error('usage: tsx tools/windows/run.ts [--cwd DIR] [--env NAME=VALUE]... -- <node.exe arguments>')
    return 2
  }
  const env: Record<string, string> = {}
  let cwd: string | undefined
  const options = argv.slice(0, split)
  for (let i = 0; i < options.length; i += 2) {
    const [flag, value] = [options[i], options[i + 1] ?? '']
    if (flag === '--cwd') cwd = value
    else if (flag === '--env' && value.includes('='))
      env[value.slice(0, value.indexOf('='))] = value.slice(value.indexOf('=') + 1)
    else {
      console.error(`windows: unknown option ${flag} ${value}`)
      return 2
    }
  }
  const found = await findWine()
  if (found.setup === undefined) {
    console.error(`windows: ${found.reason}`)
    return 3
  }
  const session = await WineSession.open(found.setup)
  try {
    const run = await session.node({ args: argv.slice(split + 1), env, cwd })
    process.stdout.write(run.stdout)
    process.stderr.write(run.stderr)
    return run.exitCode
  } finally {
    await session.close()
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
