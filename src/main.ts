import * as core from '@actions/core'
import path from 'node:path'
import { Cancellation } from './transfer/cancel.js'
import { ACTION_USER_AGENT, Input, NoFileOption, UploadMode } from './constants.js'
import { AuthError, CancelledError, InputError, errorMessage } from './errors.js'
import { findFiles, nameAssets } from './files.js'
import { countOf, formatBytes, formatSeconds, totalSize } from './format.js'
import { getInputs, getTuning, type Inputs } from './inputs.js'
import { recordUploads } from './manifest.js'
import { NetiksClient } from './netiks/client.js'
import { FailFastError, OutcomeRecorder, type UploadOptions } from './transfer/outcome.js'
import { uploadPresigned } from './transfer/presigned.js'
import { uploadSingleFiles } from './transfer/single.js'
import type { FailedStep, LocalFile, UploadOutcome } from './netiks/types.js'
import { choosePlan, type UploadPlan } from './plan.js'
import { ProgressReporter } from './progress.js'
import {
  annotateFailures,
  describeResult,
  printPlan,
  writeFailureSummary,
  writeOutputs,
  writePlanSummary,
  writeSummary
} from './report.js'
import { defaultRetryPolicy } from './transfer/retry.js'
import { compareWithManifest, reportAllUnchanged, saveManifest, type Work } from './sync.js'

/** inputs → files → manifest → plan → upload → report. The one place that fails the step. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  try {
    maskApiKey()
    const inputs = getInputs()
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const manifestFile = inputs.manifest ? path.resolve(workspace, inputs.manifest) : undefined
    const files = await core.group('Resolve files', async () => await resolveFiles(inputs, workspace, manifestFile))
    if (files.length === 0) return
    const work: Work = manifestFile
      ? await core.group(
          'Compare with the manifest',
          async () => await compareWithManifest(inputs, files, manifestFile)
        )
      : { upload: files, unchanged: [] }
    const plan = work.upload.length > 0 ? choosePlan(inputs.mode, work.upload) : undefined
    if (inputs.dryRun) await dryRun(inputs, work, plan)
    else if (plan === undefined) await reportAllUnchanged(inputs, work)
    else await upload(inputs, work, plan, startedAt)
  } catch (error) {
    core.setFailed(errorMessage(error))
    await writeFailureSummary(errorMessage(error))
  }
}

/** Masks the key before anything can print it, even when it is otherwise invalid. */
function maskApiKey(): void {
  const raw = core.getInput(Input.ApiKey)
  if (raw.trim() !== '') core.setSecret(raw.trim())
}

async function resolveFiles(inputs: Inputs, workspace: string, manifestFile?: string): Promise<LocalFile[]> {
  const found = await findFiles(inputs.patterns, workspace)
  if (manifestFile && found.files.some(file => file.absolutePath === manifestFile)) {
    core.info(`Leaving out the manifest itself (${inputs.manifest}): it changes on every run.`)
    found.files = found.files.filter(file => file.absolutePath !== manifestFile)
  }
  if (found.brokenLinks.length > 0) {
    core.warning(
      `Skipping ${countOf(found.brokenLinks.length, 'broken symbolic link')} ` +
        `(the target does not exist): ${found.brokenLinks.join(', ')}`
    )
  }
  const { files, clashes } = nameAssets(found.files, inputs.assetName)
  for (const clash of clashes) {
    core.warning(
      `${clash.paths.join(' and ')} would all be uploaded as "${clash.name}": Netiks will hold ` +
        `${clash.paths.length} assets of that name. Set asset-name: relative to keep their paths apart.`
    )
  }
  for (const file of files) {
    core.info(`${file.relativePath} (${formatBytes(file.size)}, ${file.contentType}) as "${file.name}"`)
  }
  if (files.length > 0) {
    const bytes = totalSize(files)
    core.info(`${countOf(files.length, 'file')}, ${formatBytes(bytes)}.`)
    return files
  }
  const message = `No files were found with the provided path: ${inputs.patterns.join(', ')}. No assets will be uploaded.`
  if (inputs.ifNoFilesFound === NoFileOption.Error) throw new InputError(message)
  if (inputs.ifNoFilesFound === NoFileOption.Warn) core.warning(message)
  else core.info(message)
  writeOutputs({ confirmed: [], failed: [] })
  return files
}

async function dryRun(inputs: Inputs, work: Work, plan: UploadPlan | undefined): Promise<void> {
  const files = work.upload
  printPlan(files, plan, inputs, work.unchanged)
  writeOutputs({ confirmed: [], failed: [] })
  await writePlanSummary(files, plan)
  const bytes = totalSize(files)
  const skipped = work.unchanged.length > 0 ? ` (${work.unchanged.length} unchanged would be skipped)` : ''
  core.notice(
    `Dry run: ${countOf(files.length, 'file')} (${formatBytes(bytes)}) would be uploaded ` +
      `to Netiks${plan ? ` in ${plan.strategy} mode` : ''}${skipped}. Nothing was uploaded.`
  )
}

