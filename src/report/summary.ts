import * as core from '@actions/core'
import { Output } from '../config/constants.js'
import { countOf, formatBytes, formatRate, formatSeconds, totalSize } from '../format.js'
import { errorMessage, type FailedUpload, type LocalFile } from '../model.js'
import type { UploadPlan } from '../transfer/plan.js'
import { escapeForLog, escapeForSummary, summaryHref } from './log-safe.js'
import { assetRecords, mapped, type RunResult } from './records.js'

const KiB = 1024

/**
 * GitHub drops a step's whole summary above 1 MiB. Each table stops at a number of rows and of
 * bytes, and the whole is checked before it is written, so that the summary always arrives.
 */
const SUMMARY_MAX_BYTES = 1024 * KiB
const TABLE_ROWS = 250
const TABLE_BYTES = 200 * KiB
const FAILURE_GROUPS = 20
const FILES_PER_GROUP = 5
/** An escaped character may take 9 bytes: long reasons and paths are cut, or 20 causes could pass 1 MiB. */
const TEXT_CHARS = 1000

interface RunSummary {
  strategy: string
  baseUrl: string
  durationMs: number
  /** What of the report could not be written, for the step's error. */
  problem?: string
}

type Row = string[]

const RECORD_FILES =
  `every file's record is in the <code>${Output.AssetsFile}</code> output's file, and its checksum in ` +
  `<code>${Output.ChecksumsFile}</code>'s`

/**
 * The job summary, whatever the outcome: totals first, then files that may be registered twice,
 * what was not uploaded grouped by cause, and the assets (skipped ones included).
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
  const doubtful = outcome.confirmed.filter(upload => upload.possibleDuplicate)
  if (doubtful.length > 0) {
    const named = doubtful
      .slice(0, FILES_PER_GROUP * 2)
      .map(upload => `<code>${shortText(upload.file.relativePath)}</code>`)
    core.summary.addRaw(
      `<p>${countOf(doubtful.length, 'asset')} may be registered twice (an answer was lost after the request ` +
        `was sent): ${named.join(', ')}${doubtful.length > named.length ? ', …' : ''}.</p>`,
      true
    )
  }
  if (outcome.failed.length > 0) addFailureGroups(outcome.failed)
  const held = outcome.confirmed.length + unchanged.length
  if (held > 0) {
    core.summary.addHeading('Assets', 3)
    const rows = mapped(assetRecords(outcome), asset => [
      escapeForSummary(asset.path),
      formatBytes(asset.size),
      linkTo(asset.storage_url, asset.id),
      asset.skipped ? 'unchanged' : run.strategy
    ])
    addCappedTable(['File', 'Size', 'Asset id', 'Mode'], rows, held)
  }
  await writeWithin(addTotals)
}

/** Failures grouped by what went wrong: a count and the first few files of each cause. */
function addFailureGroups(failed: FailedUpload[]): void {
  const groups = new Map<string, { cells: string[]; files: string[]; count: number }>()
  for (const failure of failed) {
    const cells = [failure.step, failure.status === undefined ? '–' : String(failure.status), causeOf(failure)]
    const key = cells.join('\u0000')
    const group = groups.get(key) ?? { cells, files: [], count: 0 }
    groups.set(key, group)
    group.count++
    if (group.files.length < FILES_PER_GROUP) group.files.push(failure.file.relativePath)
  }
  const ordered = [...groups.values()].sort((a, b) => b.count - a.count)
  core.summary.addHeading(`Not uploaded: ${countOf(failed.length, 'file')}`, 3)
  const rows = mapped(ordered, ({ cells: [step, status, cause], files, count }) => [
    String(count),
    step,
    status,
    cause === '' ? '–' : shortText(cause),
    files.map(file => `<code>${shortText(file)}</code>`).join('<br>') +
      (count > files.length ? `<br>and ${count - files.length} more` : '')
  ])
  const shown = takeRows(rows, FAILURE_GROUPS)
  core.summary.addTable([headerRow(['Files', 'Step', 'Status', 'Reason', 'First files']), ...shown])
  const more = ordered.slice(shown.length)
  if (more.length > 0) {
    const files = more.reduce((sum, group) => sum + group.count, 0)
    core.summary.addRaw(
      `<p>and ${countOf(more.length, 'more cause')} (${countOf(files, 'file')}): every failed file and why is in ` +
        `the <code>${Output.Failed}</code> output and the <code>${Output.AssetsFile}</code>.</p>`,
      true
    )
  }
}

