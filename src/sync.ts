import * as core from '@actions/core'
import { stat } from 'node:fs/promises'
import { Input } from './constants.js'
import { InputError, codeOrMessage } from './errors.js'
import { countOf, listSome } from './format.js'
import type { Inputs } from './inputs.js'
import {
  findUnchanged,
  loadManifest,
  recordUnchanged,
  writeManifest,
  type LoadedManifest,
  type Manifest,
  type UnchangedFile
} from './manifest.js'
import type { EntryStore } from './manifest-store.js'
import { runnerTemp } from './report/assets-file.js'
import type { FailedUpload, LocalFile } from './netiks/types.js'
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
   * entries under their paths); undefined without one. `store` holds the entries on disk until
   * the run is reported (see releaseWork).
   */
  manifest?: { file: string; before: Manifest; store?: EntryStore }
  /** Matched entries the file search left out (see findFiles): reported as failed. */
  leftOut?: FailedUpload[]
}

/** Lets go of what the work holds on disk, once the run is reported. */
export function releaseWork(work: Work | undefined): void {
  work?.manifest?.store?.close()
}

/** Reads the manifest and splits the matched files into new or changed (to upload) and unchanged. */
export async function compareWithManifest(inputs: Inputs, files: LocalFile[], manifestFile: string): Promise<Work> {
  const isDirectory = await stat(manifestFile).then(
    info => info.isDirectory(),
    () => false
  )
  if (isDirectory) {
    throw new InputError(
      `Input '${Input.Manifest}' is a directory (${inputs.manifest}). Give the path of a JSON file, ` +
        'such as .netiks/manifest.json; it is created if it does not exist.'
    )
  }
  const loaded = await loadManifest(manifestFile, inputs.baseUrl, { storeIn: runnerTemp() })
  try {
    return await splitByManifest(inputs, files, manifestFile, loaded)
  } catch (error) {
    loaded.store?.close()
    throw error
  }
}

async function splitByManifest(
  inputs: Inputs,
  files: LocalFile[],
  manifestFile: string,
  loaded: LoadedManifest
): Promise<Work> {
  if (loaded.problem) {
    core.warning(
      `The manifest ${escapeForLog(inputs.manifest)} ${escapeForLog(loaded.problem)}. Every matched file will be uploaded, and the ` +
        'manifest rewritten after the run.'
    )
  } else if (!loaded.existed) {
    core.info(
      `No manifest at ${inputs.manifest} yet: every file will be uploaded, and the manifest written after the run.`
    )
  }
  if (loaded.ignored.length > 0) {
    const count = loaded.ignored.length
    core.warning(
      `The manifest ${inputs.manifest} has ${count} malformed ${count === 1 ? 'entry' : 'entries'}, ignored ` +
        `(${count === 1 ? 'its file is' : 'their files are'} uploaded if matched): ${listSome(loaded.ignored)}.`
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
      `The manifest ${inputs.manifest} holds ${loaded.manifest.legacy.size} version 1 entries (by asset name): ` +
        `${claimed} matched a file by name and sha256 and are now kept under its path; ` +
        `${before.legacy.size} ${before.legacy.size === 1 ? 'is' : 'are'} kept under "v1-assets" until a file matches ${before.legacy.size === 1 ? 'it' : 'them'}.`
    )
  }
  return { upload, unchanged, manifest: { file: manifestFile, before, store: loaded.store } }
}

/** Nothing new to send: every matched file is in the manifest with the same bytes. */
export async function reportAllUnchanged(inputs: Inputs, work: Work): Promise<void> {
  const result = { confirmed: [], failed: work.leftOut ?? [], unchanged: work.unchanged }
  await writeOutputs(result)
  if (work.manifest) {
    const { file, before } = work.manifest
    await saveManifest(inputs, async () => {
      await writeManifest(file, before)
      return before.assets.size
    })
  }
  await writeSummary(result, { strategy: 'none', baseUrl: inputs.baseUrl, durationMs: 0 })
  // No file at all only when a shard took none of the matched files.
  const why =
    work.unchanged.length === 0
      ? 'none of the matched files is in this shard.'
      : `all ${work.unchanged.length} matched file${work.unchanged.length === 1 ? ' is' : 's are'} ` +
        'unchanged since the manifest recorded them.'
  core.notice(`Nothing to upload: ${why}`, { title: 'Netiks upload' })
}

/** Writes the manifest; a failure fails the step, since the next run would upload everything again. */
export async function saveManifest(inputs: Inputs, write: () => Promise<number>): Promise<boolean> {
  try {
    const assets = await write()
    core.info(`Manifest ${inputs.manifest} written: ${countOf(assets, 'asset')}.`)
    return true
  } catch (error) {
    core.setFailed(
      `Could not write the manifest ${inputs.manifest} (${codeOrMessage(error)}): ` +
        'the next run will upload every file of this one again.'
    )
    return false
  }
}
