import * as core from '@actions/core'
import { Input, NoFileOption, UploadMode } from '../config/constants.js'
import type { Inputs } from '../config/inputs.js'
import type { UploadPlan } from '../transfer/plan.js'
import { planBatches } from '../transfer/presigned.js'
import type { FoundFiles } from '../files/find.js'
import { countOf, formatBytes, listSome, totalSize } from '../format.js'
import type { Manifest, UnchangedFile } from '../manifest/manifest.js'
import type { LoadedManifest } from '../manifest/read.js'
import type { FailedUpload, LocalFile } from '../model.js'
import { CappedWarnings, lineEach } from './log.js'
import { escapeForLog, quoteForLog } from './log-safe.js'

/**
 * Says what the file search found and left out, each kind in one line (hidden names as a notice:
 * a docs site may need them). Returns the matched entries it could not look at, as failures.
 */
export function reportSearch(found: FoundFiles, workspace: string): FailedUpload[] {
  const { outside, brokenLinks, hidden, linksOut, special, unreachable } = found
  if (outside.length > 0) {
    core.warning(
      `${countOf(outside.length, 'matched file')} outside the workspace (${escapeForLog(workspace)}), reported with ` +
        `${outside.length === 1 ? 'its' : 'their'} absolute path: ${listSome(outside.map(escapeForLog))}`
    )
  }
  if (brokenLinks.length > 0) {
    core.warning(
      `Skipping ${countOf(brokenLinks.length, 'broken symbolic link')} ` +
        `(the target does not exist): ${listSome(brokenLinks.map(escapeForLog))}`
    )
  }
  if (hidden.length > 0) {
    core.notice(
      `Left out ${countOf(hidden.length, 'hidden file or folder', 'hidden files and folders')} ` +
        `(names starting with "."): ${listSome(hidden.map(escapeForLog), 5)}. To upload them, set ` +
        `${Input.IncludeHiddenFiles}: true, or name them in 'path' without a wildcard ` +
        `(such as ${escapeForLog(hidden[0].replace(/\/$/, ''))}).`
    )
  }
  if (linksOut.length > 0) {
    const links = linksOut.map(link => `${escapeForLog(link.path)} → ${escapeForLog(link.target)}`)
    core.warning(
      `Skipping ${countOf(linksOut.length, 'symbolic link')} inside the workspace that ` +
        `${linksOut.length === 1 ? 'leads' : 'lead'} out of it: ${listSome(links, 10)}. Nothing reached through ` +
        "them is uploaded. To upload a file outside the workspace on purpose, give its absolute path in 'path'."
    )
  }
  if (special.length > 0) {
    const named = special.map(entry => `${escapeForLog(entry.path)} (${entry.kind})`)
    core.warning(
      `Skipping ${countOf(special.length, 'matched entry', 'matched entries')} that ` +
        `${special.length === 1 ? 'is not a regular file' : 'are not regular files'}: ` +
        `${listSome(named, 10)}. Only regular files are uploaded.`
    )
  }
  const leftOut = unreachable.filter(entry => entry.matched).map(leftOutFailure)
  if (unreachable.length > 0) {
    const named = unreachable.map(entry => `${escapeForLog(entry.path)} (${entry.reason})`)
    const matched = leftOut.length
    core.warning(
      `Left out ${countOf(unreachable.length, 'entry', 'entries')} that cannot be looked at: ${listSome(named, 10)}. ` +
        "Rename or remove them, or exclude them with a ! line in 'path'" +
        (matched > 0
          ? `; the ${matched === 1 ? 'one' : matched} 'path' matched ${matched === 1 ? 'is' : 'are'} in the 'failed' output.`
          : '.')
    )
  }
  return leftOut
}

