import { statSync, type Stats } from 'node:fs'
import { FileChangedError, FileReadError } from '../model.js'
import type { LocalFile } from '../model.js'
import type { UploadOptions } from './outcome.js'

/**
 * The file as it is now, after a body found it changed since it was found: sent again from a
 * fresh stat, so that what is uploaded is always whole and what is reported is what was sent.
 */
export function restat(file: LocalFile, error: unknown): LocalFile {
  if (!(error instanceof FileChangedError)) return file
  let info: Stats
  try {
    info = statSync(file.absolutePath)
  } catch (cause) {
    throw new FileReadError(`Could not read ${file.relativePath}: ${(cause as NodeJS.ErrnoException).code ?? 'gone'}.`)
  }
  // Never sent again as "changed (0 → 0 bytes)": a device is no file, whatever its size says.
  if (!info.isFile()) {
    throw new FileReadError(
      `Could not read ${file.relativePath}: it is no longer a regular file (something else took its name after it ` +
        'was found). Nothing was sent or registered for it.'
    )
  }
  return { ...file, size: info.size, mtimeMs: info.mtimeMs }
}

/** After a body found it changed, the file as it is now (the caller is told); its progress count starts over. */
export function fileForAttempt(
  found: LocalFile,
  current: LocalFile,
  lastError: unknown,
  options: Pick<UploadOptions, 'onFileChanged' | 'progress'>
): LocalFile {
  const now = restat(current, lastError)
  if (now !== current) options.onFileChanged?.(current, now)
  options.progress?.started(found)
  return now
}
