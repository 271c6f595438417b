import * as core from '@actions/core'
import { Output } from '../config/constants.js'
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
import type { Manifest, UnchangedFile } from '../manifest/manifest.js'
import { writeManifest } from '../manifest/write.js'
import {
  CancelledError,
  codeOrMessage,
  errorMessage,
  type ConfirmedUpload,
  type FailedUpload,
  type LocalFile,
  type UploadOutcome
} from '../model.js'
import { isSystemic } from '../transfer/breaker.js'
import { FailFastError } from '../transfer/outcome.js'
import { RefusedFilesError, type UploadPlan } from '../transfer/plan.js'
import { leftOutError, printPlan, sayDryRun } from './found.js'
import { MAX_ANNOTATIONS } from './log.js'
import { escapeForLog, quoteForLog } from './log-safe.js'
import { writeOutputs } from './outputs.js'
import type { RunResult } from './records.js'
import { writeFailureSummary, writePlanSummary, writeSummary } from './summary.js'

/** What the run found to do: the files to send, those the manifest holds unchanged, and the entries the search left out. */
export interface Work {
  upload: LocalFile[]
  unchanged: UnchangedFile[]
  leftOut: FailedUpload[]
  /** Where the manifest is saved, and what it held before this run. */
  manifest?: { file: string; before: Manifest }
}

/** How the run ended, which decides what its report says. */
export type Ending =
  /** Refused before any request; `work` once the files were compared (a refusal of some lists them all). */
  | { kind: 'refused'; error: unknown; work?: Work }
  /** No file to upload; `refusal` when if-no-files-found is error. */
  | { kind: 'no-files'; leftOut: FailedUpload[]; refusal?: string }
  | { kind: 'dry-run'; inputs: Inputs; work: Work; plan?: UploadPlan }
  | { kind: 'unchanged'; inputs: Inputs; work: Work }
  | {
      kind: 'uploaded'
      inputs: Inputs
      work: Work
      plan: UploadPlan
      outcome: UploadOutcome
      startedAt: number
      runFolder: string
      unexpected?: unknown
    }

/**
 * The one place that writes the outputs and saves the manifest; each part is written even when one
 * before it failed. Returns the step's closing error, or undefined when all is well.
 */
export async function report(ending: Ending): Promise<string | undefined> {
  return await reportEnding(ending).then(
    parts => joined(...parts),
    (error: unknown) =>
      `The run's report could not be finished (${escapeForLog(errorMessage(error))}): files may have been ` +
      'uploaded; the log above lists every file confirmed.'
  )
}

/** The parts said, as one text; undefined when none is. */
function joined(...parts: Array<string | undefined>): string | undefined {
  const said = parts.filter(part => part !== undefined)
  return said.length > 0 ? said.join(' ') : undefined
}

async function reportEnding(ending: Ending): Promise<Array<string | undefined>> {
  if (ending.kind === 'dry-run') printPlan(ending.work.upload, ending.plan, ending.inputs, ending.work.unchanged)
  const result = resultOf(ending)
  const written = result && (await writeOutputs(result, ending.kind === 'uploaded' ? ending.runFolder : undefined))
  if (ending.kind === 'refused' || (ending.kind === 'no-files' && ending.refusal !== undefined)) {
    const refusal = ending.kind === 'refused' ? errorMessage(ending.error) : ending.refusal!
    await writeFailureSummary(refusal)
    const message = escapeForLog(refusal)
    const leftOut = ending.kind === 'refused' ? leftOutError(ending.work?.leftOut ?? []) : undefined
    return [written?.problem === undefined ? message : `${withStop(message)} ${written.problem}`, leftOut]
  }
  const saves = (ending.kind === 'unchanged' || ending.kind === 'uploaded') && ending.work.manifest
  const manifestProblem = saves ? await saveManifest(ending.inputs.manifest, saves, result!.confirmed) : undefined
  const problem = joined(written?.problem, manifestProblem)
  const leftOut = leftOutError(ending.kind === 'no-files' ? ending.leftOut : ending.work.leftOut)
  if (ending.kind === 'no-files') {
    if (problem !== undefined) await writeFailureSummary(problem)
  } else if (ending.kind === 'dry-run') {
    await writePlanSummary(ending.work.upload, ending.plan)
    sayDryRun(ending.work.upload, ending.plan, ending.work.unchanged.length)
  } else {
    const durationMs = ending.kind === 'uploaded' ? Date.now() - ending.startedAt : 0
    const strategy = ending.kind === 'uploaded' ? ending.plan.strategy : 'none'
    await writeSummary(result!, { strategy, baseUrl: ending.inputs.baseUrl, durationMs, problem: written!.problem })
    if (ending.kind === 'unchanged') sayNothingToUpload(ending.work.unchanged.length)
    else {
      const place = recordPlace({
        ...written!,
        manifest: saves && !manifestProblem ? ending.inputs.manifest : undefined
      })
      return [...sayUploaded(ending, durationMs, place, problem), leftOut]
    }
  }
  return [problem, leftOut]
}

/** The warnings about what was confirmed, the result line, the failures annotated, and the step's closing error. */
function sayUploaded(
  { outcome, work, unexpected }: Extract<Ending, { kind: 'uploaded' }>,
  durationMs: number,
  place: RecordPlace,
  problem: string | undefined
): Array<string | undefined> {
  warnAboutConfirmed(outcome.confirmed)
  const line = describeResult(outcome, work.upload.length, durationMs, work.unchanged.length)
  core.info(line)
  core.notice(line, { title: 'Netiks upload' })
  const { stoppedBy } = outcome
  const perFile = outcome.failed.length > 0 && !isSystemic(stoppedBy) && !(stoppedBy instanceof CancelledError)
  const notAnnotated = perFile ? annotateFailures(outcome.failed) : 0
  return [
    unexpected === undefined
      ? undefined
      : `The upload stopped on an unexpected error: ${escapeForLog(withStop(errorMessage(unexpected)))}`,
    closingError(outcome, work.upload.length, place, notAnnotated, problem)
  ]
}

