/**
 * The emulator action (emulator/action.yml) run from its committed bundles as a runner runs a
 * job: main as one `node` process, then the upload action, then post as another `node`
 * process that receives main's saved state as STATE_* variables, read from the GITHUB_STATE
 * file as the runner reads it. Checked against what the emulator holds, the job summary, and
 * the process table.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { EmulatorInput, EmulatorOutput, SavedState } from '../../emulator/action/inputs.js'
import { getJson, isAlive } from '../../emulator/action/process.js'
import type { EmulatorState } from '../../emulator/server.js'
import { REPO_ROOT, parseOutputFile, runAction, type ActionRun } from '../../harness/run-action.js'
import { freePort, makeWorkspace, removeDir, sha256, sha256OfFile, writeRandomFile } from '../support/helpers.js'

const MAIN = path.join(REPO_ROOT, 'dist', 'emulator', 'main', 'index.js')
const POST = path.join(REPO_ROOT, 'dist', 'emulator', 'post', 'index.js')

/** One job: its RUNNER_TEMP and the GITHUB_STATE file the emulator step's main writes. */
interface Job {
  runnerTemp: string
  stateFile: string
}

const workspaces: string[] = []
/** Every emulator a test started, stopped at the end whatever happened to the test. */
const pids: number[] = []
let ws: string

beforeAll(async () => {
  ws = await makeWorkspace({ 'out/one.txt': 'one\n', 'out/empty.bin': '' })
  await writeRandomFile(path.join(ws, 'out', 'nested', 'two.bin'), 3_000_000)
  workspaces.push(ws)
})
afterEach(() => {
  for (const pid of pids.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
})
afterAll(async () => {
  for (const dir of workspaces) await removeDir(dir)
})

async function newJob(): Promise<Job> {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'netiks-job-'))
  workspaces.push(runnerTemp)
  const stateFile = path.join(runnerTemp, 'github_state')
  await writeFile(stateFile, '')
  return { runnerTemp, stateFile }
}

async function emulatorMain(job: Job, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const run = await runAction({
    workspace: ws,
    inputs,
    bundle: MAIN,
    env: { RUNNER_TEMP: job.runnerTemp, GITHUB_STATE: job.stateFile }
  })
  const pid = Number(savedState(await readFile(job.stateFile, 'utf8'))[SavedState.Pid])
  if (pid > 0) pids.push(pid)
  return run
}

/** Post, with main's saved state handed over as the runner does: STATE_<name> variables. */
async function emulatorPost(job: Job): Promise<ActionRun> {
  const state = savedState(await readFile(job.stateFile, 'utf8'))
  return await runAction({
    workspace: ws,
    inputs: {},
    bundle: POST,
    env: {
      RUNNER_TEMP: job.runnerTemp,
      ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]))
    }
  })
}

/** GITHUB_STATE holds `name<<delimiter` records, as GITHUB_OUTPUT does. */
function savedState(text: string): Record<string, string> {
  return parseOutputFile(text)
}

