import * as core from '@actions/core'
import { ACTION_USER_AGENT, Input, NoFileOption, UploadMode } from './constants.js'
import { InputError, errorMessage } from './errors.js'
import { findFiles } from './files.js'
import { formatBytes, formatSeconds } from './format.js'
import { getInputs, type Inputs } from './inputs.js'
import { NetiksClient } from './netiks/client.js'
import { uploadPresigned } from './netiks/presigned.js'
import { uploadSingleFiles } from './netiks/single.js'
import type { LocalFile, UploadOutcome } from './netiks/types.js'
import { choosePlan, type UploadPlan } from './plan.js'
import { annotateFailures, writeOutputs, writeSummary } from './report.js'

/** A request that sends and receives nothing for this long is aborted. */
const STALL_TIMEOUT_MS = 120_000

/** inputs → files → plan → upload → report. The one place that fails the step. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  try {
    maskApiKey()
    const inputs = getInputs()
    const files = await resolveFiles(inputs)
    if (files.length === 0) return
    const plan = choosePlan(inputs.mode, files)
    const outcome = await upload(inputs, files, plan)
    writeOutputs(outcome.confirmed)
    await writeSummary(outcome, { strategy: plan.strategy, baseUrl: inputs.baseUrl, durationMs: Date.now() - startedAt })
    finish(outcome, files, startedAt)
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}

/** Masks the key before anything can print it, even when it is otherwise invalid. */
function maskApiKey(): void {
  const raw = core.getInput(Input.ApiKey)
  if (raw.trim() !== '') core.setSecret(raw.trim())
}

async function resolveFiles(inputs: Inputs): Promise<LocalFile[]> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const files = await findFiles(inputs.patterns, workspace)
  if (files.length > 0) return files
  const message = `No files were found with the provided path: ${inputs.patterns.join(', ')}. No assets will be uploaded.`
  if (inputs.ifNoFilesFound === NoFileOption.Error) throw new InputError(message)
  if (inputs.ifNoFilesFound === NoFileOption.Warn) core.warning(message)
  else core.info(message)
  writeOutputs([])
  return files
}

async function upload(inputs: Inputs, files: LocalFile[], plan: UploadPlan): Promise<UploadOutcome> {
  const bytes = files.reduce((sum, file) => sum + file.size, 0)
  core.info(
    `Uploading ${files.length} file${files.length === 1 ? '' : 's'} (${formatBytes(bytes)}) to ` +
      `${inputs.baseUrl} in ${plan.strategy} mode (${plan.reason}), ${inputs.concurrency} at a time.`
  )
  const cancel = new AbortController()
  const onSignal = (): void => cancel.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const client = new NetiksClient({
    baseUrl: inputs.baseUrl,
    apiKey: inputs.apiKey,
    concurrency: inputs.concurrency,
    userAgent: ACTION_USER_AGENT,
    stallTimeoutMs: STALL_TIMEOUT_MS,
    signal: cancel.signal
  })
  const options = {
    concurrency: inputs.concurrency,
    signal: cancel.signal,
    onConfirmed: (upload: { file: LocalFile; asset: { id: string } }) =>
      core.info(`✓ ${upload.file.relativePath} (${formatBytes(upload.file.size)}) → asset ${upload.asset.id}`)
  }
  try {
    return plan.strategy === UploadMode.Single
      ? await uploadSingleFiles(client, files, options)
      : await uploadPresigned(client, files, options)
  } finally {
    client.close()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

function finish(outcome: UploadOutcome, files: LocalFile[], startedAt: number): void {
  const bytes = outcome.confirmed.reduce((sum, upload) => sum + upload.file.size, 0)
  core.info(
    `${outcome.confirmed.length} of ${files.length} files confirmed by Netiks, ` +
      `${formatBytes(bytes)} in ${formatSeconds(Date.now() - startedAt)}.`
  )
  if (outcome.fatal) {
    core.setFailed(outcome.fatal.message)
    return
  }
  if (outcome.failed.length > 0) {
    annotateFailures(outcome)
    core.setFailed(
      `${outcome.failed.length} of ${files.length} files could not be uploaded; ` +
        `${outcome.confirmed.length} were confirmed and are in the outputs.`
    )
  }
}
