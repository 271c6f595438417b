import * as core from '@actions/core'
import path from 'node:path'
import { ACTION_USER_AGENT, Input, UploadMode } from './config/constants.js'
import { getInputs, getTuning, type Inputs, type UploadInputs } from './config/inputs.js'
import { findFiles, leaveOut, nameAssets } from './files/find.js'
import { takeShard } from './files/shard.js'
import { findUnchanged, recordUnchanged } from './manifest/compare.js'
import { ManifestError } from './manifest/manifest.js'
import { loadManifest } from './manifest/read.js'
import { InputError, codeOrMessage, type FailedUpload, type LocalFile } from './model.js'
import { NetiksClient } from './netiks/client.js'
import { makeRunFolder } from './report/assets-file.js'
import { reportManifest, reportNames, reportSearch, sayNoFiles } from './report/found.js'
import { escapeForLog } from './report/log-safe.js'
import { ProgressReporter, sayCancelling, transferLines, transferTitle } from './report/progress.js'
import { report, type Ending, type Work } from './report/report.js'
import { Cancellation } from './transfer/cancel.js'
import { OutcomeRecorder } from './transfer/outcome.js'
import { choosePlan, type UploadPlan } from './transfer/plan.js'
import { uploadPresigned } from './transfer/presigned.js'
import { defaultRetryPolicy } from './transfer/retry.js'
import { uploadSingleFiles } from './transfer/single.js'

/** inputs → files → manifest → plan → transfer → report. */
export async function run(): Promise<void> {
  // Reported once: at the end, or at the cancellation deadline if that comes first.
  let reported: Promise<void> | undefined
  const finish = async (ending: Ending): Promise<void> => {
    // The one way the step fails: one error, written after every output and record the run has.
    reported ??= report(ending).then(failure => {
      if (failure !== undefined) core.setFailed(failure)
    })
    await reported
  }
  const state: RunState = { startedAt: Date.now(), finish }
  await finish(await stages(state).catch((error: unknown): Ending => ({ kind: 'refused', error, work: state.work })))
  // The signal handlers stay until the report is written, so that a signal cannot cut it short.
  state.cancellation?.dispose()
}

/** The run as the stages go: what a refusal and a cancellation need to report it. */
interface RunState {
  startedAt: number
  finish: (ending: Ending) => Promise<void>
  work?: Work
  cancellation?: Cancellation
}

/** Every stage up to the report; throws only before the first request. */
async function stages(state: RunState): Promise<Ending> {
  // The key is masked before anything can print it, even when it is otherwise invalid.
  const rawKey = core.getInput(Input.ApiKey).trim()
  if (rawKey !== '') core.setSecret(rawKey)
  const inputs = getInputs()
  // Globs, the manifest and every reported path start here, whatever the current directory.
  const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd())
  const manifestFile = inputs.manifest ? path.resolve(workspace, inputs.manifest) : undefined
  const found = await core.group('Resolve files', async () => await resolveFiles(inputs, workspace, manifestFile))
  if (found.none) return found.none
  // Named before the split, so a file's name does not depend on which shard sends it.
  const { files, line: shardLine } = takeShard(found.files, inputs.shard)
  if (shardLine) core.info(shardLine)
  const split = manifestFile
    ? await core.group('Compare with the manifest', async () => await compareWithManifest(inputs, files, manifestFile))
    : { upload: files, unchanged: [] }
  const work: Work = (state.work = { ...split, leftOut: found.leftOut })
  const plan = work.upload.length > 0 ? choosePlan(inputs.mode, work.upload) : undefined
  if (inputs.dryRun) return { kind: 'dry-run', inputs, work, plan }
  if (plan === undefined) return { kind: 'unchanged', inputs, work }
  return await upload(inputs, work, plan, state)
}

