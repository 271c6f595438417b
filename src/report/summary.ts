import * as core from '@actions/core'
import { Output } from '../config/constants.js'
import { countOf, formatBytes, formatRate, formatSeconds, totalSize } from '../format.js'
import { errorMessage, type FailedUpload, type LocalFile } from '../model.js'
import type { UploadPlan } from '../transfer/plan.js'
import { escapeForLog, escapeForSummary, summaryHref } from './log-safe.js'
import { assetRecords, leading, mapped, type RunResult } from './records.js'

const KiB = 1024
/**
 * GitHub drops a step's whole summary above 1 MiB: the caps keep it well under that, with two
 * tables of TABLE_BYTES, ten paths and two texts of TEXT_CHARS, and a failure message cut at 16 KiB.
 */
const TABLE_ROWS = 250
const TABLE_BYTES = 200 * KiB
const FAILURE_GROUPS = 20
const FILES_PER_GROUP = 5
/** An escaped character may take 9 bytes: long reasons and paths are cut, or 20 causes could pass 1 MiB. */
const TEXT_CHARS = 1000

const RECORD_FILES =
  `every file's record is in the <code>${Output.AssetsFile}</code> output's file, and its checksum in ` +
  `<code>${Output.ChecksumsFile}</code>'s`

/** The job summary, whatever the outcome: totals, files that may be registered twice, failures by cause, the assets. */
export async function writeSummary(
  outcome: RunResult,
  run: { strategy: string; baseUrl: string; durationMs: number; problem?: string }
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const unchanged = outcome.unchanged ?? []
  const bytes = totalSize(outcome.confirmed.map(upload => upload.file))
  core.summary.addHeading('Netiks upload', 2)
  const counts = [outcome.confirmed.length, unchanged.length, outcome.failed.length].map(String)
  const rates = [formatBytes(bytes), formatSeconds(run.durationMs), formatRate(bytes, run.durationMs)]
  const header = ['Uploaded', 'Skipped (unchanged)', 'Not uploaded', 'Bytes', 'Duration', 'Throughput', 'Base URL']
  addTable(header, [[...counts, ...rates, shortText(run.baseUrl)]])
  if (run.problem) addParagraph(`<strong>The step failed:</strong> ${shortText(run.problem)}`)
  const doubtful = outcome.confirmed.filter(upload => upload.possibleDuplicate)
  if (doubtful.length > 0) {
    const named = doubtful.slice(0, FILES_PER_GROUP * 2).map(upload => code(upload.file.relativePath))
    addParagraph(
      `${countOf(doubtful.length, 'asset')} may be registered twice (an answer was lost after the request ` +
        `was sent): ${named.join(', ')}${doubtful.length > named.length ? ', …' : ''}.`
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
    addTable(['File', 'Size', 'Asset id', 'Mode'], rows, held)
  }
  await writeOrWarn()
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
    files.map(code).join('<br>') + (count > files.length ? `<br>and ${count - files.length} more` : '')
  ])
  const more = ordered.slice(addTable(['Files', 'Step', 'Status', 'Reason', 'First files'], rows, 0, FAILURE_GROUPS))
  if (more.length > 0) {
    const files = more.reduce((sum, group) => sum + group.count, 0)
    addParagraph(
      `and ${countOf(more.length, 'more cause')} (${countOf(files, 'file')}): every failed file and why is in ` +
        `the <code>${Output.Failed}</code> output and the <code>${Output.AssetsFile}</code>.`
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

function code(text: string): string {
  return `<code>${shortText(text)}</code>`
}

function addParagraph(html: string): void {
  core.summary.addRaw(`<p>${html}</p>`, true)
}

/**
 * The one table writer: the leading rows within `maxRows` and TABLE_BYTES, then, when `total` is
 * more, how many more and `whereTheRestIs`. Returns how many rows it shows.
 */
function addTable(
  header: string[],
  rows: Iterable<string[]>,
  total = 0,
  maxRows = TABLE_ROWS,
  whereTheRestIs = RECORD_FILES
): number {
  const rowBytes = (row: string[]): number => row.reduce((sum, cell) => sum + Buffer.byteLength(cell) + 9, 9)
  const shown = leading(rows, TABLE_BYTES, rowBytes, maxRows)
  core.summary.addTable([header.map(data => ({ data, header: true })), ...shown])
  if (total > shown.length) addParagraph(`and ${total - shown.length} more: ${whereTheRestIs}.`)
  return shown.length
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
  core.summary.addHeading('Netiks upload', 2)
  addParagraph(`Nothing was uploaded: ${escapeForSummary(text)}`)
  await writeOrWarn()
}

/** The dry run's plan: the mode, the totals, and the files that would be sent. */
export async function writePlanSummary(files: LocalFile[], plan: UploadPlan | undefined): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const mode = plan ? ` Mode: ${plan.strategy} (${escapeForSummary(plan.reason)}).` : ''
  core.summary.addHeading('Netiks upload (dry run)', 2)
  addParagraph(
    `Nothing was uploaded. Would upload ${countOf(files.length, 'file')}, ${formatBytes(totalSize(files))}.${mode}`
  )
  if (files.length > 0) {
    const rows = mapped(files, file =>
      [file.relativePath, formatBytes(file.size), file.contentType, file.name].map(escapeForSummary)
    )
    const rest = 'the log lists every file with step debug logging'
    addTable(['File', 'Size', 'Content type', 'Name'], rows, files.length, TABLE_ROWS, rest)
  }
  await writeOrWarn()
}

/** An asset id, linked to its storage URL when the server gave an http(s) one. */
function linkTo(url: string | undefined, id: string): string {
  const href = url ? summaryHref(url) : undefined
  return href ? `<a href="${href}">${escapeForSummary(id)}</a>` : escapeForSummary(id)
}
