import * as core from '@actions/core'
import { Output, UploadMode } from '../config/constants.js'
import { countOf, countOfTotal, formatBytes, formatRate, formatSeconds, totalSize, withStop } from '../format.js'
import { CancelledError } from '../model.js'
import { isSystemic } from '../transfer/breaker.js'
import { FailFastError } from '../transfer/outcome.js'
import type { Inputs } from '../config/inputs.js'
import type { UnchangedFile } from '../manifest/manifest.js'
import type { ConfirmedUpload, FailedUpload, LocalFile, UploadOutcome } from '../model.js'
import type { UploadPlan } from '../transfer/plan.js'
import { planBatches } from '../transfer/presigned.js'
import { MAX_ANNOTATIONS, PerFileLines } from './log.js'
import { escapeForLog, quoteForLog } from './log-safe.js'

/** Names listed in one warning before "and N more". */
const NAMED_IN_WARNING = 10

/** The server recorded some names differently from how they were sent: one warning says which. */
export function warnAboutRecordedNames(confirmed: ConfirmedUpload[]): void {
  const renamed = confirmed.filter(upload => upload.recordedName !== upload.file.name)
  if (renamed.length === 0) return
  const shown = renamed.slice(0, NAMED_IN_WARNING)
  const more = renamed.length > shown.length ? `, and ${renamed.length - shown.length} more` : ''
  core.warning(
    `Netiks recorded ${countOf(renamed.length, 'asset')} under another name than was sent: ` +
      `${shown.map(upload => `${quoteForLog(upload.file.name)} as ${quoteForLog(upload.recordedName)}`).join(', ')}${more}. ` +
      "The outputs give the names Netiks recorded ('name' in 'assets')."
  )
}

/** Files that may be registered twice: one warning names them, and the outputs mark them. */
export function warnAboutPossibleDuplicates(confirmed: ConfirmedUpload[]): void {
  const doubtful = confirmed.filter(upload => upload.possibleDuplicate)
  if (doubtful.length === 0) return
  const shown = doubtful.slice(0, NAMED_IN_WARNING)
  const more = doubtful.length > shown.length ? `, and ${doubtful.length - shown.length} more` : ''
  core.warning(
    `${countOf(doubtful.length, 'file')} may be registered twice on Netiks: an attempt's answer was lost after ` +
      `the request was sent, and the retry may have registered it again: ` +
      `${shown.map(upload => escapeForLog(upload.file.relativePath)).join(', ')}${more}. ` +
      'They are marked "possible_duplicate": true in the \'assets\' output; the asset ids given are the ones confirmed.'
  )
}

/**
 * One `::error::` per failed file, naming the file, the step and the reason, for the first
 * MAX_ANNOTATIONS files (GitHub shows about that many); returns how many failed files were
 * not annotated, for the step's closing error to count.
 */
export function annotateFailures(failed: FailedUpload[]): number {
  const worth = failed.filter(failure => failure.step !== 'not-started')
  for (const failure of worth.slice(0, MAX_ANNOTATIONS)) {
    core.error(`${escapeForLog(failure.file.relativePath)}: ${escapeForLog(failure.message)}`, {
      title: `Netiks ${failure.step} failed`
    })
  }
  return Math.max(0, worth.length - MAX_ANNOTATIONS)
}

/** Where the run's record can be read, for the step's closing error. */
export interface RecordPlace {
  /** Where the confirmed assets are: "in the outputs", or the files that hold them when the outputs could not be written. */
  confirmed: string
  /** Where every failed file and why is. */
  failed: string
}

/** Where the record is: the outputs, or, when GITHUB_OUTPUT could not take them, the files that still hold it. */
export function recordPlace(report: { outputsSet: boolean; assetsFile: string; manifest?: string }): RecordPlace {
  const assetsFile = report.assetsFile === '' ? undefined : `the assets file ${escapeForLog(report.assetsFile)}`
  if (report.outputsSet) {
    return {
      confirmed: 'in the outputs',
      failed: `in the '${Output.Failed}' output${assetsFile ? ` and the '${Output.AssetsFile}'` : ''}`
    }
  }
  const manifest = report.manifest ? `the manifest ${escapeForLog(report.manifest)}` : undefined
  const files = [assetsFile, manifest].filter(file => file !== undefined)
  return {
    confirmed: files.length > 0 ? `in ${files.join(' and ')}` : 'in this log and the job summary',
    failed: assetsFile ? `in ${assetsFile}` : 'in the job summary'
  }
}

/**
 * The step's closing error, or undefined when the run succeeded: what stopped it or how many
 * files failed, how many were confirmed and where they are, and what of the report could not
 * be written (`reportProblem`). `notAnnotated`: failed files left out of the annotations.
 */
export function closingError(
  outcome: UploadOutcome,
  total: number,
  place: RecordPlace,
  notAnnotated = 0,
  reportProblem?: string
): string | undefined {
  const verdict = runVerdict(outcome, total, place, notAnnotated)
  if (reportProblem === undefined) return verdict
  const uploaded = outcome.confirmed.length
  return (
    (verdict ??
      `${countOfTotal(uploaded, total, 'file')} uploaded and confirmed, and ${uploaded === 1 ? 'is' : 'are'} ` +
        `${place.confirmed}.`) + ` ${reportProblem}`
  )
}