describe('emulator action: main, the upload action, post', () => {
  it('serves the upload between its two steps, summarises it, and leaves no process behind', async () => {
    const job = await newJob()
    const main = await emulatorMain(job, {
      [EmulatorInput.Faults]: 'rate=0.5,seed=7,endpoints=put,kinds=503,retry-after=0'
    })
    expect(main.stderr).toBe('')
    expect(main.exitCode).toBe(0)
    // The step ended while the emulator serves on: its stdout and stderr were not the step's.
    expect(main.durationMs).toBeLessThan(30_000)
    const baseUrl = main.outputs[EmulatorOutput.BaseUrl]
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(main.outputs[EmulatorOutput.ApiKey]).toBe('ne-EmulatorLocalKey0000001')
    expect(main.outputs[EmulatorOutput.StateUrl]).toBe(`${baseUrl}/_emulator/state`)
    const saved = savedState(await readFile(job.stateFile, 'utf8'))
    const pid = Number(saved[SavedState.Pid])
    expect(isAlive(pid)).toBe(true)

    const upload = await runAction({
      workspace: ws,
      inputs: {
        'api-key': main.outputs[EmulatorOutput.ApiKey],
        'base-url': baseUrl,
        path: 'out'
      },
      env: { NETIKS_RETRY_BASE_MS: '1' }
    })
    expect(upload.exitCode).toBe(0)
    expect(upload.outputs.count).toBe('3')

    const state = (await getJson(main.outputs[EmulatorOutput.StateUrl])) as EmulatorState
    expect(state.assets.map(asset => asset.asset_name).sort()).toEqual(['empty.bin', 'one.txt', 'two.bin'])
    const two = state.assets.find(asset => asset.asset_name === 'two.bin')!
    expect(two.sha256).toBe(await sha256OfFile(path.join(ws, 'out', 'nested', 'two.bin')))
    expect(state.assets.find(asset => asset.asset_name === 'one.txt')!.sha256).toBe(sha256('one\n'))
    const putFaults = state.faults.put.total
    expect(putFaults).toBeGreaterThan(0)
    expect(state.requests.put).toBe(3 + putFaults)

    const post = await emulatorPost(job)
    expect(post.exitCode).toBe(0)
    expect(post.stdout).not.toContain('::warning::')
    expect(post.stdout).toContain(`Netiks emulator (pid ${pid}) stopped.`)
    expect(post.stdout).toContain('::group::Netiks emulator log')
    expect(post.summary).toContain('<h3>Netiks emulator</h3>')
    expect(post.summary).toContain(`Served at <code>${baseUrl}</code>`)
    const requests = state.requests.upload + state.requests.generate + state.requests.put + state.requests.confirm
    expect(post.summary).toContain(`3 assets (2.9 MiB), ${requests} API and S3 requests`)
    expect(post.summary).toContain(`${putFaults} faults injected`)
    expect(post.summary).toContain(
      `<tr><td><code>put</code></td><td>${3 + putFaults}</td><td>${putFaults} (${putFaults} × 503)</td></tr>`
    )
    expect(post.summary).toContain('<tr><td><code>confirm</code></td><td>3</td><td>0</td></tr>')

    expect(isAlive(pid)).toBe(false)
    expect(await getJson(main.outputs[EmulatorOutput.StateUrl], 1000)).toBeUndefined()
    // Its folder (log, ready file, uploaded bytes) is gone with it.
    expect(await readdir(job.runnerTemp)).toEqual(['github_state'])
  })

  it('listens on the port it is given, with every input set (the CLI takes the flags they become)', async () => {
    const job = await newJob()
    const port = await freePort()
    const main = await emulatorMain(job, {
      [EmulatorInput.Port]: String(port),
      [EmulatorInput.ApiKey]: 'ne-Mine',
      [EmulatorInput.UrlTtl]: '60',
      [EmulatorInput.Faults]: 'rate=0.1,seed=7',
      [EmulatorInput.ExpiredBatches]: '1',
      [EmulatorInput.AlwaysFail]: 'a.zip\nb.zip',
      [EmulatorInput.LatencyMs]: '5',
      [EmulatorInput.ThrottleKibps]: '100000',
      [EmulatorInput.Idempotency]: 'true',
      [EmulatorInput.S3EarlyAnswer]: 'true',
      [EmulatorInput.S3Dialect]: 'radosgw'
    })
    expect(main.stdout).not.toContain('::error::')
    expect(main.exitCode).toBe(0)
    expect(main.outputs[EmulatorOutput.BaseUrl]).toBe(`http://127.0.0.1:${port}`)
    expect(main.outputs[EmulatorOutput.ApiKey]).toBe('ne-Mine')
    const post = await emulatorPost(job)
    expect(post.exitCode).toBe(0)
    expect(post.summary).toContain('0 assets (0 B), 0 API and S3 requests, 0 faults injected')
  })

  it('fails with the log tail when the port is taken, and leaves nothing running or saved', async () => {
    const job = await newJob()
    const blocker = net.createServer()
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = blocker.address() as net.AddressInfo
      const main = await emulatorMain(job, { [EmulatorInput.Port]: String(port) })
      expect(main.exitCode).toBe(1)
      expect(main.stdout).toMatch(/::error::The Netiks emulator exited with code 2\. Its log ends with:%0A.*EADDRINUSE/)
      expect(await readFile(job.stateFile, 'utf8')).toBe('')
      expect(main.outputs).toEqual({})
      expect(await readdir(job.runnerTemp)).toEqual(['github_state'])
      // Post after a failed main has nothing to do, and says so without failing.
      const post = await emulatorPost(job)
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toContain('nothing to stop')
      expect(post.summary).toBe('')
    } finally {
      await new Promise(resolve => blocker.close(resolve))
    }
  })

  it('warns, and does not fail, when the emulator is already gone at post', async () => {
    const job = await newJob()
    const main = await emulatorMain(job)
    expect(main.exitCode).toBe(0)
    const pid = Number(savedState(await readFile(job.stateFile, 'utf8'))[SavedState.Pid])
    process.kill(pid, 'SIGKILL')
    const deadline = Date.now() + 10_000
    while (isAlive(pid) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50))
    const post = await emulatorPost(job)
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain(`::warning::The Netiks emulator (pid ${pid}) had already stopped`)
    expect(post.stdout).toContain('Netiks emulator listening on')
    expect(await readdir(job.runnerTemp)).toEqual(['github_state'])
  })
})

describe('emulator action: inputs', () => {
  it.each([
    [EmulatorInput.Port, 'abc', 'Input \'port\' must be a whole number from 0 to 65535, got "abc".'],
    [EmulatorInput.Port, '70000', 'Input \'port\' must be a whole number from 0 to 65535, got "70000".'],
    [EmulatorInput.Faults, 'nonsense', `Input 'faults' is not a fault spec: unknown fault setting "nonsense"`],
    [EmulatorInput.Faults, 'rate=2', `Input 'faults' is not a fault spec: fault setting "rate=2" needs a number`],
    [EmulatorInput.LatencyMs, '-5', "Input 'latency-ms' must be a whole number from 0 to 86400000"],
    [EmulatorInput.Idempotency, 'yes please', "Input 'idempotency' must be true or false"],
    [EmulatorInput.S3Dialect, 'minio', "Input 's3-dialect' must be one of aws, radosgw"],
    [EmulatorInput.ApiKey, 'two words', "Input 'api-key' may hold only printable ASCII without spaces"]
  ])('%s: %j is refused with a clear error, and nothing is started', async (name, value, message) => {
    const job = await newJob()
    const main = await emulatorMain(job, { [name]: value })
    expect(main.exitCode).toBe(1)
    const errors = main.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
    expect(main.stdout).not.toContain('listening')
    expect(await readFile(job.stateFile, 'utf8')).toBe('')
    expect(await readdir(job.runnerTemp)).toEqual(['github_state'])
  })
})
