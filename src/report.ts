import * as core from '@actions/core'
import { Output, UploadMode } from './constants.js'
import { compareText, countOf, formatBytes, formatSeconds, totalSize } from './format.js'
import type { Inputs } from './inputs.js'
import type { UnchangedFile } from './manifest.js'
import { planBatches } from './transfer/presigned.js'
import type { ConfirmedUpload, FailedUpload, LocalFile, UploadOutcome } from './netiks/types.js'
import type { UploadPlan } from './plan.js'
import { escapeForLog, escapeForSummary, quoteForLog, summaryHref } from './report/log-safe.js'

/** One element of the `assets` output. */
export interface AssetOutput {
  path: string
  name: string
  id: string
  storage_url: string
  size: number
  content_type: string
  sha256: string
  /** True when the file was not sent because the manifest holds it unchanged. */
  skipped: boolean
  /**
   * True when an earlier attempt to register this asset may have succeeded too (its answer was
   * lost), so Netiks may hold a second asset for this file.
   */
  possible_duplicate: boolean
}

export function toAssetOutput(upload: ConfirmedUpload): AssetOutput {
  return {
    path: upload.file.relativePath,
    name: upload.recordedName,
    id: upload.asset.id,
    storage_url: upload.storageUrl,
    size: upload.file.size,
    content_type: upload.contentType,
    sha256: upload.sha256,
    skipped: false,
    possible_duplicate: upload.possibleDuplicate
  }
}

export function unchangedToAssetOutput({ file, entry }: UnchangedFile): AssetOutput {
  return {
    path: file.relativePath,
    name: file.name,
    id: entry.id,
    storage_url: entry.storage_url,
    size: file.size,
    content_type: entry.content_type,
    sha256: entry.sha256,
    skipped: true,
    possible_duplicate: false
  }
}

/** What a run reports: uploaded, left unchanged, and not uploaded. */
export interface RunResult {
  confirmed: ConfirmedUpload[]
  failed: FailedUpload[]
  unchanged?: UnchangedFile[]
}

/** One element of the `failed` output. */
export interface FailureOutput {
  path: string
  step: FailedUpload['step']
  status: number | null
  message: string
}

export function toFailureOutput(failure: FailedUpload): FailureOutput {
  return {
    path: failure.file.relativePath,
    step: failure.step,
    status: failure.status ?? null,
    message: failure.message
  }
}

/**
 * Sets every output: the assets Netiks holds for the matched files — confirmed in this run or
 * left unchanged — in the order of the sorted files, the counts, and what failed.
 */
export function writeOutputs(result: RunResult): void {
  const unchanged = result.unchanged ?? []
  const assets = [...result.confirmed.map(toAssetOutput), ...unchanged.map(unchangedToAssetOutput)].sort((a, b) =>
    compareText(a.path, b.path)
  )
  core.setOutput(Output.AssetIds, JSON.stringify(assets.map(asset => asset.id)))
  core.setOutput(Output.Assets, JSON.stringify(assets))
  core.setOutput(Output.Count, String(assets.length))
  core.setOutput(Output.UploadedCount, String(result.confirmed.length))
  core.setOutput(Output.SkippedCount, String(unchanged.length))
  core.setOutput(Output.Failed, JSON.stringify(result.failed.map(toFailureOutput)))
}

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

/** Names listed in one warning before "and N more". */
const NAMED_IN_WARNING = 10

/** One `::error::` per file whose upload failed, naming the file, the step and the reason. */
export function annotateFailures(failed: FailedUpload[]): void {
  for (const failure of failed) {
    if (failure.step === 'not-started') continue
    core.error(`${escapeForLog(failure.file.relativePath)}: ${escapeForLog(failure.message)}`, {
      title: `Netiks ${failure.step} failed`
    })
  }
}