function runVerdict(
  outcome: UploadOutcome,
  total: number,
  place: RecordPlace,
  notAnnotated: number
): string | undefined {
  const { stoppedBy, confirmed, failed } = outcome
  const confirmedOf = `${countOfTotal(confirmed.length, total, 'file')} confirmed and ${confirmed.length === 1 ? 'is' : 'are'} ${place.confirmed}`
  if (isSystemic(stoppedBy)) {
    // One error that names the cause, not one per file: every file failed for the same reason.
    return `${withStop(escapeForLog(stoppedBy!.message))} ${confirmedOf}.`
  }
  if (stoppedBy instanceof CancelledError) {
    const unknown = failed.filter(failure => failure.step.endsWith('-unknown')).length
    const mayExist = unknown > 0 ? `, of which ${unknown} may exist on Netiks (sent, never answered)` : ''
    const notUploaded =
      failed.length > 0
        ? `; ${failed.length} ${failed.length === 1 ? 'was' : 'were'} not uploaded${mayExist} (listed ${place.failed})`
        : ''
    return `The run was cancelled: ${confirmedOf}${notUploaded}.`
  }
  if (failed.length === 0) return undefined
  const failFast =
    stoppedBy instanceof FailFastError
      ? ` Stopped by fail-fast after ${escapeForLog(stoppedBy.file.relativePath)} failed: no other file was started.`
      : ''
  const more = notAnnotated > 0 ? ` ${countOf(notAnnotated, 'more failed file')} not annotated above.` : ''
  return (
    `${countOfTotal(failed.length, total, 'file')} not uploaded; ${confirmed.length} ` +
    `${confirmed.length === 1 ? 'was confirmed and is' : 'were confirmed and are'} ${place.confirmed}.${failFast}${more} ` +
    `Every failed file and why is ${place.failed}, and the job summary groups them by cause.`
  )
}

/** The one-line result: "12 assets uploaded to Netiks, 48.2 MiB in 3.1 s (15.5 MiB/s)". */
export function describeResult(outcome: UploadOutcome, total: number, durationMs: number, unchanged = 0): string {
  const bytes = totalSize(outcome.confirmed.map(upload => upload.file))
  const count = outcome.confirmed.length === total ? `${total}` : `${outcome.confirmed.length} of ${total}`
  const skipped = unchanged > 0 ? `; ${countOf(unchanged, 'unchanged file')} skipped` : ''
  return (
    `${count} asset${total === 1 ? '' : 's'} uploaded to Netiks, ${formatBytes(bytes)} in ` +
    `${formatSeconds(durationMs)} (${formatRate(bytes, durationMs)})${skipped}.`
  )
}

/** The dry-run plan, in the log: each file (up to a cap), the mode and why, and the generate batches. */
export function printPlan(
  files: LocalFile[],
  plan: UploadPlan | undefined,
  inputs: Inputs,
  unchanged: UnchangedFile[] = []
): void {
  const bytes = totalSize(files)
  core.info('Dry run: nothing will be uploaded.')
  if (unchanged.length > 0) {
    core.info(`Would skip ${countOf(unchanged.length, 'file')} the manifest holds unchanged:`)
    const lines = new PerFileLines('files to skip')
    for (const { file, entry } of unchanged) {
      lines.line(() => `  • ${escapeForLog(file.relativePath)}  (asset ${escapeForLog(entry.id)})`)
    }
    lines.close()
  }
  if (files.length === 0 || plan === undefined) {
    core.info('Would upload: nothing.')
    return
  }
  core.info(
    `Mode: ${plan.strategy} (${plan.reason}); ${countOf(inputs.concurrency, 'file')} at a time; base-url ${inputs.baseUrl}.`
  )
  core.info(`Would upload ${countOf(files.length, 'file')}, ${formatBytes(bytes)}:`)
  const lines = new PerFileLines('files to upload')
  for (const file of files) {
    lines.line(
      () =>
        `  • ${escapeForLog(file.relativePath)}  ${formatBytes(file.size)}  ${file.contentType}  as ${quoteForLog(file.name)}`
    )
  }
  lines.close()
  if (plan.strategy === UploadMode.Single) {
    core.info(`Requests: ${countOf(files.length, 'multipart upload')}, one per file.`)
    return
  }
  const batches = planBatches(files)
  core.info(`Requests: ${countOf(batches.length, 'generate call')}, then one PUT and one confirm per file:`)
  const batchLines = new PerFileLines('generate batches')
  let first = 1
  for (const [index, batch] of batches.entries()) {
    const batchBytes = totalSize(batch)
    batchLines.line(`  batch ${index + 1}: files ${first}–${first + batch.length - 1} (${formatBytes(batchBytes)})`)
    first += batch.length
  }
  batchLines.close()
}
