import * as core from '@actions/core'
import { Output } from './constants.js'
import { formatBytes, formatSeconds } from './format.js'
import type { ConfirmedUpload, FailedUpload, UploadOutcome } from './netiks/types.js'

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

/** Sets every output: what the server confirmed, in the order of the sorted files, and what failed. */
export function writeOutputs(outcome: Pick<UploadOutcome, 'confirmed' | 'failed'>): void {
  const assets = outcome.confirmed.map(toAssetOutput)
  core.setOutput(Output.AssetIds, JSON.stringify(assets.map(asset => asset.id)))
  core.setOutput(Output.Assets, JSON.stringify(assets))
  core.setOutput(Output.Count, String(assets.length))
  core.setOutput(Output.Failed, JSON.stringify(outcome.failed.map(toFailureOutput)))
}

/** One `::error::` per file whose upload failed, naming the file, the step and the reason. */
export function annotateFailures(failed: FailedUpload[]): void {
  for (const failure of failed) {
    if (failure.step === 'not-started') continue
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
  if (outcome.failed.length > 0) {
    summary.addHeading('Not uploaded', 3)
    summary.addList(outcome.failed.map(f => `${escapeHtml(f.file.relativePath)} (${f.step}): ${escapeHtml(f.message)}`))
  }
  await summary.write()
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
