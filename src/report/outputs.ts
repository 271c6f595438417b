import * as core from '@actions/core'
import { Output } from '../config/constants.js'
import { countOf, withStop } from '../format.js'
import { codeOrMessage } from '../model.js'
import { writeRecordFiles, type RecordFiles } from './assets-file.js'
import { escapeForLog } from './log-safe.js'
import { assetRecords, failureRecords, mapped, type RunResult } from './records.js'

const KiB = 1024

/**
 * The most each list output may take, in bytes. GitHub keeps at most 1 MB of outputs per job,
 * for every step together: these three stay at half of that, so other steps keep room for
 * theirs. `asset-ids` and `failed` stay 1 KiB under 128 KiB: Linux refuses to start a program
 * with an environment string (`NAME=value`) longer than that, and the README passes these two
 * through `env:`.
 */
export const OUTPUT_BUDGET = {
  [Output.AssetIds]: 127 * KiB,
  [Output.Assets]: 256 * KiB,
  [Output.Failed]: 127 * KiB
} as const

/** What of the outputs was written: `problem` names each file that could not be, and why. */
interface WrittenOutputs {
  /** Whether GITHUB_OUTPUT took the outputs. */
  outputsSet: boolean
  /** The run's complete record, or '' when it could not be written. */
  assetsFile: string
  problem?: string
}

/**
 * Sets every output: the assets Netiks holds for the matched files (confirmed in this run or
 * left unchanged) in path order, the counts, what failed, and the files with the complete
 * record. A list that would not fit its budget is cut at a whole element, `outputs-truncated`
 * says so, and one warning points to the assets file. Every output is tried even when the
 * record files could not be written.
 */
export async function writeOutputs(result: RunResult, runFolder?: string): Promise<WrittenOutputs> {
  const problems: string[] = []
  const files = await recordFilesOrNone(result, runFolder, problems)
  const held = result.confirmed.length + (result.unchanged?.length ?? 0)
  const ids = jsonArrayWithin(
    mapped(assetRecords(result), record => record.id),
    OUTPUT_BUDGET[Output.AssetIds]
  )
  const assets = jsonArrayWithin(assetRecords(result), OUTPUT_BUDGET[Output.Assets])
  const failed = jsonArrayWithin(failureRecords(result), OUTPUT_BUDGET[Output.Failed])
  const cut = [
    { output: Output.AssetIds, shown: ids.count, total: held },
    { output: Output.Assets, shown: assets.count, total: held },
    { output: Output.Failed, shown: failed.count, total: result.failed.length }
  ].filter(list => list.shown < list.total)
  const outputsSet = setOutputsOrSay(
    [
      [Output.AssetIds, ids.json],
      [Output.Assets, assets.json],
      [Output.Count, String(held)],
      [Output.UploadedCount, String(result.confirmed.length)],
      [Output.SkippedCount, String(result.unchanged?.length ?? 0)],
      [Output.Failed, failed.json],
      [Output.OutputsTruncated, String(cut.length > 0)],
      [Output.AssetsFile, files.assetsFile],
      [Output.ChecksumsFile, files.checksumsFile]
    ],
    problems
  )
  if (outputsSet && cut.length > 0) warnTruncated(cut, files.assetsFile, held + result.failed.length)
  if (outputsSet && files.assetsFile === '') {
    problems.push('The other outputs are set (cut if they would not fit GitHub’s limit of 1 MB per job).')
  }
  return { outputsSet, assetsFile: files.assetsFile, problem: problems.length > 0 ? problems.join(' ') : undefined }
}

/**
 * Sets the outputs in order, stopping at the first the runner's file does not take (a missing
 * folder, a full disk): the rest would fail alike, and a later step is better off with no
 * outputs than with a count beside no list.
 */
function setOutputsOrSay(outputs: Array<[Output, string]>, problems: string[]): boolean {
  for (const [index, [name, value]] of outputs.entries()) {
    try {
      core.setOutput(name, value)
    } catch (error) {
      const got = index === 0 ? 'none of them' : `only those before '${name}'`
      problems.push(
        `Could not write the step's outputs to GITHUB_OUTPUT (${escapeForLog(process.env.GITHUB_OUTPUT ?? '')}): ` +
          `${escapeForLog(withStop(codeOrMessage(error)))} Later steps get ${got}.`
      )
      return false
    }
  }
  return true
}

/**
 * The record files, or empty paths when they cannot be written (RUNNER_TEMP full or not
 * writable): the outputs are still set and the manifest saved, since what was confirmed must
 * not be forgotten; the step fails, since the complete record is missing.
 */
async function recordFilesOrNone(
  result: RunResult,
  runFolder: string | undefined,
  problems: string[]
): Promise<RecordFiles> {
  try {
    return await writeRecordFiles(result, runFolder)
  } catch (error) {
    problems.push(
      `Could not write the '${Output.AssetsFile}' and '${Output.ChecksumsFile}' files under RUNNER_TEMP ` +
        `(${escapeForLog(codeOrMessage(error))}): both outputs are empty.`
    )
    return { assetsFile: '', checksumsFile: '' }
  }
}

function warnTruncated(
  cut: Array<{ output: Output; shown: number; total: number }>,
  assetsFile: string,
  records: number
): void {
  const whereTheRestIs =
    assetsFile === ''
      ? `The rest could not be written to the '${Output.AssetsFile}' either (see the error).`
      : `Every file's record is in the file named by the '${Output.AssetsFile}' output ` +
        `(${countOf(records, 'record')}); read it with jq rather than passing lists this long through outputs or env.`
  core.warning(
    `The outputs are cut to fit GitHub's limit of 1 MB of outputs per job: ` +
      `${cut.map(list => `'${list.output}' the first ${list.shown} of ${list.total}`).join('; ')} ` +
      `(outputs-truncated is true). ${whereTheRestIs}`
  )
}

/** A JSON array of as many leading items as fit in `budget` bytes, cut at a whole element. */
function jsonArrayWithin(items: Iterable<unknown>, budget: number): { json: string; count: number } {
  const parts: string[] = []
  let bytes = 2
  for (const item of items) {
    const part = JSON.stringify(item)
    const size = Buffer.byteLength(part) + (parts.length > 0 ? 1 : 0)
    if (bytes + size > budget) break
    parts.push(part)
    bytes += size
  }
  return { json: `[${parts.join(',')}]`, count: parts.length }
}
