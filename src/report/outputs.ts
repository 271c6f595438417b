import * as core from '@actions/core'
import { Output } from '../constants.js'
import { countOf } from '../format.js'
import { codeOrMessage } from '../errors.js'
import { writeRecordFiles, type RecordFiles } from './assets-file.js'
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
 * Sets every output: the assets Netiks holds for the matched files — confirmed in this run or
 * left unchanged — in path order, the counts, what failed, and the files with the complete
 * record. Lists that would not fit GitHub's budget for outputs are cut, `outputs-truncated`
 * says so, and one warning points to the assets file.
 */
export async function writeOutputs(result: RunResult, runFolder?: string): Promise<WrittenOutputs> {
  const files = await recordFilesOrNone(result, runFolder)
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
  core.setOutput(Output.AssetIds, ids.json)
  core.setOutput(Output.Assets, assets.json)
  core.setOutput(Output.Count, String(held))
  core.setOutput(Output.UploadedCount, String(result.confirmed.length))
  core.setOutput(Output.SkippedCount, String(result.unchanged?.length ?? 0))
  core.setOutput(Output.Failed, failed.json)
  core.setOutput(Output.OutputsTruncated, String(written.truncated))
  core.setOutput(Output.AssetsFile, files.assetsFile)
  core.setOutput(Output.ChecksumsFile, files.checksumsFile)
  if (written.truncated) warnTruncated(written)
  return written
}

/**
 * The record files, or empty paths when they cannot be written (RUNNER_TEMP full or not
 * writable): the outputs are still set and the step goes on to save the manifest, since what
 * was confirmed must not be forgotten; the step fails, since the complete record is missing.
 */
async function recordFilesOrNone(result: RunResult, runFolder?: string): Promise<RecordFiles> {
  try {
    return await writeRecordFiles(result, runFolder)
  } catch (error) {
    core.setFailed(
      `Could not write the '${Output.AssetsFile}' and '${Output.ChecksumsFile}' files under RUNNER_TEMP ` +
        `(${codeOrMessage(error)}): both outputs are empty. The other ` +
        'outputs are set (cut if they would not fit GitHub’s limit), and the manifest, if any, is still written.'
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
