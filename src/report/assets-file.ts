import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { writeText } from '../text-file.js'
import { assetRecords, fileRecords, type RunResult } from './records.js'

/** Where a run's complete record is: the files behind the `assets-file` and `checksums-file` outputs. */
export interface RecordFiles {
  assetsFile: string
  checksumsFile: string
}

/**
 * The run's complete record, in a folder of its own (two steps of one job never share it):
 * `assets.json`, every matched file in path order, and `checksums.sha256` for `sha256sum -c` from the workspace.
 */
export async function writeRecordFiles(result: RunResult, dir?: string): Promise<RecordFiles> {
  dir ??= await makeRunFolder()
  const files = { assetsFile: path.join(dir, 'assets.json'), checksumsFile: path.join(dir, 'checksums.sha256') }
  await writeText(files.assetsFile, jsonArrayLines(fileRecords(result)))
  await writeText(files.checksumsFile, checksumLines(result))
  return files
}

/** A fresh folder of this run's own under RUNNER_TEMP (the runner empties it after the job). */
export async function makeRunFolder(): Promise<string> {
  return await mkdtemp(path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'netiks-upload-'))
}

/** A JSON array with one element per line, so that line tools and diffs work on it too. */
function* jsonArrayLines(items: Iterable<unknown>): Generator<string> {
  let first = true
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}${JSON.stringify(item)}`
    first = false
  }
  yield first ? '[]\n' : '\n]\n'
}

/** Lines as GNU `sha256sum` writes them: a name holding `\`, LF or CR is escaped, and its line starts with `\`. */
function* checksumLines(result: RunResult): Generator<string> {
  for (const { sha256, path: name } of assetRecords(result)) {
    if (!/[\\\n\r]/.test(name)) yield `${sha256}  ${name}\n`
    else yield `\\${sha256}  ${name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}\n`
  }
}