function sayNothingToUpload(unchanged: number): void {
  // No file at all only when a shard took none of the matched files.
  const why =
    unchanged === 0
      ? 'none of the matched files is in this shard.'
      : `all ${unchanged} matched file${unchanged === 1 ? ' is' : 's are'} unchanged since the manifest recorded them.`
  core.notice(`Nothing to upload: ${why}`, { title: 'Netiks upload' })
}

/** What the outputs hold, or undefined where a run writes none. */
function resultOf(ending: Ending): RunResult | undefined {
  if (ending.kind === 'uploaded') {
    const { outcome, work } = ending
    return { ...outcome, failed: [...work.leftOut, ...outcome.failed], unchanged: work.unchanged }
  }
  if (ending.kind === 'refused') {
    const { error, work } = ending
    if (!(error instanceof RefusedFilesError) || work === undefined) return undefined
    return { confirmed: [], failed: [...work.leftOut, ...error.failures(work.upload)], unchanged: work.unchanged }
  }
  if (ending.kind === 'no-files') {
    return ending.refusal !== undefined && ending.leftOut.length === 0
      ? undefined
      : { confirmed: [], failed: ending.leftOut }
  }
  return {
    confirmed: [],
    failed: ending.work.leftOut,
    unchanged: ending.kind === 'unchanged' ? ending.work.unchanged : []
  }
}

/** Writes the manifest; returns why it could not be, which fails the step: the next run would upload everything again. */
async function saveManifest(
  shown: string,
  manifest: NonNullable<Work['manifest']>,
  confirmed: ConfirmedUpload[]
): Promise<string | undefined> {
  try {
    const assets = await writeManifest(manifest.file, manifest.before, confirmed)
    core.info(`Manifest ${escapeForLog(shown)} written: ${countOf(assets, 'asset')}.`)
    return undefined
  } catch (error) {
    return (
      `Could not write the manifest ${escapeForLog(shown)} (${escapeForLog(codeOrMessage(error))}): ` +
      'the next run will upload every file of this one again.'
    )
  }
}

/** Names the server recorded differently from how they were sent, and files that may be registered twice. */
function warnAboutConfirmed(confirmed: ConfirmedUpload[]): void {
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

/** One `::error::` per failed file up to MAX_ANNOTATIONS; returns how many were not annotated. */
function annotateFailures(failed: FailedUpload[]): number {
  const worth = failed.filter(failure => failure.step !== 'not-started')
  for (const failure of worth.slice(0, MAX_ANNOTATIONS)) {
    core.error(`${escapeForLog(failure.file.relativePath)}: ${escapeForLog(failure.message)}`, {
      title: `Netiks ${failure.step} failed`
    })
  }
  return Math.max(0, worth.length - MAX_ANNOTATIONS)
}

/** Where the confirmed assets, and every failed file and why, can be read: for the closing error. */
export interface RecordPlace {
  confirmed: string
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

/** The step's closing error (undefined on success): what stopped the run or failed, what was confirmed and where. */
export function closingError(
  outcome: UploadOutcome,
  total: number,
  place: RecordPlace,
  notAnnotated = 0,
  reportProblem?: string
): string | undefined {
  const { stoppedBy, confirmed, failed } = outcome
  const isWhere = `${confirmed.length === 1 ? 'is' : 'are'} ${place.confirmed}`
  const confirmedOf = `${countOfTotal(confirmed.length, total, 'file')} confirmed and ${isWhere}`
  if (isSystemic(stoppedBy)) {
    // One error that names the cause, not one per file: every file failed for the same reason.
    return joined(`${withStop(escapeForLog(stoppedBy!.message))} ${confirmedOf}.`, reportProblem)
  }
  if (stoppedBy instanceof CancelledError) {
    const unknown = failed.filter(failure => failure.step.endsWith('-unknown')).length
    const mayExist = unknown > 0 ? `, of which ${unknown} may exist on Netiks (sent, never answered)` : ''
    const notUploaded =
      failed.length > 0
        ? `; ${failed.length} ${failed.length === 1 ? 'was' : 'were'} not uploaded${mayExist} (listed ${place.failed})`
        : ''
    return joined(`The run was cancelled: ${confirmedOf}${notUploaded}.`, reportProblem)
  }
  if (failed.length === 0) {
    const allConfirmed = `${countOfTotal(confirmed.length, total, 'file')} uploaded and confirmed, and ${isWhere}.`
    return reportProblem === undefined ? undefined : `${allConfirmed} ${reportProblem}`
  }
  const failFast =
    stoppedBy instanceof FailFastError
      ? ` Stopped by fail-fast after ${escapeForLog(stoppedBy.file.relativePath)} failed: no other file was started.`
      : ''
  const more = notAnnotated > 0 ? ` ${countOf(notAnnotated, 'more failed file')} not annotated above.` : ''
  const verdict =
    `${countOfTotal(failed.length, total, 'file')} not uploaded; ${confirmed.length} ` +
    `${confirmed.length === 1 ? 'was confirmed and is' : 'were confirmed and are'} ${place.confirmed}.${failFast}${more} ` +
    `Every failed file and why is ${place.failed}, and the job summary groups them by cause.`
  return joined(verdict, reportProblem)
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
