import * as core from '@actions/core'
import path from 'node:path'
import { ACTION_USER_AGENT, Input, NoFileOption, UploadMode } from './config/constants.js'
import { CancelledError, InputError, codeOrMessage, errorMessage } from './model.js'
import { findFiles, nameAssets, type FoundFiles } from './files/find.js'
import { countOf, formatBytes, formatSeconds, listSome, totalSize, withStop } from './format.js'
import { getInputs, getTuning, type Inputs, type UploadInputs } from './config/inputs.js'
import { pathInside, samePath } from './files/paths.js'
import { takeShard } from './files/shard.js'
import { NetiksClient } from './netiks/client.js'
import type { FailedUpload, LocalFile, UploadOutcome } from './model.js'
import { RefusedFilesError, choosePlan, type UploadPlan } from './transfer/plan.js'
import { CappedWarnings, PerFileLines } from './report/log.js'
import { escapeForLog, quoteForLog } from './report/log-safe.js'
import {
  annotateFailures,
  closingError,
  describeResult,
  recordPlace,
  type RecordPlace,
  printPlan,
  warnAboutPossibleDuplicates,
  warnAboutRecordedNames
} from './report/messages.js'
import { makeRunFolder } from './report/assets-file.js'
import { OutputsNotWrittenError, writeOutputs } from './report/outputs.js'
import { ProgressReporter } from './report/progress.js'
import { writeFailureSummary, writePlanSummary, writeSummary } from './report/summary.js'
import { Cancellation } from './transfer/cancel.js'
import { isSystemic } from './transfer/breaker.js'
import { MAX_URL_REFRESHES } from './transfer/expiry.js'
import { OutcomeRecorder, type UploadOptions } from './transfer/outcome.js'
import { uploadPresigned } from './transfer/presigned.js'
import { defaultRetryPolicy } from './transfer/retry.js'
import { uploadSingleFiles } from './transfer/single.js'
import { compareWithManifest, reportAllUnchanged, saveManifest, type Work } from './sync.js'

/** inputs → files → manifest → plan → upload → report. The one place that fails the step. */
export async function run(): Promise<void> {
  const startedAt = Date.now()
  let work: Work | undefined
  try {
    maskApiKey()
    const inputs = getInputs()
    // Globs, the manifest and every reported path start here, whatever the current directory.
    const workspace = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd())
    const manifestFile = inputs.manifest ? path.resolve(workspace, inputs.manifest) : undefined
    const { files: matched, leftOut } = await core.group(
      'Resolve files',
      async () => await resolveFiles(inputs, workspace, manifestFile)
    )
    if (matched.length === 0) return failStep(leftOutError(leftOut))
    // Named before the split, so a file's name does not depend on which shard sends it.
    const { files, line: shardLine } = takeShard(matched, inputs.shard)
    if (shardLine) core.info(shardLine)
    work = manifestFile
      ? await core.group(
          'Compare with the manifest',
          async () => await compareWithManifest(inputs, files, manifestFile)
        )
      : { upload: files, unchanged: [] }
    work.leftOut = leftOut
    const plan = work.upload.length > 0 ? choosePlan(inputs.mode, work.upload) : undefined
    let closing: string | undefined
    if (inputs.dryRun) await dryRun(inputs, work, plan)
    else if (plan === undefined) closing = await reportAllUnchanged(inputs, work)
    else closing = await upload(inputs, work, plan, startedAt)
    failStep(closing, leftOutError(leftOut))
  } catch (error) {
    // Only what happens before the first request gets here: upload() reports what it sent.
    // Entries the search left out are in 'failed' here too: the one error names them as well.
    failStep(await reportRefusal(error, work), leftOutError(work?.leftOut ?? []))
    await writeFailureSummary(errorMessage(error))
  }
}

/** The one way the step fails: one error, written after every output and record the run has. */
function failStep(...messages: (string | undefined)[]): void {
  const said = messages.filter(message => message !== undefined)
  if (said.length > 0) core.setFailed(said.join(' '))
}

/**
 * The error of a run refused before any request. When files were refused (too large for bulk
 * mode, a name single mode cannot keep), the outputs say so: no asset, every refused file in
 * `failed` with why, the others as not started, and the assets file with their records.
 */
