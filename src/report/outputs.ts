import * as core from '@actions/core'
import { Output } from '../config/constants.js'
import { countOf, withStop } from '../format.js'
import { codeOrMessage } from '../model.js'
import { writeRecordFiles } from './assets-file.js'
import { escapeForLog } from './log-safe.js'
import { assetRecords, failureRecords, leading, mapped, type RunResult } from './records.js'

const KiB = 1024

/**
 * The bytes each list output may take: half of GitHub's 1 MB of outputs per job, so other steps
 * keep room; `asset-ids` and `failed` under Linux's 128 KiB for one `env:` string, as the README passes them.
 */
export const OUTPUT_BUDGET = {
  [Output.AssetIds]: 127 * KiB,
  [Output.Assets]: 256 * KiB,
  [Output.Failed]: 127 * KiB
} as const

/** What of the outputs was written: `assetsFile` is '' when it could not be, and `problem` says why. */
interface WrittenOutputs {
  outputsSet: boolean
  assetsFile: string
  problem?: string
}

/**
 * Sets every output, even when the record files could not be written. A list over its budget is
 * cut at a whole element, `outputs-truncated` says so, and one warning points to the assets file.
 */
export async function writeOutputs(result: RunResult, runFolder?: string): Promise<WrittenOutputs> {
  const problems: string[] = []
  // Without them the outputs are still set, with empty paths, and the step fails.
  const files = await writeRecordFiles(result, runFolder).catch((error: unknown) => {
    problems.push(
      `Could not write the '${Output.AssetsFile}' and '${Output.ChecksumsFile}' files under RUNNER_TEMP ` +
        `(${escapeForLog(codeOrMessage(error))}): both outputs are empty.`
    )
    return { assetsFile: '', checksumsFile: '' }
  })
  const held = result.confirmed.length + (result.unchanged?.length ?? 0)
  const ids = listWithin(
    Output.AssetIds,
    mapped(assetRecords(result), record => record.id),
    held
  )
  const assets = listWithin(Output.Assets, assetRecords(result), held)
  const failed = listWithin(Output.Failed, failureRecords(result), result.failed.length)
  const cut = [ids, assets, failed].filter(list => list.shown < list.total)
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
  if (outputsSet && cut.length > 0) {
    const whereTheRestIs =
      files.assetsFile === ''
        ? `The rest could not be written to the '${Output.AssetsFile}' either (see the error).`
        : `Every file's record is in the file named by the '${Output.AssetsFile}' output ` +
          `(${countOf(held + result.failed.length, 'record')}); read it with jq rather than passing lists this long through outputs or env.`
    core.warning(
      `The outputs are cut to fit GitHub's limit of 1 MB of outputs per job: ` +
        `${cut.map(list => `'${list.output}' the first ${list.shown} of ${list.total}`).join('; ')} ` +
        `(outputs-truncated is true). ${whereTheRestIs}`
    )
  }
  if (outputsSet && files.assetsFile === '') {
    problems.push('The other outputs are set (cut if they would not fit GitHub’s limit of 1 MB per job).')
  }
  return { outputsSet, assetsFile: files.assetsFile, problem: problems.length > 0 ? problems.join(' ') : undefined }
}

/** Sets the outputs in order up to the first GITHUB_OUTPUT refuses: the rest would fail alike. */
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

/** A list output: a JSON array of as many leading items as fit its budget, cut at a whole element. */
function listWithin(output: keyof typeof OUTPUT_BUDGET, items: Iterable<unknown>, total: number) {
  const budget = OUTPUT_BUDGET[output] - 1
  const parts = leading(
    mapped(items, item => JSON.stringify(item)),
    budget,
    part => Buffer.byteLength(part) + 1
  )
  return { output, total, shown: parts.length, json: `[${parts.join(',')}]` }
}
