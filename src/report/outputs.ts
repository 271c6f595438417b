import * as core from '@actions/core'
import { Output } from '../constants.js'
import { countOf } from '../format.js'
import { writeRecordFiles } from './assets-file.js'
import { assetRecords, failureRecords, heldCount, type RunResult } from './records.js'

const KiB = 1024

/**
 * The most each list output may take, in bytes. GitHub keeps at most 1 MB of outputs per job,
 * for every step together, and drops the job's outputs beyond it: these three stay at half of
 * that, so other steps keep room for theirs. A list that would not fit is cut at a whole
 * element; the assets file always holds everything.
 */
export const OUTPUT_BUDGET = {
  [Output.AssetIds]: 128 * KiB,
  [Output.Assets]: 256 * KiB,
  [Output.Failed]: 128 * KiB
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
  const files = await writeRecordFiles(result, runFolder)
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
  core.warning(
    `The outputs are cut to fit GitHub's limit of 1 MB of outputs per job: ${cut.join('; ')} ` +
      `(outputs-truncated is true). Every file's record is in the file named by the ` +
      `'${Output.AssetsFile}' output (${countOf(written.assets.total + written.failed.total, 'record')}); read it ` +
      `with jq rather than passing lists this long through outputs or env.`
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