async function reportRefusal(error: unknown, work: Work | undefined): Promise<string> {
  // Its own message is escaped already, part by part.
  const message = error instanceof OutputsNotWrittenError ? error.message : escapeForLog(errorMessage(error))
  if (!(error instanceof RefusedFilesError) || work === undefined) return message
  try {
    const failed = [...(work.leftOut ?? []), ...error.failures(work.upload)]
    await writeOutputs({ confirmed: [], failed, unchanged: work.unchanged })
    return message
  } catch (outputsError) {
    return `${withStop(message)} ${errorMessage(outputsError)}`
  }
}

/** Masks the key before anything can print it, even when it is otherwise invalid. */
function maskApiKey(): void {
  const raw = core.getInput(Input.ApiKey)
  if (raw.trim() !== '') core.setSecret(raw.trim())
}

/** What the search found, and the matched entries it had to leave out, as failures to report. */
async function resolveFiles(
  inputs: Inputs,
  workspace: string,
  manifestFile?: string
): Promise<{ files: LocalFile[]; leftOut: FailedUpload[] }> {
  const found = await findFiles(inputs.patterns, workspace, undefined, { includeHidden: inputs.includeHiddenFiles })
  const isManifest = (file: LocalFile): boolean =>
    manifestFile !== undefined && samePath(file.absolutePath, manifestFile)
  // A manifest is often hidden (.netiks.json, .netiks/manifest.json): it is named as the
  // manifest; a hidden folder holding it stays in the hidden line, as it may hold more.
  const isHiddenManifest = (shown: string): boolean =>
    manifestFile !== undefined && samePath(path.resolve(workspace, shown), manifestFile)
  const holdsManifest = (shown: string): boolean =>
    manifestFile !== undefined &&
    shown.endsWith('/') &&
    pathInside(path.resolve(workspace, shown), manifestFile) !== undefined
  if (found.files.some(isManifest) || found.hidden.some(shown => isHiddenManifest(shown) || holdsManifest(shown))) {
    core.info(`Leaving out the manifest itself (${escapeForLog(inputs.manifest)}): it changes on every run.`)
    found.files = found.files.filter(file => !isManifest(file))
    found.hidden = found.hidden.filter(shown => !isHiddenManifest(shown))
  }
  if (found.outside.length > 0) {
    core.warning(
      `${countOf(found.outside.length, 'matched file')} outside the workspace (${escapeForLog(workspace)}), reported with ` +
        `${found.outside.length === 1 ? 'its' : 'their'} absolute path: ${listSome(found.outside.map(escapeForLog))}`
    )
  }
  if (found.brokenLinks.length > 0) {
    core.warning(
      `Skipping ${countOf(found.brokenLinks.length, 'broken symbolic link')} ` +
        `(the target does not exist): ${listSome(found.brokenLinks.map(escapeForLog))}`
    )
  }
  sayWhatWasLeftOut(found)
  const leftOut = found.unreachable.filter(entry => entry.matched).map(leftOutFailure)
  const { files, clashes } = nameAssets(found.files, inputs.assetName, found.root)
  const clashWarnings = new CappedWarnings('names shared by several files')
  for (const clash of clashes) {
    clashWarnings.warn(
      `${listSome(clash.paths.map(escapeForLog), 10, ' and ')} would all be uploaded as ${quoteForLog(clash.name)}: ` +
        `Netiks will hold ${clash.paths.length} assets of that name. Set asset-name: relative to keep their paths apart.`
    )
  }
  clashWarnings.close()
  const listed = new PerFileLines('matched files')
  for (const file of files) {
    listed.line(
      () =>
        `• ${escapeForLog(file.relativePath)} (${formatBytes(file.size)}, ${file.contentType}) as ${quoteForLog(file.name)}`
    )
  }
  listed.close()
  if (files.length > 0) {
    const bytes = totalSize(files)
    core.info(`${countOf(files.length, 'file')}, ${formatBytes(bytes)}.`)
    return { files, leftOut }
  }
  const message = `${noFilesFound(found)} with the provided path: ${inputs.patterns.join(', ')}. No assets will be uploaded.`
  if (inputs.ifNoFilesFound === NoFileOption.Error) {
    // The warning above points to the 'failed' output for the matched entries left out: it is
    // written before the refusal, which stays the step's one error.
    if (leftOut.length > 0) {
      await writeOutputs({ confirmed: [], failed: leftOut }).catch((error: unknown) =>
        core.warning(errorMessage(error))
      )
    }
    throw new InputError(message)
  }
  if (inputs.ifNoFilesFound === NoFileOption.Warn) core.warning(escapeForLog(message))
  else core.info(escapeForLog(message))
  await writeOutputs({ confirmed: [], failed: leftOut })
  return { files, leftOut }
}

