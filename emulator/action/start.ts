/**
 * The emulator action's main step: start the emulator as a detached process on 127.0.0.1, wait
 * until it answers, hand its address to the later steps as outputs and to post as saved state.
 * The step then ends; the emulator keeps serving until post stops it.
 */
import * as core from '@actions/core'
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { ReadyFile } from '../constants.js'
import {
  EmulatorInputError,
  EmulatorOutput,
  SavedState,
  cliArgs,
  getEmulatorInputs,
  type EmulatorInputs
} from './inputs.js'
import { getJson, logTail, stopProcess } from './process.js'

/** How long the emulator may take to answer; Node starts in well under a second, even on Windows. */
const START_TIMEOUT_MS = 60_000

/** The bundled emulator server, beside this bundle: dist/emulator/main → dist/emulator/server. */
export function serverEntry(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'server', 'index.js')
}

export class EmulatorStartError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmulatorStartError'
  }
}

export async function start(): Promise<void> {
  try {
    const inputs = getEmulatorInputs()
    const ready = await launch(inputs)
    core.setOutput(EmulatorOutput.BaseUrl, ready.url)
    core.setOutput(EmulatorOutput.ApiKey, ready.apiKey)
    core.setOutput(EmulatorOutput.StateUrl, ready.stateUrl)
    core.setOutput(EmulatorOutput.DataDir, ready.dataDir)
  } catch (error) {
    const known = error instanceof EmulatorInputError || error instanceof EmulatorStartError
    core.setFailed(known ? (error as Error).message : `The Netiks emulator did not start: ${String(error)}`)
  }
}

/** Starts the emulator and returns once it answers; on failure, leaves no process behind. */
async function launch(inputs: EmulatorInputs): Promise<ReadyFile> {
  const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir()
  await mkdir(runnerTemp, { recursive: true })
  const workDir = await mkdtemp(path.join(runnerTemp, 'netiks-emulator-'))
  const dataDir = path.join(workDir, 'data')
  const readyFile = path.join(workDir, 'ready.json')
  const logFile = path.join(workDir, 'emulator.log')
  await mkdir(dataDir)

  // Files, not pipes: the runner waits for every holder of the step's stdout to close it, and
  // the emulator must outlive the step.
  const log = openSync(logFile, 'a')
  let child: ChildProcess
  try {
    child = spawn(process.execPath, [serverEntry(), ...cliArgs(inputs, { dataDir, readyFile })], {
      cwd: workDir,
      detached: true,
      windowsHide: true,
      stdio: ['ignore', log, log]
    })
  } finally {
    closeSync(log)
  }
  const pid = child.pid
  if (pid === undefined) {
    const error = await new Promise<Error>(resolve => child.once('error', resolve))
    throw new EmulatorStartError(`Could not start the Netiks emulator (${process.execPath}): ${error.message}`)
  }

  let exit: string | undefined
  child.once('exit', (code, signal) => (exit = signal ? `was ended by ${signal}` : `exited with code ${code}`))
  const ready = await waitUntilReady(readyFile, () => exit)
  if (ready === undefined || ready === 'timeout') {
    if (ready === 'timeout') await stopProcess(pid, 1000)
    const tail = await logTail(logFile)
    const why = ready === 'timeout' ? `did not answer within ${START_TIMEOUT_MS / 1000} s` : exit
    await rm(workDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => undefined)
    throw new EmulatorStartError(
      `The Netiks emulator ${why}.` + (tail ? ` Its log ends with:\n${tail}` : ' It wrote nothing to its log.')
    )
  }
  child.unref()

  core.saveState(SavedState.Pid, String(pid))
  core.saveState(SavedState.StateUrl, ready.stateUrl)
  core.saveState(SavedState.WorkDir, workDir)
  core.saveState(SavedState.LogFile, logFile)
  core.saveState(SavedState.StartedAt, String(Date.now()))
  core.info(`Netiks emulator (pid ${pid}) listening on ${ready.url}`)
  core.info(`  api-key:  ${ready.apiKey}`)
  core.info(`  state:    ${ready.stateUrl}`)
  core.info(`  data dir: ${ready.dataDir}`)
  core.info(`  log:      ${logFile} (shown by the post step)`)
  if (inputs.faults) core.info(`  faults:   ${inputs.faults}`)
  return ready
}

/**
 * The ready file once the emulator answers at its state URL; undefined if the process ended
 * first (`exited()` says how), 'timeout' if neither happened in time.
 */
async function waitUntilReady(
  readyFile: string,
  exited: () => string | undefined
): Promise<ReadyFile | undefined | 'timeout'> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (exited() !== undefined) return undefined
    const ready = await readFile(readyFile, 'utf8').then(
      text => JSON.parse(text) as ReadyFile,
      () => undefined
    )
    if (ready !== undefined && (await getJson(ready.stateUrl)) !== undefined) return ready
    await delay(100)
  }
  return 'timeout'
}
