/**
 * The emulator process as main and post see it: is it there, stop it, what did it log. No
 * shell and no platform's tools: `process.kill` works on Linux, macOS and Windows alike.
 */
import { readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import http from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'

/**
 * Whether a process with this pid runs. A zombie does not: it serves nothing and holds no port,
 * and one whose parent (the finished main step) is gone may wait a while to be reaped.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !isZombie(pid)
}

function isZombie(pid: number): boolean {
  if (process.platform !== 'linux') return false
  try {
    // The state letter follows the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')
  } catch {
    return false
  }
}

/** Waits until the process is gone, up to `timeoutMs`; true if it went. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false
    await delay(50)
  }
  return true
}

export type StopOutcome = 'already-gone' | 'stopped' | 'killed' | 'still-running'

/** SIGTERM, a grace period, then SIGKILL (on Windows both end the process at once). */
export async function stopProcess(pid: number, graceMs = 5000): Promise<StopOutcome> {
  if (!signal(pid, 'SIGTERM')) return 'already-gone'
  if (await waitForExit(pid, graceMs)) return 'stopped'
  if (!signal(pid, 'SIGKILL')) return 'stopped'
  return (await waitForExit(pid, graceMs)) ? 'killed' : 'still-running'
}

/** Sends the signal; false when there is no such process. */
function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false
    throw error
  }
}

/** The last `lines` lines of a log file, '' if it cannot be read. Reads at most its last 64 KiB. */
export async function logTail(file: string, lines = 30): Promise<string> {
  try {
    const handle = await open(file, 'r')
    try {
      const { size } = await handle.stat()
      const length = Math.min(size, 64 * 1024)
      const buffer = Buffer.alloc(length)
      await handle.read(buffer, 0, length, size - length)
      return buffer.toString('utf8').trimEnd().split(/\r?\n/).slice(-lines).join('\n')
    } finally {
      await handle.close()
    }
  } catch {
    return ''
  }
}

/**
 * GET a URL on loopback and parse its JSON, or undefined if nothing answers with a 200 in time.
 * No keep-alive agent, so that nothing holds the step's process open once it is done.
 */
export async function getJson(url: string, timeoutMs = 3000): Promise<unknown> {
  return await new Promise(resolve => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, res => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', () => resolve(undefined))
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve(undefined)
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        } catch {
          resolve(undefined)
        }
      })
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(undefined))
  })
}
