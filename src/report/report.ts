import * as core from '@actions/core'
import type { Inputs } from '../config/inputs.js'
import { countOf, formatBytes, totalSize, withStop } from '../format.js'
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
import { RefusedFilesError, type UploadPlan } from '../transfer/plan.js'
import { leftOutError } from './found.js'
import { escapeForLog } from './log-safe.js'
import {
  annotateFailures,
  closingError,
  describeResult,
  printPlan,
  recordPlace,
  warnAboutConfirmed,
  type RecordPlace
} from './messages.js'
import { writeOutputs } from './outputs.js'
import type { RunResult } from './records.js'
import { writeFailureSummary, writePlanSummary, writeSummary } from './summary.js'

/** Where the manifest is saved, and what it held before this run (the unchanged files' entries under their paths). */
export interface ManifestToSave {
  file: string
  before: Manifest
}

/** What the run found to do: the files to send, those the manifest holds unchanged, and the entries the search left out. */
export interface Work {
  upload: LocalFile[]
  unchanged: UnchangedFile[]
  leftOut: FailedUpload[]
  manifest?: ManifestToSave
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
 * The run's report, however it ended: the one place that writes the outputs and saves the
 * manifest, then the summary and the closing lines. Each is written even when one before it
 * could not be. Returns the step's closing error in parts (undefined where all is well).
 */
export async function report(ending: Ending): Promise<Array<string | undefined>> {
  return await reportEnding(ending).catch((error: unknown) => [
    `The run's report could not be finished (${escapeForLog(errorMessage(error))}): files may have been ` +
      'uploaded; the log above lists every file confirmed.'
  ])
}

async function reportEnding(ending: Ending): Promise<Array<string | undefined>> {
  const durationMs = ending.kind === 'uploaded' ? Date.now() - ending.startedAt : 0
  if (ending.kind === 'dry-run') printPlan(ending.work.upload, ending.plan, ending.inputs, ending.work.unchanged)
  const result = resultOf(ending)
  const written = result && (await writeOutputs(result, ending.kind === 'uploaded' ? ending.runFolder : undefined))
  const saves = (ending.kind === 'unchanged' || ending.kind === 'uploaded') && ending.work.manifest
  const manifestProblem = saves ? await saveManifest(ending.inputs.manifest, saves, result!.confirmed) : undefined
  const problem = [written?.problem, manifestProblem].filter(part => part !== undefined).join(' ') || undefined
  switch (ending.kind) {
    case 'refused':
      await writeFailureSummary(errorMessage(ending.error))
      return [
        refusalError(escapeForLog(errorMessage(ending.error)), written?.problem),
        leftOutError(ending.work?.leftOut ?? [])
      ]
    case 'no-files':
      if (ending.refusal === undefined) {
        if (problem !== undefined) await writeFailureSummary(problem)
        return [problem, leftOutError(ending.leftOut)]
      }
      await writeFailureSummary(ending.refusal)
      return [refusalError(escapeForLog(ending.refusal), written?.problem)]
    case 'dry-run':
      await writePlanSummary(ending.work.upload, ending.plan)
      sayDryRun(ending.work, ending.plan)
      return [problem, leftOutError(ending.work.leftOut)]
    case 'unchanged':
      await writeSummary(result!, {
        strategy: 'none',
        baseUrl: ending.inputs.baseUrl,
        durationMs,
        problem: written!.problem
      })
      sayNothingToUpload(ending.work.unchanged.length)
      return [problem, leftOutError(ending.work.leftOut)]
    case 'uploaded': {
      const summary = {
        strategy: ending.plan.strategy,
        baseUrl: ending.inputs.baseUrl,
        durationMs,
        problem: written!.problem
      }
      await writeSummary(result!, summary)
      const place = recordPlace({
        ...written!,
        manifest: saves && !manifestProblem ? ending.inputs.manifest : undefined
      })
      return [...sayUploaded(ending, durationMs, place, problem), leftOutError(ending.work.leftOut)]
    }
  }
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
  switch (ending.kind) {
    case 'refused': {
      const { error, work } = ending
      if (!(error instanceof RefusedFilesError) || work === undefined) return undefined
      return { confirmed: [], failed: [...work.leftOut, ...error.failures(work.upload)], unchanged: work.unchanged }
    }
    case 'no-files':
      return ending.refusal !== undefined && ending.leftOut.length === 0
        ? undefined
        : { confirmed: [], failed: ending.leftOut }
    case 'dry-run':
      return { confirmed: [], failed: ending.work.leftOut }
    case 'unchanged':
      return { confirmed: [], failed: ending.work.leftOut, unchanged: ending.work.unchanged }
    case 'uploaded': {
      const { outcome, work } = ending
      return { ...outcome, failed: [...work.leftOut, ...outcome.failed], unchanged: work.unchanged }
    }
  }
}

/** A refusal's error (escaped), and what of the outputs could not be written. */
function refusalError(message: string, outputsProblem: string | undefined): string {
  return outputsProblem === undefined ? message : `${withStop(message)} ${outputsProblem}`
}

/**
 * Writes the manifest; returns why it could not be, which fails the step (the next run would
 * upload everything again) as part of the step's one closing error.
 */
async function saveManifest(
  shown: string,
  manifest: ManifestToSave,
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

function sayDryRun(work: Work, plan: UploadPlan | undefined): void {
  const skipped = work.unchanged.length > 0 ? ` (${work.unchanged.length} unchanged would be skipped)` : ''
  core.notice(
    `Dry run: ${countOf(work.upload.length, 'file')} (${formatBytes(totalSize(work.upload))}) would be uploaded ` +
      `to Netiks${plan ? ` in ${plan.strategy} mode` : ''}${skipped}. Nothing was uploaded.`
  )
}
