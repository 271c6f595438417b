import * as core from '@actions/core'
import { Output } from './constants.js'
import { formatBytes, formatSeconds } from './format.js'
import type { ConfirmedUpload, UploadOutcome } from './netiks/types.js'

/** One element of the `assets` output. */
export interface AssetOutput {
  path: string
  name: string
  id: string
  storage_url: string
  size: number
  content_type: string
  sha256: string
}

export function toAssetOutput(upload: ConfirmedUpload): AssetOutput {
  return {
    path: upload.file.relativePath,
    name: upload.file.name,
    id: upload.asset.id,
    storage_url: upload.storageUrl,
    size: upload.file.size,
    content_type: upload.contentType,
    sha256: upload.sha256
  }
}

/** Sets every output from what the server confirmed, in the order of the sorted files. */
export function writeOutputs(confirmed: ConfirmedUpload[]): void {
  const assets = confirmed.map(toAssetOutput)
  core.setOutput(Output.AssetIds, JSON.stringify(assets.map(asset => asset.id)))
  core.setOutput(Output.Assets, JSON.stringify(assets))
  core.setOutput(Output.Count, String(assets.length))
}

/** One `::error::` per file that could not be uploaded, naming the file and the step. */
export function annotateFailures(outcome: UploadOutcome): void {
  for (const failure of outcome.failed) {
    core.error(`${failure.file.relativePath}: ${failure.message}`, { title: `Netiks ${failure.step} failed` })
  }
}

export interface RunSummary {
  strategy: string
  baseUrl: string
  durationMs: number
}

/** The job summary: a table of confirmed assets, totals, then failures. */
export async function writeSummary(outcome: UploadOutcome, run: RunSummary): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const bytes = outcome.confirmed.reduce((sum, upload) => sum + upload.file.size, 0)
  const summary = core.summary.addHeading('Netiks upload', 2)
  if (outcome.confirmed.length > 0) {
    summary.addTable([
      [
        { data: 'File', header: true },
        { data: 'Size', header: true },
        { data: 'Asset id', header: true },
        { data: 'Mode', header: true }
      ],
      ...outcome.confirmed.map(upload => [
        escapeHtml(upload.file.relativePath),
        formatBytes(upload.file.size),
        upload.storageUrl
          ? `<a href="${escapeHtml(upload.storageUrl)}">${escapeHtml(upload.asset.id)}</a>`
          : escapeHtml(upload.asset.id),
        run.strategy
      ])
    ])
  }
  summary.addRaw(
    `${outcome.confirmed.length} assets, ${formatBytes(bytes)} uploaded to ${escapeHtml(run.baseUrl)} ` +
      `in ${formatSeconds(run.durationMs)}.`,
    true
  )
  if (outcome.failed.length > 0 || outcome.notStarted.length > 0) {
    summary.addHeading('Not uploaded', 3)
    summary.addList([
      ...outcome.failed.map(f => `${escapeHtml(f.file.relativePath)}: ${escapeHtml(f.message)}`),
      ...outcome.notStarted.map(file => `${escapeHtml(file.relativePath)}: not started`)
    ])
  }
  await summary.write()
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