/** A matched entry the search could not look at, as a failure of the run. */
function leftOutFailure(entry: FoundFiles['unreachable'][number]): FailedUpload {
  const name = entry.path.slice(entry.path.lastIndexOf('/') + 1)
  return {
    file: { absolutePath: '', relativePath: entry.path, name, size: 0, contentType: 'application/octet-stream' },
    step: 'not-started',
    message: `Left out by the file search: ${entry.reason}. Rename or remove it, or exclude it with a ! line in 'path'.`
  }
}

/** The names the files will have: names several files share, then each file (up to a cap), then the totals. */
export function reportNames(files: LocalFile[], clashes: Array<{ name: string; paths: string[] }>): void {
  const clashWarnings = new CappedWarnings('names shared by several files')
  for (const clash of clashes) {
    clashWarnings.warn(
      `${listSome(clash.paths.map(escapeForLog), 10, ' and ')} would all be uploaded as ${quoteForLog(clash.name)}: ` +
        `Netiks will hold ${clash.paths.length} assets of that name. Set asset-name: relative to keep their paths apart.`
    )
  }
  clashWarnings.close()
  lineEach(
    'matched files',
    files,
    file =>
      `• ${escapeForLog(file.relativePath)} (${formatBytes(file.size)}, ${file.contentType}) as ${quoteForLog(file.name)}`
  )
  if (files.length > 0) core.info(`${countOf(files.length, 'file')}, ${formatBytes(totalSize(files))}.`)
}

/**
 * Says why no file will be uploaded (none matched, or none is a regular file), as if-no-files-found
 * asks; returns it, not escaped yet, when that refuses the run.
 */
export function sayNoFiles(found: FoundFiles, inputs: Inputs): string | undefined {
  const notFiles = [
    ...found.special.map(entry => `${entry.path} is ${entry.kind}`),
    ...found.unreachable.map(entry => `${entry.path} cannot be looked at`),
    ...found.linksOut.map(link => `${link.path} leads out of the workspace`),
    ...found.hidden.map(entry => `${entry} is hidden`)
  ]
  const none =
    notFiles.length === 0
      ? 'No files were found'
      : `No regular file to upload was found (${listSome(notFiles, 5, '; ')})`
  const message = `${none} with the provided path: ${inputs.patterns.join(', ')}. No assets will be uploaded.`
  if (inputs.ifNoFilesFound === NoFileOption.Error) return message
  if (inputs.ifNoFilesFound === NoFileOption.Warn) core.warning(escapeForLog(message))
  else core.info(escapeForLog(message))
  return undefined
}

/** Why the step fails when a matched entry was left out: it is in 'failed', and was not uploaded. */
export function leftOutError(leftOut: FailedUpload[]): string | undefined {
  if (leftOut.length === 0) return undefined
  const paths = leftOut.map(failure => escapeForLog(failure.file.relativePath))
  return (
    `${countOf(leftOut.length, 'matched entry was', 'matched entries were')} left out by the file search and ` +
    `not uploaded: ${listSome(paths, 10)} (see the warning above; listed in the 'failed' output).`
  )
}

/** What the manifest held, and how the matched files compare with it. */
export function reportManifest(
  inputs: Inputs,
  loaded: LoadedManifest,
  split: { upload: LocalFile[]; unchanged: UnchangedFile[] },
  before: Manifest
): void {
  describeLoaded(inputs, loaded)
  const manifest = escapeForLog(inputs.manifest)
  const ignored = loaded.ignored.length
  if (ignored > 0) {
    core.warning(
      `The manifest ${manifest} has ${countOf(ignored, 'malformed entry', 'malformed entries')}, ignored ` +
        `(${ignored === 1 ? 'its file is' : 'their files are'} uploaded if matched): ${escapeForLog(listSome(loaded.ignored))}.`
    )
  }
  lineEach(
    'unchanged files',
    split.unchanged,
    ({ file, entry }) =>
      `= ${escapeForLog(file.relativePath)} unchanged since ${escapeForLog(entry.uploaded_at)} ` +
      `(asset ${escapeForLog(entry.id)}): skipped`
  )
  core.info(`${split.unchanged.length} unchanged, ${split.upload.length} new or changed.`)
  const legacy = loaded.manifest.legacy.size
  if (legacy > 0) {
    const left = before.legacy.size
    core.info(
      `The manifest ${manifest} holds ${legacy} version 1 entries (by asset name): ` +
        `${legacy - left} matched a file by name and sha256 and are now kept under its path; ` +
        `${left} ${left === 1 ? 'is' : 'are'} kept under "v1-assets" until a file matches ${left === 1 ? 'it' : 'them'}.`
    )
  }
}