/**
 * What the search left out, each kind in one line: hidden names as a notice (a docs site may
 * need them: the line says how to take them in), the rest as warnings.
 */
function sayWhatWasLeftOut(found: FoundFiles): void {
  const { hidden, linksOut, special, unreachable } = found
  if (hidden.length > 0) {
    core.notice(
      `Left out ${entries(hidden.length, 'hidden file or folder', 'hidden files and folders')} ` +
        `(names starting with "."): ${listSome(hidden.map(escapeForLog), 5)}. To upload them, set ` +
        `${Input.IncludeHiddenFiles}: true, or name them in 'path' without a wildcard ` +
        `(such as ${escapeForLog(hidden[0].replace(/\/$/, ''))}).`
    )
  }
  if (linksOut.length > 0) {
    core.warning(
      `Skipping ${countOf(linksOut.length, 'symbolic link')} inside the workspace that ` +
        `${linksOut.length === 1 ? 'leads' : 'lead'} out of it: ` +
        `${listSome(
          linksOut.map(link => `${escapeForLog(link.path)} → ${escapeForLog(link.target)}`),
          10
        )}. ` +
        "Nothing reached through them is uploaded. To upload a file outside the workspace on purpose, give its absolute path in 'path'."
    )
  }
  if (special.length > 0) {
    core.warning(
      `Skipping ${entries(special.length, 'matched entry', 'matched entries')} that ` +
        `${special.length === 1 ? 'is not a regular file' : 'are not regular files'}: ` +
        `${listSome(
          special.map(entry => `${escapeForLog(entry.path)} (${entry.kind})`),
          10
        )}. Only regular files are uploaded.`
    )
  }
  if (unreachable.length > 0) {
    const matched = unreachable.filter(entry => entry.matched).length
    core.warning(
      `Left out ${entries(unreachable.length, 'entry', 'entries')} that cannot be looked at: ` +
        `${listSome(
          unreachable.map(entry => `${escapeForLog(entry.path)} (${entry.reason})`),
          10
        )}. ` +
        "Rename or remove them, or exclude them with a ! line in 'path'" +
        (matched > 0
          ? `; the ${matched === 1 ? 'one' : matched} 'path' matched ${matched === 1 ? 'is' : 'are'} in the 'failed' output.`
          : '.')
    )
  }
}