async function upload(inputs: Inputs, work: Work, plan: UploadPlan, startedAt: number): Promise<void> {
  const files = work.upload
  const tuning = getTuning()
  const progress = new ProgressReporter(files, tuning.progressIntervalMs, line => core.info(line))
  let reported = false
  const report = async (outcome: UploadOutcome): Promise<void> => {
    if (reported) return
    reported = true
    progress.stop()
    const durationMs = Date.now() - startedAt
    const result = { ...outcome, unchanged: work.unchanged }
    writeOutputs(result)
    // Written whatever happened, so that nothing confirmed is forgotten.
    if (work.manifest)
      await saveManifest(inputs, work.manifest.file, recordUploads(work.manifest.before, outcome.confirmed))
    await writeSummary(result, { strategy: plan.strategy, baseUrl: inputs.baseUrl, durationMs })
    finish(outcome, files.length, durationMs, work.unchanged.length)
  }
  const cancellation = new Cancellation({
    onCancel: signal =>
      core.warning(`Received ${signal}: cancelling. Nothing new starts; uploads in flight are aborted.`),
    onDeadline: () => {
      void report(recorder.result()).finally(() => process.exit(1))
    }
  })
  const options: UploadOptions = {
    concurrency: inputs.concurrency,
    retry: defaultRetryPolicy(inputs.retries, tuning.retryBaseMs),
    failFast: inputs.failFast,
    signal: cancellation.signal,
    confirmSignal: cancellation.confirmSignal,
    progress,
    onConfirmed: upload =>
      core.info(`✓ ${upload.file.relativePath} (${formatBytes(upload.file.size)}) → asset ${upload.asset.id}`),
    onRetry: (file, step, retry, delayMs, error) => logRetry(file, step, retry, delayMs, error, inputs.retries)
  }
  const recorder = new OutcomeRecorder(files, options)
  const client = new NetiksClient({
    baseUrl: inputs.baseUrl,
    apiKey: inputs.apiKey,
    concurrency: inputs.concurrency,
    userAgent: ACTION_USER_AGENT,
    stallTimeoutMs: tuning.stallTimeoutMs
  })
  const bytes = totalSize(files)
  const title =
    `Upload ${countOf(files.length, 'file')} (${formatBytes(bytes)}) to ${inputs.baseUrl} ` +
    `in ${plan.strategy} mode (${plan.reason}), ${inputs.concurrency} at a time`
  let unexpected: unknown
  try {
    progress.start()
    await core.group(title, async () => {
      if (plan.strategy === UploadMode.Single) await uploadSingleFiles(client, recorder, options)
      else await uploadPresigned(client, recorder, options)
    })
  } catch (error) {
    unexpected = error
  } finally {
    client.close()
    cancellation.dispose()
  }
  // Reported even after an unexpected error: what was confirmed must reach the outputs and the manifest.
  await report(recorder.result())
  if (unexpected !== undefined) throw unexpected
}

function logRetry(
  file: LocalFile,
  step: FailedStep,
  retry: number,
  delayMs: number,
  error: unknown,
  retries: number
): void {
  if (step === 'generate' && delayMs === 0) {
    core.info(`↻ ${file.relativePath}: the presigned URL expired before its PUT; generating a new one.`)
    return
  }
  core.info(`↻ ${file.relativePath}: ${errorMessage(error)} Retry ${retry} of ${retries} in ${formatSeconds(delayMs)}.`)
}

function finish(outcome: UploadOutcome, total: number, durationMs: number, unchanged: number): void {
  const result = describeResult(outcome, total, durationMs, unchanged)
  core.info(result)
  core.notice(result, { title: 'Netiks upload' })
  const { stoppedBy } = outcome
  if (stoppedBy instanceof AuthError) {
    core.setFailed(stoppedBy.message)
    return
  }
  if (stoppedBy instanceof CancelledError) {
    core.setFailed(
      `The run was cancelled: ${outcome.confirmed.length} of ${total} files were confirmed and are in the ` +
        `outputs; ${outcome.failed.length} were not uploaded (listed in the 'failed' output).`
    )
    return
  }
  if (outcome.failed.length > 0) {
    annotateFailures(outcome.failed)
    const failFast = stoppedBy instanceof FailFastError ? ` ${stoppedBy.message}.` : ''
    core.setFailed(
      `${outcome.failed.length} of ${total} files were not uploaded; ${outcome.confirmed.length} were ` +
        `confirmed and are in the outputs.${failFast} See the 'failed' output for each file and why.`
    )
  }
}
