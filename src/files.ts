import * as glob from '@actions/glob'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { contentTypeFor } from './content-type.js'
import type { LocalFile } from './netiks/types.js'

export type { LocalFile }

/**
 * Resolves newline-separated globs (with `!` exclusions) into regular files: directories
 * stand for every file beneath them, duplicates collapse, and the result is sorted by
 * relative path so outputs are in a stable order.
 */
export async function findFiles(patterns: string[], workspace: string): Promise<LocalFile[]> {
  const globber = await glob.create(patterns.join('\n'), {
    implicitDescendants: true,
    matchDirectories: false,
    followSymbolicLinks: true,
    omitBrokenSymbolicLinks: true
  })
  const matches = new Set(await globber.glob())
  const files: LocalFile[] = []
  for (const absolutePath of matches) {
    const info = await stat(absolutePath)
    if (!info.isFile()) continue
    files.push(describeFile(absolutePath, info.size, workspace))
  }
  return files.sort((a, b) => compareText(a.relativePath, b.relativePath))
}

export function describeFile(absolutePath: string, size: number, workspace: string): LocalFile {
  const name = path.basename(absolutePath)
  return {
    absolutePath,
    relativePath: path.relative(workspace, absolutePath).split(path.sep).join('/'),
    name,
    size,
    contentType: contentTypeFor(name)
  }
}

/** Code-unit order: the same on every runner, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