function entries(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** A matched entry the search could not look at, as a failure of the run: it was not uploaded. */
function leftOutFailure(entry: FoundFiles['unreachable'][number]): FailedUpload {
  const name = entry.path.slice(entry.path.lastIndexOf('/') + 1)
  return {
    file: { absolutePath: '', relativePath: entry.path, name, size: 0, contentType: 'application/octet-stream' },
    step: 'not-started',
    message: `Left out by the file search: ${entry.reason}. Rename or remove it, or exclude it with a ! line in 'path'.`
  }
}

/** Why no file will be uploaded: none matched, or those that did are not regular files. */
function noFilesFound(found: FoundFiles): string {
  // Not escaped here: the message is escaped once, as a whole, wherever it is written.
  const notFiles = [
    ...found.special.map(entry => `${entry.path} is ${entry.kind}`),
    ...found.unreachable.map(entry => `${entry.path} cannot be looked at`),
    ...found.linksOut.map(link => `${link.path} leads out of the workspace`),
    ...found.hidden.map(entry => `${entry} is hidden`)
  ]
  return notFiles.length === 0
    ? 'No files were found'
    : `No regular file to upload was found (${listSome(notFiles, 5, '; ')})`
}

/** Why the step fails when a matched entry was left out: it is in 'failed', and was not uploaded. */
function leftOutError(leftOut: FailedUpload[]): string | undefined {
  if (leftOut.length === 0) return undefined
  return (
    `${entries(leftOut.length, 'matched entry was', 'matched entries were')} left out by the file search and ` +
    `not uploaded: ${listSome(
      leftOut.map(failure => escapeForLog(failure.file.relativePath)),
      10
    )} ` +
    "(see the warning above; listed in the 'failed' output)."
  )
}

async function dryRun(inputs: Inputs, work: Work, plan: UploadPlan | undefined): Promise<void> {
  const files = work.upload
  printPlan(files, plan, inputs, work.unchanged)
  await writeOutputs({ confirmed: [], failed: work.leftOut ?? [] })
  await writePlanSummary(files, plan)
  const bytes = totalSize(files)
  const skipped = work.unchanged.length > 0 ? ` (${work.unchanged.length} unchanged would be skipped)` : ''
  core.notice(
    `Dry run: ${countOf(files.length, 'file')} (${formatBytes(bytes)}) would be uploaded ` +
      `to Netiks${plan ? ` in ${plan.strategy} mode` : ''}${skipped}. Nothing was uploaded.`
  )
}

/** Sends the files and reports them; returns the step's closing error, if it fails. Throws only before the first request. */
async function upload(
  inputs: UploadInputs,
  work: Work,
  plan: UploadPlan,
  startedAt: number
): Promise<string | undefined> {
  const files = work.upload
  // Before anything is sent: where the report's files go.
  const tuning = getTuning()
  const runFolder = await openRunFolder()
  const progress = new ProgressReporter(files, tuning.progressIntervalMs, line => core.info(line))
  const lines = runLines()
  const options: UploadOptions = {
    baseUrl: inputs.baseUrl,
    concurrency: inputs.concurrency,
    retry: defaultRetryPolicy(inputs.retries, tuning.retryBaseMs),
    failFast: inputs.failFast,
    progress,
    onConfirmed: upload =>
      lines.confirmed.line(
        () =>
          `✓ ${escapeForLog(upload.file.relativePath)} (${formatBytes(upload.file.size)}) → ` +
          `asset ${escapeForLog(upload.assetId)}`
      ),
    onRetry: (file, _step, retry, delayMs, error) =>
      lines.retries.line(
        () =>
          `↻ ${escapeForLog(file.relativePath)}: ${escapeForLog(withStop(errorMessage(error)))} Retry ${retry} in ${formatSeconds(delayMs)}.`
      ),
    onUrlRefresh: ({ file, refresh }) =>
      lines.retries.line(
        () =>
          `↻ ${escapeForLog(file.relativePath)}: S3 refused its presigned URL as expired; generating a fresh one ` +
          `(${refresh} of ${MAX_URL_REFRESHES}).`
      ),
    onFileChanged: (before, now) =>
      lines.changed.warn(
        `File changed while it waited to be uploaded: ${escapeForLog(before.relativePath)} ` +
          `(${before.size} → ${now.size} bytes); sending it again as it is now.`
      )
  }
  // Written once, by whichever comes first: the end of the run or the cancellation deadline.
  let reporting: Promise<string | undefined> | undefined
  const report = async (): Promise<string | undefined> => {
    reporting ??= reportRun(inputs, work, plan, recorder.result(), startedAt, runFolder, () => {
      progress.stop()
      lines.close()
    })
    return await reporting
  }
  const cancellation = new Cancellation({
    onCancel: signal =>
      core.warning(
        `Received ${signal}: cancelling. Nothing new starts and bodies still being sent are aborted; ` +
          'requests already sent are given until the runner’s deadline to be answered.'
      ),
    onDeadline: () => {
      void report()
        .then(failStep, (error: unknown) => failStep(reportFailure(error)))
        .finally(() => process.exit(1))
    }
  })
  options.signal = cancellation.signal
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
    `Upload ${countOf(files.length, 'file')} (${formatBytes(bytes)}) to ${escapeForLog(inputs.baseUrl)} ` +
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
  }
  // Reported even after an unexpected error: what was confirmed must reach the outputs and the
  // manifest. The signal handlers stay until it is written, so a signal cannot cut it short.
  let failure: string | undefined
  try {
    failure = await report()
  } catch (error) {
    failure = reportFailure(error)
  } finally {
    cancellation.dispose()
  }
  if (unexpected === undefined) return failure
  const cause = `The upload stopped on an unexpected error: ${escapeForLog(withStop(errorMessage(unexpected)))}`
  return failure === undefined ? cause : `${cause} ${failure}`
}