/** What the log says of the manifest as it was found: none yet, none for this base-url, others' entries kept. */
function describeLoaded(inputs: Inputs, loaded: LoadedManifest): void {
  const manifest = escapeForLog(inputs.manifest)
  const baseUrl = escapeForLog(inputs.baseUrl)
  const others = loaded.manifest.others.sections.size
  const kept =
    others === 0
      ? ''
      : ` The entries it holds for ${countOf(others, 'other base-url')} are kept as they are: entries belong to the base-url they were made on.`
  if (!loaded.existed) {
    core.info(`No manifest at ${manifest} yet: every file will be uploaded, and the manifest written after the run.`)
  } else if (!loaded.knewBaseUrl) {
    core.info(
      `The manifest ${manifest} holds no entries made on ${baseUrl} yet: ` +
        `every file will be uploaded, and its entries added after the run.${kept}`
    )
  } else if (others > 0) {
    core.info(`The manifest ${manifest} is read for ${baseUrl}.${kept}`)
  }
}

/** The dry-run plan, in the log: each file (up to a cap), the mode and why, and the generate batches. */
export function printPlan(
  files: LocalFile[],
  plan: UploadPlan | undefined,
  inputs: Inputs,
  unchanged: UnchangedFile[]
): void {
  core.info('Dry run: nothing will be uploaded.')
  if (unchanged.length > 0) {
    core.info(`Would skip ${countOf(unchanged.length, 'file')} the manifest holds unchanged:`)
    lineEach(
      'files to skip',
      unchanged,
      ({ file, entry }) => `  • ${escapeForLog(file.relativePath)}  (asset ${escapeForLog(entry.id)})`
    )
  }
  if (files.length === 0 || plan === undefined) {
    core.info('Would upload: nothing.')
    return
  }
  core.info(
    `Mode: ${plan.strategy} (${plan.reason}); ${countOf(inputs.concurrency, 'file')} at a time; base-url ${inputs.baseUrl}.`
  )
  core.info(`Would upload ${countOf(files.length, 'file')}, ${formatBytes(totalSize(files))}:`)
  lineEach(
    'files to upload',
    files,
    file =>
      `  • ${escapeForLog(file.relativePath)}  ${formatBytes(file.size)}  ${file.contentType}  as ${quoteForLog(file.name)}`
  )
  if (plan.strategy === UploadMode.Single) {
    core.info(`Requests: ${countOf(files.length, 'multipart upload')}, one per file.`)
    return
  }
  const batches = planBatches(files)
  core.info(`Requests: ${countOf(batches.length, 'generate call')}, then one PUT and one confirm per file:`)
  let last = 0
  const lines = batches.map((batch, index) => {
    const first = last + 1
    last += batch.length
    return `  batch ${index + 1}: files ${first}–${last} (${formatBytes(totalSize(batch))})`
  })
  lineEach('generate batches', lines, line => line)
}

/** The dry run's notice: what would be uploaded, and how. */
export function sayDryRun(files: LocalFile[], plan: UploadPlan | undefined, unchanged: number): void {
  const skipped = unchanged > 0 ? ` (${unchanged} unchanged would be skipped)` : ''
  core.notice(
    `Dry run: ${countOf(files.length, 'file')} (${formatBytes(totalSize(files))}) would be uploaded ` +
      `to Netiks${plan ? ` in ${plan.strategy} mode` : ''}${skipped}. Nothing was uploaded.`
  )
}
