import * as core from '@actions/core'
import { Output } from '../config/constants.js'
import { countOf, formatBytes, formatRate, formatSeconds, totalSize } from '../format.js'
import type { FailedUpload, LocalFile } from '../model.js'
import type { UploadPlan } from '../transfer/plan.js'
import { errorMessage } from '../model.js'
import { escapeForLog, escapeForSummary, summaryHref } from './log-safe.js'
import { assetRecords, type RunResult } from './records.js'

const KiB = 1024

/**
 * GitHub drops a step's whole summary above 1 MiB ("upload aborted"). Each table stops at a
 * number of rows and of bytes, and the whole is checked against SUMMARY_MAX_BYTES before it
 * is written, so that the summary always arrives, whatever the number of files.
 */
export const SUMMARY_MAX_BYTES = 1024 * KiB
export const SUMMARY_TABLE_ROWS = 250
const SUMMARY_TABLE_BYTES = 200 * KiB
/** Failure causes listed, and files named for each. */
export const SUMMARY_FAILURE_GROUPS = 20
export const SUMMARY_FILES_PER_GROUP = 5
/**
 * Characters of a reason, a path or the base URL shown in the summary's short lists before
 * they are cut with "…" (the assets file has them whole). Escaped, a character may take up to
 * 9 bytes, so without this 20 causes of long reasons and paths alone could pass 1 MiB.
 */
export const SUMMARY_TEXT_CHARS = 1000

export interface RunSummary {
  strategy: string
  baseUrl: string
  durationMs: number
  /** What of the report could not be written (the outputs, the record files), for the step's error. */
  problem?: string
}

type Row = string[]

const RECORD_FILES =
  `every file's record is in the <code>${Output.AssetsFile}</code> output's file, and its checksum in ` +
  `<code>${Output.ChecksumsFile}</code>'s`

/**
 * The job summary, whatever the outcome: totals first, then the assets (up to a number of
 * rows, then how many more and where they are), files skipped as unchanged, and what was not
 * uploaded grouped by cause.
 */
export async function writeSummary(outcome: RunResult, run: RunSummary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const unchanged = outcome.unchanged ?? []
  const addTotals = (): void => {
    const bytes = totalSize(outcome.confirmed.map(upload => upload.file))
    core.summary.addHeading('Netiks upload', 2)
    core.summary.addTable([
      headerRow(['Uploaded', 'Skipped (unchanged)', 'Not uploaded', 'Bytes', 'Duration', 'Throughput', 'Base URL']),
      [
        String(outcome.confirmed.length),
        String(unchanged.length),
        String(outcome.failed.length),
        formatBytes(bytes),
        formatSeconds(run.durationMs),
        formatRate(bytes, run.durationMs),
        shortText(run.baseUrl)
      ]
    ])
    if (run.problem) core.summary.addRaw(`<p><strong>The step failed:</strong> ${shortText(run.problem)}</p>`, true)
  }
  addTotals()
  const summary = core.summary
  const doubtful = outcome.confirmed.filter(upload => upload.possibleDuplicate)
  if (doubtful.length > 0) {
    summary.addRaw(
      `<p>${countOf(doubtful.length, 'asset')} may be registered twice (an answer was lost after the request ` +
        `was sent): ${doubtful
          .slice(0, SUMMARY_FILES_PER_GROUP * 2)
          .map(upload => `<code>${shortText(upload.file.relativePath)}</code>`)
          .join(', ')}${doubtful.length > SUMMARY_FILES_PER_GROUP * 2 ? ', …' : ''}.</p>`,
      true
    )
  }
  if (outcome.failed.length > 0) addFailureGroups(outcome.failed)
  const held = outcome.confirmed.length + unchanged.length
  if (held > 0) {
    summary.addHeading('Assets', 3)
    addCappedTable(
      ['File', 'Size', 'Asset id', 'Mode'],
      (function* () {
        for (const asset of assetRecords(outcome)) {
          yield [
            escapeForSummary(asset.path),
            formatBytes(asset.size),
            linkTo(asset.storage_url, asset.id),
            asset.skipped ? 'unchanged' : run.strategy
          ]
        }
      })(),
      held
    )
  }
  await writeWithin(summary, addTotals)
}

/** Failures grouped by what went wrong: a count and the first few files of each cause. */
function addFailureGroups(failed: FailedUpload[]): void {
  const groups = new Map<string, { step: string; status: string; message: string; files: string[]; count: number }>()
  for (const failure of failed) {
    const status = failure.status === undefined ? '–' : String(failure.status)
    const cause = causeOf(failure)
    const key = `${failure.step}\u0000${status}\u0000${cause}`
    let group = groups.get(key)
    if (group === undefined) {
      group = { step: failure.step, status, message: cause, files: [], count: 0 }
      groups.set(key, group)
    }
    group.count++
    if (group.files.length < SUMMARY_FILES_PER_GROUP) group.files.push(failure.file.relativePath)
  }
  const ordered = [...groups.values()].sort((a, b) => b.count - a.count)
  core.summary.addHeading(`Not uploaded: ${countOf(failed.length, 'file')}`, 3)
  const rows: Row[] = []
  let bytes = 0
  for (const group of ordered) {
    const row = [
      String(group.count),
      group.step,
      group.status,
      group.message === '' ? '–' : shortText(group.message),
      group.files.map(file => `<code>${shortText(file)}</code>`).join('<br>') +
        (group.count > group.files.length ? `<br>and ${group.count - group.files.length} more` : '')
    ]
    const size = rowBytes(row)
    if (rows.length >= SUMMARY_FAILURE_GROUPS || (rows.length > 0 && bytes + size > SUMMARY_TABLE_BYTES)) break
    rows.push(row)
    bytes += size
  }
  core.summary.addTable([headerRow(['Files', 'Step', 'Status', 'Reason', 'First files']), ...rows])
  const more = ordered.length - rows.length
  if (more > 0) {
    core.summary.addRaw(
      `<p>and ${countOf(more, 'more cause')} (${countOf(
        ordered.slice(rows.length).reduce((sum, group) => sum + group.count, 0),
        'file'
      )}): every failed file and why is in the <code>${Output.Failed}</code> output and the ` +
        `<code>${Output.AssetsFile}</code>.</p>`,
      true
    )
  }
}