export interface RunSummary {
  strategy: string
  baseUrl: string
  durationMs: number
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

/**
 * The job summary: a table of every confirmed asset, the totals, then what was not uploaded.
 * Written whatever the outcome, failures and cancellation included.
 */
export async function writeSummary(outcome: RunResult, run: RunSummary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const bytes = totalSize(outcome.confirmed.map(upload => upload.file))
  const unchanged = outcome.unchanged ?? []
  const summary = core.summary.addHeading('Netiks upload', 2)
  if (outcome.confirmed.length > 0) {
    summary.addTable([
      ['File', 'Size', 'Asset id', 'Mode'].map(data => ({ data, header: true })),
      ...outcome.confirmed.map(upload => [
        escapeForSummary(upload.file.relativePath),
        formatBytes(upload.file.size),
        linkTo(upload.storageUrl, upload.asset.id),
        run.strategy
      ])
    ])
  }
  summary.addTable([
    ['Files', 'Bytes', 'Duration', 'Throughput', 'Base URL'].map(data => ({ data, header: true })),
    [
      `${outcome.confirmed.length} of ${outcome.confirmed.length + outcome.failed.length}` +
        (unchanged.length > 0 ? ` (+${unchanged.length} unchanged)` : ''),
      formatBytes(bytes),
      formatSeconds(run.durationMs),
      formatRate(bytes, run.durationMs),
      escapeForSummary(run.baseUrl)
    ]
  ])
  const doubtful = outcome.confirmed.filter(upload => upload.possibleDuplicate)
  if (doubtful.length > 0) {
    summary.addRaw(
      `<p>${countOf(doubtful.length, 'asset')} may be registered twice (an answer was lost after the request ` +
        `was sent): ${doubtful
          .slice(0, NAMED_IN_WARNING)
          .map(upload => `<code>${escapeForSummary(upload.file.relativePath)}</code>`)
          .join(', ')}${doubtful.length > NAMED_IN_WARNING ? ', …' : ''}.</p>`,
      true
    )
  }
  if (unchanged.length > 0) {
    summary.addHeading('Skipped as unchanged', 3)
    summary.addTable([
      ['File', 'Size', 'Asset id', 'Uploaded'].map(data => ({ data, header: true })),
      ...unchanged.map(({ file, entry }) => [
        escapeForSummary(file.relativePath),
        formatBytes(file.size),
        linkTo(entry.storage_url, entry.id),
        escapeForSummary(entry.uploaded_at)
      ])
    ])
  }
  if (outcome.failed.length > 0) {
    summary.addHeading('Not uploaded', 3)
    summary.addTable([
      ['File', 'Step', 'Status', 'Reason'].map(data => ({ data, header: true })),
      ...outcome.failed.map(failure => [
        escapeForSummary(failure.file.relativePath),
        failure.step,
        failure.status === undefined ? '' : String(failure.status),
        escapeForSummary(failure.message)
      ])
    ])
  }
  await summary.write()
}

/** A summary for a run that stopped before uploading anything (bad input, no files). */
export async function writeFailureSummary(message: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary
    .addHeading('Netiks upload', 2)
    .addRaw(`<p>Nothing was uploaded: ${escapeForSummary(message)}</p>`, true)
    .write()
}

/** The dry-run plan, in the log: each file, the mode and why, and the generate batches. */
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
    for (const { file, entry } of unchanged) {
      core.info(`  • ${escapeForLog(file.relativePath)}  (asset ${escapeForLog(entry.id)})`)
    }
  }
  if (files.length === 0 || plan === undefined) {
    core.info('Would upload: nothing.')
    return
  }
  core.info(
    `Mode: ${plan.strategy} (${plan.reason}); ${inputs.concurrency} files at a time; base-url ${inputs.baseUrl}.`
  )
  core.info(`Would upload ${countOf(files.length, 'file')}, ${formatBytes(bytes)}:`)
  for (const file of files) {
    core.info(
      `  • ${escapeForLog(file.relativePath)}  ${formatBytes(file.size)}  ${file.contentType}  as ${quoteForLog(file.name)}`
    )
  }
  if (plan.strategy === UploadMode.Single) {
    core.info(`Requests: ${countOf(files.length, 'multipart upload')}, one per file.`)
    return
  }
  const batches = planBatches(files)
  core.info(`Requests: ${countOf(batches.length, 'generate call')}, then one PUT and one confirm per file:`)
  let first = 1
  for (const [index, batch] of batches.entries()) {
    const batchBytes = totalSize(batch)
    core.info(`  batch ${index + 1}: files ${first}–${first + batch.length - 1} (${formatBytes(batchBytes)})`)
    first += batch.length
  }
}

export async function writePlanSummary(files: LocalFile[], plan: UploadPlan | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const mode = plan ? ` Mode: ${plan.strategy} (${escapeForSummary(plan.reason)}).` : ''
  await core.summary
    .addHeading('Netiks upload (dry run)', 2)
    .addRaw(`<p>Nothing was uploaded.${mode}</p>`, true)
    .addTable([
      ['File', 'Size', 'Content type', 'Name'].map(data => ({ data, header: true })),
      ...files.map(file => [
        escapeForSummary(file.relativePath),
        formatBytes(file.size),
        escapeForSummary(file.contentType),
        escapeForSummary(file.name)
      ])
    ])
    .write()
}

function formatRate(bytes: number, durationMs: number): string {
  return durationMs > 0 ? `${formatBytes(Math.round(bytes / (durationMs / 1000)))}/s` : 'n/a'
}

/** An asset id, linked to its storage URL when the server gave an http(s) one. */
function linkTo(url: string | undefined, id: string): string {
  const href = url ? summaryHref(url) : undefined
  return href ? `<a href="${href}">${escapeForSummary(id)}</a>` : escapeForSummary(id)
}
