/**
 * The emulator action's post step: read what the emulator served, stop it, and tell the job
 * summary. A missing emulator is a warning, never a failure: the job's own steps have already
 * said whether they passed.
 */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { countOf, formatBytes, formatSeconds } from '../../src/format.js'
import type { EmulatorState } from '../server.js'
import { SavedState } from './inputs.js'
import { getJson, isAlive, logTail, stopProcess } from './process.js'

/** The log lines post shows; the whole log can hold one line per request. */
const LOG_LINES = 200

export async function stop(): Promise<void> {
  try {
    await stopAndReport()
  } catch (error) {
    core.warning(`Stopping the Netiks emulator: ${(error as Error).message}`)
  }
}

async function stopAndReport(): Promise<void> {
  const pid = Number(core.getState(SavedState.Pid))
  if (!Number.isSafeInteger(pid) || pid <= 0) {
    core.info('The Netiks emulator was not started (its step failed or was skipped): nothing to stop.')
    return
  }
  const stateUrl = core.getState(SavedState.StateUrl)
  const workDir = core.getState(SavedState.WorkDir)
  const logFile = core.getState(SavedState.LogFile)
  const startedAt = Number(core.getState(SavedState.StartedAt))

  // Read before stopping: once stopped, it holds nothing.
  const state = (await getJson(stateUrl, 10_000)) as EmulatorState | undefined
  if (!isAlive(pid)) {
    core.warning(
      `The Netiks emulator (pid ${pid}) had already stopped before the end of the job, so later ` +
        'steps could not reach it. Its log is below.'
    )
  } else {
    if (state === undefined) core.warning(`The Netiks emulator (pid ${pid}) did not answer at ${stateUrl}.`)
    const outcome = await stopProcess(pid)
    if (outcome === 'still-running') core.warning(`The Netiks emulator (pid ${pid}) did not stop, even when killed.`)
    else
      core.info(`Netiks emulator (pid ${pid}) stopped${outcome === 'killed' ? ' (killed: it ignored SIGTERM)' : ''}.`)
  }

  if (state !== undefined) {
    const servedMs = Number.isFinite(startedAt) ? Date.now() - startedAt : undefined
    await writeSummary(stateUrl, state, servedMs)
  }
  await showLog(logFile)
  // Uploaded bytes can be large; on Windows a just-ended process may hold its files a moment.
  if (workDir) await rm(workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
}

/** The log's tail in a collapsed group, with workflow commands off: it holds file names. */
async function showLog(logFile: string): Promise<void> {
  const tail = await logTail(logFile, LOG_LINES)
  if (!tail) return
  const token = randomUUID()
  core.startGroup(`Netiks emulator log (last ${LOG_LINES} lines at most)`)
  core.info(`::stop-commands::${token}`)
  core.info(tail)
  core.info(`::${token}::`)
  core.endGroup()
}

const ENDPOINTS = ['upload', 'generate', 'put', 'confirm'] as const

async function writeSummary(stateUrl: string, state: EmulatorState, servedMs: number | undefined): Promise<void> {
  const bytes = state.assets.reduce((sum, asset) => sum + asset.file_size, 0)
  const requests = ENDPOINTS.reduce((sum, endpoint) => sum + state.requests[endpoint], 0)
  const faults = ENDPOINTS.reduce((sum, endpoint) => sum + state.faults[endpoint].total, 0)
  const duplicates = Object.values(state.confirmations).filter(count => count > 1).length
  const origin = new URL(stateUrl).origin
  const line =
    `Served at <code>${origin}</code>${servedMs === undefined ? '' : ` for ${formatSeconds(servedMs)}`}: ` +
    `${countOf(state.assets.length, 'asset')} (${formatBytes(bytes)}), ` +
    `${countOf(requests, 'API and S3 request')}, ${countOf(faults, 'fault')} injected.`
  core.info(line.replace(/<\/?code>/g, ''))

  const rows = ENDPOINTS.map(endpoint => [
    `<code>${endpoint}</code>`,
    String(state.requests[endpoint]),
    faultCell(state.faults[endpoint])
  ])
  const summary = core.summary
    .addHeading('Netiks emulator', 3)
    .addRaw(`<p>${line}</p>`, true)
    .addTable([
      [
        { data: 'Endpoint', header: true },
        { data: 'Requests', header: true },
        { data: 'Faults injected', header: true }
      ],
      ...rows
    ])
  if (duplicates > 0) {
    summary.addRaw(`<p>${countOf(duplicates, 'object')} confirmed more than once: duplicate assets.</p>`, true)
  }
  const { replayed, conflicts, mismatches } = state.idempotency
  if (replayed + conflicts + mismatches > 0) {
    summary.addRaw(
      `<p>Idempotency: ${replayed} replayed, ${conflicts} refused as in progress (409), ` +
        `${mismatches} refused as a different request (422).</p>`,
      true
    )
  }
  await summary.write()
}

/** "2 (1 × 503, 1 × reset)", or "0". */
function faultCell(faults: EmulatorState['faults'][keyof EmulatorState['faults']]): string {
  const { total, ...byKind } = faults
  const kinds = Object.entries(byKind)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([kind, count]) => `${count} × ${kind}`)
  return kinds.length === 0 ? String(total) : `${total} (${kinds.join(', ')})`
}