/** Text from outside for the summary's short lists: cut at SUMMARY_TEXT_CHARS, then escaped. */
function shortText(text: string): string {
  const chars = [...text]
  return escapeForSummary(chars.length > SUMMARY_TEXT_CHARS ? `${chars.slice(0, SUMMARY_TEXT_CHARS).join('')}…` : text)
}

/** Bytes a table row takes: its cells and their tags. */
function rowBytes(row: Row): number {
  return row.reduce((sum, cell) => sum + Buffer.byteLength(cell) + 9, 9)
}

/**
 * What went wrong, in words that do not depend on the file: its URL and its name are left out,
 * so that 3,000 files refused alike make one group.
 */
export function causeOf(failure: FailedUpload): string {
  let text = failure.message.replace(/\bhttps?:\/\/[^\s"'<>]+/g, '‹url›')
  for (const own of [failure.file.relativePath, failure.file.name]) {
    if (own !== '') text = text.split(own).join('‹file›')
  }
  return text
}

/** A table of at most SUMMARY_TABLE_ROWS rows and SUMMARY_TABLE_BYTES, then how many more. */
function addCappedTable(header: string[], rows: Iterable<Row>, total: number, whereTheRestIs = RECORD_FILES): void {
  const shown: Row[] = []
  let bytes = 0
  for (const row of rows) {
    const size = rowBytes(row)
    if (shown.length >= SUMMARY_TABLE_ROWS || bytes + size > SUMMARY_TABLE_BYTES) break
    shown.push(row)
    bytes += size
  }
  core.summary.addTable([headerRow(header), ...shown])
  if (total > shown.length) {
    core.summary.addRaw(`<p>and ${total - shown.length} more: ${whereTheRestIs}.</p>`, true)
  }
}

/**
 * Writes the summary, or, should it still exceed GitHub's limit, a short one that does not:
 * the totals (when `addTotals` is given) and where the complete record is.
 */
async function writeWithin(summary: typeof core.summary, addTotals?: () => void): Promise<void> {
  if (Buffer.byteLength(summary.stringify()) > SUMMARY_MAX_BYTES - 4 * KiB) {
    summary.emptyBuffer()
    if (addTotals) addTotals()
    else summary.addHeading('Netiks upload', 2)
    summary.addRaw(
      `<p>The summary was too large for GitHub's limit of 1 MiB per step; the complete record is in the ` +
        `<code>${Output.AssetsFile}</code> output's file.</p>`,
      true
    )
  }
  await writeOrWarn(summary)
}

/**
 * The summary is a courtesy: a file the runner provides that cannot be written (a runner or a
 * local tool that set GITHUB_STEP_SUMMARY to a missing folder) is one warning, never a crash.
 */
async function writeOrWarn(summary: typeof core.summary): Promise<void> {
  try {
    await summary.write()
  } catch (error) {
    summary.emptyBuffer()
    core.warning(`Could not write the job summary: ${escapeForLog(errorMessage(error))}`)
  }
}

/** A summary for a run that stopped before uploading anything (bad input, no files). */
export async function writeFailureSummary(message: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const text = message.length > 16 * KiB ? `${message.slice(0, 16 * KiB)}…` : message
  await writeOrWarn(
    core.summary.addHeading('Netiks upload', 2).addRaw(`<p>Nothing was uploaded: ${escapeForSummary(text)}</p>`, true)
  )
}

/** The dry run's plan: the mode, the totals, and the files that would be sent. */
export async function writePlanSummary(files: LocalFile[], plan: UploadPlan | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const mode = plan ? ` Mode: ${plan.strategy} (${escapeForSummary(plan.reason)}).` : ''
  core.summary
    .addHeading('Netiks upload (dry run)', 2)
    .addRaw(
      `<p>Nothing was uploaded. Would upload ${countOf(files.length, 'file')}, ${formatBytes(totalSize(files))}.${mode}</p>`,
      true
    )
  if (files.length > 0) {
    addCappedTable(
      ['File', 'Size', 'Content type', 'Name'],
      (function* () {
        for (const file of files) {
          yield [
            escapeForSummary(file.relativePath),
            formatBytes(file.size),
            escapeForSummary(file.contentType),
            escapeForSummary(file.name)
          ]
        }
      })(),
      files.length,
      'the log lists every file with step debug logging'
    )
  }
  await writeWithin(core.summary)
}

function headerRow(titles: string[]): { data: string; header: true }[] {
  return titles.map(data => ({ data, header: true }))
}

/** An asset id, linked to its storage URL when the server gave an http(s) one. */
function linkTo(url: string | undefined, id: string): string {
  const href = url ? summaryHref(url) : undefined
  return href ? `<a href="${href}">${escapeForSummary(id)}</a>` : escapeForSummary(id)
}