/** What went wrong, without the file's URL and name, so that 3,000 files refused alike make one group. */
function causeOf(failure: FailedUpload): string {
  let text = failure.message.replace(/\bhttps?:\/\/[^\s"'<>]+/g, '‹url›')
  for (const own of [failure.file.relativePath, failure.file.name]) {
    if (own !== '') text = text.split(own).join('‹file›')
  }
  return text
}

/** Text from outside for the summary's short lists: cut at TEXT_CHARS, then escaped. */
function shortText(text: string): string {
  const chars = [...text]
  return escapeForSummary(chars.length > TEXT_CHARS ? `${chars.slice(0, TEXT_CHARS).join('')}…` : text)
}

/** The leading rows within `maxRows` and TABLE_BYTES (the first row always). */
function takeRows(rows: Iterable<Row>, maxRows: number): Row[] {
  const shown: Row[] = []
  let bytes = 0
  for (const row of rows) {
    const size = row.reduce((sum, cell) => sum + Buffer.byteLength(cell) + 9, 9)
    if (shown.length >= maxRows || (shown.length > 0 && bytes + size > TABLE_BYTES)) break
    shown.push(row)
    bytes += size
  }
  return shown
}

/** A table of at most TABLE_ROWS rows and TABLE_BYTES, then how many more. */
function addCappedTable(header: string[], rows: Iterable<Row>, total: number, whereTheRestIs = RECORD_FILES): void {
  const shown = takeRows(rows, TABLE_ROWS)
  core.summary.addTable([headerRow(header), ...shown])
  if (total > shown.length) core.summary.addRaw(`<p>and ${total - shown.length} more: ${whereTheRestIs}.</p>`, true)
}

/**
 * Writes the summary, or, should it still exceed GitHub's limit, a short one that does not:
 * the totals (when `addTotals` is given) and where the complete record is.
 */
async function writeWithin(addTotals?: () => void): Promise<void> {
  if (Buffer.byteLength(core.summary.stringify()) > SUMMARY_MAX_BYTES - 4 * KiB) {
    core.summary.emptyBuffer()
    if (addTotals) addTotals()
    else core.summary.addHeading('Netiks upload', 2)
    core.summary.addRaw(
      `<p>The summary was too large for GitHub's limit of 1 MiB per step; the complete record is in the ` +
        `<code>${Output.AssetsFile}</code> output's file.</p>`,
      true
    )
  }
  await writeOrWarn()
}

/** The summary is a courtesy: a file that cannot be written is one warning, never a crash. */
async function writeOrWarn(): Promise<void> {
  try {
    await core.summary.write()
  } catch (error) {
    core.summary.emptyBuffer()
    core.warning(`Could not write the job summary: ${escapeForLog(errorMessage(error))}`)
  }
}

/** A summary for a run that stopped before uploading anything (bad input, no files). */
export async function writeFailureSummary(message: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const text = message.length > 16 * KiB ? `${message.slice(0, 16 * KiB)}…` : message
  core.summary.addHeading('Netiks upload', 2).addRaw(`<p>Nothing was uploaded: ${escapeForSummary(text)}</p>`, true)
  await writeOrWarn()
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
    const rows = mapped(files, file => [
      escapeForSummary(file.relativePath),
      formatBytes(file.size),
      escapeForSummary(file.contentType),
      escapeForSummary(file.name)
    ])
    addCappedTable(
      ['File', 'Size', 'Content type', 'Name'],
      rows,
      files.length,
      'the log lists every file with step debug logging'
    )
  }
  await writeWithin()
}

function headerRow(titles: string[]): { data: string; header: true }[] {
  return titles.map(data => ({ data, header: true }))
}

/** An asset id, linked to its storage URL when the server gave an http(s) one. */
function linkTo(url: string | undefined, id: string): string {
  const href = url ? summaryHref(url) : undefined
  return href ? `<a href="${href}">${escapeForSummary(id)}</a>` : escapeForSummary(id)
}