/** What the search found and named, and the matched entries it had to leave out, as failures to report. */
async function resolveFiles(
  inputs: Inputs,
  workspace: string,
  manifestFile?: string
): Promise<{ files: LocalFile[]; leftOut: FailedUpload[]; none?: Ending }> {
  const found = await findFiles(inputs.patterns, workspace, undefined, { includeHidden: inputs.includeHiddenFiles })
  // The manifest changes on every run: it is not uploaded.
  if (manifestFile !== undefined && leaveOut(found, workspace, manifestFile)) {
    core.info(`Leaving out the manifest itself (${escapeForLog(inputs.manifest)}): it changes on every run.`)
  }
  const leftOut = reportSearch(found, workspace)
  const { files, clashes } = nameAssets(found.files, inputs.assetName, found.root)
  reportNames(files, clashes)
  const none: Ending | undefined =
    files.length === 0 ? { kind: 'no-files', leftOut, refusal: sayNoFiles(found, inputs) } : undefined
  return { files, leftOut, none }
}

/** A manifest that cannot be read or replaced as it is stops the run here, before anything is sent. */
async function compareWithManifest(
  inputs: Inputs,
  files: LocalFile[],
  manifestFile: string
): Promise<Omit<Work, 'leftOut'>> {
  const loaded = await loadManifest(manifestFile, inputs.baseUrl).catch((error: unknown) => {
    if (!(error instanceof ManifestError)) throw error
    throw new InputError(`The manifest ${inputs.manifest} ${error.problem}. ${error.advice}`)
  })
  const split = await findUnchanged(files, loaded.manifest, inputs.concurrency)
  const before = recordUnchanged(loaded.manifest, split.unchanged)
  reportManifest(inputs, loaded, split, before)
  return { ...split, manifest: { file: manifestFile, before } }
}

/** Throws only before the first request. */
async function upload(inputs: UploadInputs, work: Work, plan: UploadPlan, state: RunState): Promise<Ending> {
  const tuning = getTuning()
  // The run's own folder for the assets and checksums files: one that cannot be made stops the run before any upload.
  const runFolder = await makeRunFolder().catch((error: unknown) => {
    throw new InputError(
      `Cannot write under RUNNER_TEMP (${escapeForLog(process.env.RUNNER_TEMP ?? '')}), where the run writes its ` +
        `assets and checksums files (${codeOrMessage(error)}); nothing was uploaded. Check the runner's temp folder.`
    )
  })
  const progress = new ProgressReporter(work.upload, tuning.progressIntervalMs, line => core.info(line))
  const { close: closeLines, ...lines } = transferLines()
  const retry = defaultRetryPolicy(inputs.retries, tuning.retryBaseMs)
  const ending = (unexpected?: unknown): Ending => {
    progress.stop()
    closeLines()
    const outcome = recorder.result()
    return { kind: 'uploaded', inputs, work, plan, outcome, startedAt: state.startedAt, runFolder, unexpected }
  }
  const cancellation = (state.cancellation = new Cancellation({
    onCancel: sayCancelling,
    onDeadline: () => void state.finish(ending()).finally(() => process.exit(1))
  }))
  const { baseUrl, concurrency, failFast, apiKey } = inputs
  const options = { baseUrl, concurrency, failFast, retry, progress, ...lines, signal: cancellation.signal }
  const recorder = new OutcomeRecorder(work.upload, options)
  const { stallTimeoutMs } = tuning
  const client = new NetiksClient({ baseUrl, apiKey, concurrency, userAgent: ACTION_USER_AGENT, stallTimeoutMs })
  try {
    progress.start()
    await core.group(transferTitle(inputs, work.upload, plan), async () => {
      if (plan.strategy === UploadMode.Single) await uploadSingleFiles({ client, recorder, options })
      else await uploadPresigned({ client, recorder, options })
    })
  } catch (error) {
    // Reported all the same: what was confirmed must reach the outputs and the manifest.
    return ending(error)
  } finally {
    client.close()
  }
  return ending()
}
