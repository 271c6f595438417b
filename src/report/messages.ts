import * as core from '@actions/core'
import { Output, UploadMode } from '../config/constants.js'
import type { Inputs } from '../config/inputs.js'
import {
  countOf,
  countOfTotal,
  formatBytes,
  formatRate,
  formatSeconds,
  listSome,
  totalSize,
  withStop
} from '../format.js'
import type { UnchangedFile } from '../manifest/manifest.js'
import {
  CancelledError,
  type ConfirmedUpload,
  type FailedUpload,
  type LocalFile,
  type UploadOutcome
} from '../model.js'
import { isSystemic } from '../transfer/breaker.js'
import { FailFastError } from '../transfer/outcome.js'
import type { UploadPlan } from '../transfer/plan.js'
import { planBatches } from '../transfer/presigned.js'
import { MAX_ANNOTATIONS, PerFileLines } from './log.js'
import { escapeForLog, quoteForLog } from './log-safe.js'

/** Names the server recorded differently from how they were sent, and files that may be registered twice. */
export function warnAboutConfirmed(confirmed: ConfirmedUpload[]): void {
  const renamed = confirmed.filter(upload => upload.recordedName !== upload.file.name)
  if (renamed.length > 0) {
    const names = renamed.map(upload => `${quoteForLog(upload.file.name)} as ${quoteForLog(upload.recordedName)}`)
    core.warning(
      `Netiks recorded ${countOf(renamed.length, 'asset')} under another name than was sent: ${listSome(names, 10)}. ` +
        "The outputs give the names Netiks recorded ('name' in 'assets')."
    )
  }
  const doubtful = confirmed.filter(upload => upload.possibleDuplicate)
  if (doubtful.length > 0) {
    const paths = doubtful.map(upload => escapeForLog(upload.file.relativePath))
    core.warning(
      `${countOf(doubtful.length, 'file')} may be registered twice on Netiks: an attempt's answer was lost after ` +
        `the request was sent, and the retry may have registered it again: ${listSome(paths, 10)}. ` +
        'They are marked "possible_duplicate": true in the \'assets\' output; the asset ids given are the ones confirmed.'
    )
  }
}

/**
 * One `::error::` per failed file, naming the file, the step and the reason, for the first
 * MAX_ANNOTATIONS files; returns how many failed files were not annotated.
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
  const allConfirmed = `${countOfTotal(uploaded, total, 'file')} uploaded and confirmed, and ${uploaded === 1 ? 'is' : 'are'} ${place.confirmed}.`
  return `${verdict ?? allConfirmed} ${reportProblem}`
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
  unchanged: UnchangedFile[]
): void {
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
  core.info(`Would upload ${countOf(files.length, 'file')}, ${formatBytes(totalSize(files))}:`)
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
    batchLines.line(
      `  batch ${index + 1}: files ${first}–${first + batch.length - 1} (${formatBytes(totalSize(batch))})`
    )
    first += batch.length
  }
  batchLines.close()
}