/** A report that could not be finished: the step fails, and never says that nothing was uploaded. */
function reportFailure(error: unknown): string {
  return (
    `The run's report could not be finished (${escapeForLog(errorMessage(error))}): files may have been ` +
    'uploaded; the log above lists every file confirmed.'
  )
}

/** A folder of the run's own under RUNNER_TEMP, for the assets and checksums files. */
async function openRunFolder(): Promise<string> {
  try {
    return await makeRunFolder()
  } catch (error) {
    throw new InputError(
      `Cannot write under RUNNER_TEMP (${escapeForLog(process.env.RUNNER_TEMP ?? '')}), where the run writes its ` +
        `assets and checksums files (${codeOrMessage(error)}); nothing was uploaded. Check the runner's temp folder.`
    )
  }
}

/**
 * Outputs, manifest, summary and the result line, for whatever the run achieved; returns the
 * step's closing error. Each is written even when one before it could not be: a GITHUB_OUTPUT
 * the runner cannot take still leaves the manifest, the summary and the log telling what was
 * uploaded, and the error names the file that could not be written.
 */
async function reportRun(
  inputs: Inputs,
  work: Work,
  plan: UploadPlan,
  outcome: UploadOutcome,
  startedAt: number,
  runFolder: string,
  endLiveLog: () => void
): Promise<string | undefined> {
  endLiveLog()
  const durationMs = Date.now() - startedAt
  const result = { ...outcome, failed: [...(work.leftOut ?? []), ...outcome.failed], unchanged: work.unchanged }
  let written: { outputsSet: boolean; assetsFile: string; problem?: string }
  try {
    written = { outputsSet: true, assetsFile: (await writeOutputs(result, runFolder)).assetsFile }
  } catch (error) {
    written =
      error instanceof OutputsNotWrittenError
        ? { outputsSet: error.outputsSet, assetsFile: error.assetsFile, problem: error.message }
        : { outputsSet: false, assetsFile: '', problem: escapeForLog(errorMessage(error)) }
  }
  let manifestProblem: string | undefined
  if (work.manifest) manifestProblem = await saveManifest(inputs, work.manifest, outcome.confirmed)
  const manifestSaved = work.manifest !== undefined && manifestProblem === undefined
  await writeSummary(result, {
    strategy: plan.strategy,
    baseUrl: inputs.baseUrl,
    durationMs,
    problem: written.problem
  })
  warnAboutRecordedNames(outcome.confirmed)
  warnAboutPossibleDuplicates(outcome.confirmed)
  const place = recordPlace({ ...written, manifest: manifestSaved ? inputs.manifest : undefined })
  // One closing error for the step: what could not be written of the report is part of it.
  const problems = [written.problem, manifestProblem].filter(problem => problem !== undefined)
  const problem = problems.length > 0 ? problems.join(' ') : undefined
  return finish(outcome, work.upload.length, durationMs, work.unchanged.length, place, problem)
}

/** The run's per-file lines: shown up to a cap, then left to the progress lines (and the debug log). */
function runLines(): {
  confirmed: PerFileLines
  retries: PerFileLines
  changed: CappedWarnings
  close: () => void
} {
  const lines = {
    confirmed: new PerFileLines('confirmed files'),
    retries: new PerFileLines('retries'),
    changed: new CappedWarnings('files that changed while they waited'),
    close: () => {
      lines.confirmed.close()
      lines.retries.close()
      lines.changed.close()
    }
  }
  return lines
}

/** The result line, and the step's closing error if it fails (with the failed files annotated). */
function finish(
  outcome: UploadOutcome,
  total: number,
  durationMs: number,
  unchanged: number,
  place: RecordPlace,
  reportProblem?: string
): string | undefined {
  const result = describeResult(outcome, total, durationMs, unchanged)
  core.info(result)
  core.notice(result, { title: 'Netiks upload' })
  const { stoppedBy } = outcome
  const perFile = outcome.failed.length > 0 && !isSystemic(stoppedBy) && !(stoppedBy instanceof CancelledError)
  const notAnnotated = perFile ? annotateFailures(outcome.failed) : 0
  return closingError(outcome, total, place, notAnnotated, reportProblem)
}
