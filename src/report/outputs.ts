import * as core from '@actions/core'
import { Output } from '../config/constants.js'
import { countOf, withStop } from '../format.js'
import { codeOrMessage } from '../model.js'
import { writeRecordFiles, type RecordFiles } from './assets-file.js'
import { escapeForLog } from './log-safe.js'
import { assetRecords, failureRecords, heldCount, type RunResult } from './records.js'

const KiB = 1024

/**
 * The most each list output may take, in bytes. GitHub keeps at most 1 MB of outputs per job,
 * for every step together, and drops the job's outputs beyond it: these three stay at half of
 * that, so other steps keep room for theirs. A list that would not fit is cut at a whole
 * element; the assets file always holds everything.
 *
 * `asset-ids` and `failed` stay 1 KiB under 128 KiB: Linux refuses to start a program with an
 * environment string (`NAME=value`) longer than 128 KiB ("Argument list too long"), and the
 * README passes these two through `env:`, so a full one must still fit beside its name.
 */
export const OUTPUT_BUDGET = {
  [Output.AssetIds]: 127 * KiB,
  [Output.Assets]: 256 * KiB,
  [Output.Failed]: 127 * KiB
} as const

/** How much of each list the outputs hold. */
export interface WrittenOutputs {
  assets: { shown: number; total: number }
  assetIds: { shown: number; total: number }
  failed: { shown: number; total: number }
  truncated: boolean
  assetsFile: string
  checksumsFile: string
}

/**
 * Some of the step's outputs could not be written. Thrown once every output was tried, so that
 * the caller can still save the manifest and write the summary; names each file that could not
 * be written, and why. `assetsFile` is the run's complete record when it was written, else ''.
 */
export class OutputsNotWrittenError extends Error {
  constructor(
    message: string,
    readonly assetsFile: string,
    /** Whether GITHUB_OUTPUT took the outputs (only the record files are missing). */
    readonly outputsSet: boolean
  ) {
    super(message)
    this.name = 'OutputsNotWrittenError'
  }
}

/**
 * Sets every output: the assets Netiks holds for the matched files — confirmed in this run or
 * left unchanged — in path order, the counts, what failed, and the files with the complete
 * record. Lists that would not fit GitHub's budget for outputs are cut, `outputs-truncated`
 * says so, and one warning points to the assets file. Throws OutputsNotWrittenError, after
 * trying everything, when the record files or GITHUB_OUTPUT could not be written.
 */
export async function writeOutputs(result: RunResult, runFolder?: string): Promise<WrittenOutputs> {
  const problems: string[] = []
  const files = await recordFilesOrNone(result, runFolder, problems)
  const held = heldCount(result)
  const ids = jsonArrayWithin(
    (function* () {
      for (const record of assetRecords(result)) yield record.id
    })(),
    OUTPUT_BUDGET[Output.AssetIds]
  )
  const assets = jsonArrayWithin(assetRecords(result), OUTPUT_BUDGET[Output.Assets])
  const failed = jsonArrayWithin(failureRecords(result), OUTPUT_BUDGET[Output.Failed])
  const written: WrittenOutputs = {
    assets: { shown: assets.count, total: held },
    assetIds: { shown: ids.count, total: held },
    failed: { shown: failed.count, total: result.failed.length },
    truncated: assets.count < held || ids.count < held || failed.count < result.failed.length,
    ...files
  }
  const outputsSet = setOutputsOrSay(
    [
      [Output.AssetIds, ids.json],
      [Output.Assets, assets.json],
      [Output.Count, String(held)],
      [Output.UploadedCount, String(result.confirmed.length)],
      [Output.SkippedCount, String(result.unchanged?.length ?? 0)],
      [Output.Failed, failed.json],
      [Output.OutputsTruncated, String(written.truncated)],
      [Output.AssetsFile, files.assetsFile],
      [Output.ChecksumsFile, files.checksumsFile]
    ],
    problems
  )
  if (outputsSet && written.truncated) warnTruncated(written)
  if (outputsSet && files.assetsFile === '') {
    problems.push('The other outputs are set (cut if they would not fit GitHub’s limit of 1 MB per job).')
  }
  if (problems.length > 0) throw new OutputsNotWrittenError(problems.join(' '), files.assetsFile, outputsSet)
  return written
}

/**
 * Sets the outputs in order, stopping at the first the runner's file does not take (a missing
 * folder, a full disk): the rest would fail alike, and a later step is better off with no
 * outputs than with a count beside no list. Says which file and why in `problems`.
 */
function setOutputsOrSay(outputs: Array<[Output, string]>, problems: string[]): boolean {
  for (const [index, [name, value]] of outputs.entries()) {
    try {
      core.setOutput(name, value)
    } catch (error) {
      const file = process.env.GITHUB_OUTPUT ?? ''
      const got = index === 0 ? 'none of them' : `only those before '${name}'`
      problems.push(
        `Could not write the step's outputs to GITHUB_OUTPUT (${escapeForLog(file)}): ` +
          `${escapeForLog(withStop(codeOrMessage(error)))} Later steps get ${got}.`
      )
      return false
    }
  }
  return true
}

/**
 * The record files, or empty paths when they cannot be written (RUNNER_TEMP full or not
 * writable): the outputs are still set and the step goes on to save the manifest, since what
 * was confirmed must not be forgotten; the step fails, since the complete record is missing.
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

function warnTruncated(written: WrittenOutputs): void {
  const cut = [
    written.assetIds.shown < written.assetIds.total
      ? `'${Output.AssetIds}' the first ${written.assetIds.shown} of ${written.assetIds.total}`
      : undefined,
    written.assets.shown < written.assets.total
      ? `'${Output.Assets}' the first ${written.assets.shown} of ${written.assets.total}`
      : undefined,
    written.failed.shown < written.failed.total
      ? `'${Output.Failed}' the first ${written.failed.shown} of ${written.failed.total}`
      : undefined
  ].filter(part => part !== undefined)
  const whereTheRestIs =
    written.assetsFile === ''
      ? `The rest could not be written to the '${Output.AssetsFile}' either (see the error).`
      : `Every file's record is in the file named by the '${Output.AssetsFile}' output ` +
        `(${countOf(written.assets.total + written.failed.total, 'record')}); read it with jq rather than ` +
        'passing lists this long through outputs or env.'
  core.warning(
    `The outputs are cut to fit GitHub's limit of 1 MB of outputs per job: ${cut.join('; ')} ` +
      `(outputs-truncated is true). ${whereTheRestIs}`
  )
}

/** A JSON array of as many leading items as fit in `budget` bytes, cut at a whole element. */
export function jsonArrayWithin(items: Iterable<unknown>, budget: number): { json: string; count: number } {
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
