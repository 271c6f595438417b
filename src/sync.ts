import * as core from '@actions/core'
import { InputError, codeOrMessage } from './model.js'
import { countOf, listSome } from './format.js'
import type { Inputs } from './config/inputs.js'
import { findUnchanged, recordUnchanged } from './manifest/compare.js'
import { ManifestError, type Manifest, type UnchangedFile } from './manifest/manifest.js'
import { loadManifest, type LoadedManifest } from './manifest/read.js'
import { writeManifest } from './manifest/write.js'
import type { ConfirmedUpload, FailedUpload, LocalFile } from './model.js'
import { PerFileLines } from './report/log.js'
import { writeOutputs } from './report/outputs.js'
import { writeSummary } from './report/summary.js'
import { escapeForLog } from './report/log-safe.js'

/** The matched files, split by the manifest (when there is one) into new or changed, and unchanged. */
export interface Work {
  upload: LocalFile[]
  unchanged: UnchangedFile[]
  /**
   * Where the manifest lives, and what it held before this run (with the unchanged files'
   * entries under their paths); undefined without one.
   */
  manifest?: { file: string; before: Manifest }
  /** Matched entries the file search left out (see findFiles): reported as failed. */
  leftOut?: FailedUpload[]
}

/**
 * Reads the manifest and splits the matched files into new or changed (to upload) and
 * unchanged. Before anything is sent: a manifest that cannot be read or replaced as it is
 * stops the run here (a ManifestError, said as the step's error), in a dry run too.
 */
export async function compareWithManifest(inputs: Inputs, files: LocalFile[], manifestFile: string): Promise<Work> {
  let loaded: LoadedManifest
  try {
    loaded = await loadManifest(manifestFile, inputs.baseUrl)
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error
    // The step's error is escaped where it is written (main.ts).
    throw new InputError(`The manifest ${inputs.manifest} ${error.problem}. ${error.advice}`)
  }
  return await splitByManifest(inputs, files, manifestFile, loaded)
}

/** What the log says of the manifest as it was found: none yet, none for this base-url, others' entries kept. */
function describeLoaded(inputs: Inputs, loaded: LoadedManifest): void {
  const others = loaded.manifest.others.sections.size
  const kept =
    others === 0
      ? ''
      : ` The entries it holds for ${countOf(others, 'other base-url')} are kept as they are: entries belong to the base-url they were made on.`
  if (!loaded.existed) {
    core.info(
      `No manifest at ${escapeForLog(inputs.manifest)} yet: every file will be uploaded, and the manifest written after the run.`
    )
  } else if (!loaded.knewBaseUrl) {
    core.info(
      `The manifest ${escapeForLog(inputs.manifest)} holds no entries made on ${escapeForLog(inputs.baseUrl)} yet: ` +
        `every file will be uploaded, and its entries added after the run.${kept}`
    )
  } else if (others > 0) {
    core.info(`The manifest ${escapeForLog(inputs.manifest)} is read for ${escapeForLog(inputs.baseUrl)}.${kept}`)
  }
}

async function splitByManifest(
  inputs: Inputs,
  files: LocalFile[],
  manifestFile: string,
  loaded: LoadedManifest
): Promise<Work> {
  describeLoaded(inputs, loaded)
  if (loaded.ignored.length > 0) {
    const count = loaded.ignored.length
    core.warning(
      `The manifest ${escapeForLog(inputs.manifest)} has ${count} malformed ${count === 1 ? 'entry' : 'entries'}, ignored ` +
        `(${count === 1 ? 'its file is' : 'their files are'} uploaded if matched): ${escapeForLog(listSome(loaded.ignored))}.`
    )
  }
  const { upload, unchanged } = await findUnchanged(files, loaded.manifest, inputs.concurrency)
  const lines = new PerFileLines('unchanged files')
  for (const { file, entry } of unchanged) {
    lines.line(
      () =>
        `= ${escapeForLog(file.relativePath)} unchanged since ${escapeForLog(entry.uploaded_at)} ` +
        `(asset ${escapeForLog(entry.id)}): skipped`
    )
  }
  lines.close()
  core.info(`${unchanged.length} unchanged, ${upload.length} new or changed.`)
  const before = recordUnchanged(loaded.manifest, unchanged)
  if (loaded.manifest.legacy.size > 0) {
    const claimed = loaded.manifest.legacy.size - before.legacy.size
    core.info(
      `The manifest ${escapeForLog(inputs.manifest)} holds ${loaded.manifest.legacy.size} version 1 entries (by asset name): ` +
        `${claimed} matched a file by name and sha256 and are now kept under its path; ` +
        `${before.legacy.size} ${before.legacy.size === 1 ? 'is' : 'are'} kept under "v1-assets" until a file matches ${before.legacy.size === 1 ? 'it' : 'them'}.`
    )
  }
  return { upload, unchanged, manifest: { file: manifestFile, before } }
}

/** Nothing new to send: every matched file is in the manifest with the same bytes. */
export async function reportAllUnchanged(inputs: Inputs, work: Work): Promise<string | undefined> {
  const result = { confirmed: [], failed: work.leftOut ?? [], unchanged: work.unchanged }
  await writeOutputs(result)
  let problem: string | undefined
  if (work.manifest) problem = await saveManifest(inputs, work.manifest, [])
  await writeSummary(result, { strategy: 'none', baseUrl: inputs.baseUrl, durationMs: 0 })
  // No file at all only when a shard took none of the matched files.
  const why =
    work.unchanged.length === 0
      ? 'none of the matched files is in this shard.'
      : `all ${work.unchanged.length} matched file${work.unchanged.length === 1 ? ' is' : 's are'} ` +
        'unchanged since the manifest recorded them.'
  core.notice(`Nothing to upload: ${why}`, { title: 'Netiks upload' })
  return problem
}

/**
 * Writes the manifest with the uploads confirmed in this run; returns why it could not be, which
 * fails the step (the next run would upload everything again) as part of the step's one closing error.
 */
export async function saveManifest(
  inputs: Inputs,
  manifest: NonNullable<Work['manifest']>,
  confirmed: ConfirmedUpload[]
): Promise<string | undefined> {
  try {
    const assets = await writeManifest(manifest.file, manifest.before, confirmed)
    core.info(`Manifest ${escapeForLog(inputs.manifest)} written: ${countOf(assets, 'asset')}.`)
    return undefined
  } catch (error) {
    return (
      `Could not write the manifest ${escapeForLog(inputs.manifest)} (${escapeForLog(codeOrMessage(error))}): ` +
      'the next run will upload every file of this one again.'
    )
  }
}
