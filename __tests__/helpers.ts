import type { describe, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { inputEnvName, type ActionRun } from '../harness/run-action.js'
import type { AssetRecord as AssetOutput, FailureRecord as FailureOutput } from '../src/report/records.js'

export { makeWorkspace, removeDir, sha256OfFile, writeRandomFile, writeWorkspaceFile } from '../harness/workspace.js'

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Sets INPUT_* variables the way the runner does, and returns a function that unsets them. */
export function setInputs(inputs: Record<string, string>): () => void {
  for (const [name, value] of Object.entries(inputs)) process.env[inputEnvName(name)] = value
  return () => Object.keys(inputs).forEach(name => delete process.env[inputEnvName(name)])
}

/** The outputs of a run that reported no asset (besides the paths of its record files). */
export const EMPTY_OUTPUTS = {
  'asset-ids': '[]',
  assets: '[]',
  count: '0',
  'uploaded-count': '0',
  'skipped-count': '0',
  failed: '[]',
  'outputs-truncated': 'false'
}

/** The `assets` output of a run, parsed. */
export function assetsOf(run: Pick<ActionRun, 'outputs'>): AssetOutput[] {
  return JSON.parse(run.outputs.assets ?? '[]') as AssetOutput[]
}

/** The `failed` output of a run, parsed. */
export function failedOf(run: Pick<ActionRun, 'outputs'>): FailureOutput[] {
  return JSON.parse(run.outputs.failed ?? '[]') as FailureOutput[]
}

/** Node on Windows cannot send a child SIGINT or SIGTERM: it terminates the child outright. */
export const NEEDS_SIGNALS =
  'Windows has no POSIX signals to send a child (Node terminates it outright); Ctrl-C and Ctrl-Break ' +
  'handling is unit-tested in cancel.test.ts'
/** chmod 000 only sets the read-only flag on Windows: the file stays readable. */
export const NEEDS_MODE_BITS = 'Windows has no mode bits that make a file or folder unreadable'

/**
 * `it` or `describe` as given, except on Windows where the test cannot mean anything: then it
 * is skipped and the reason printed, never passed silently.
 */
export function posixOnly<T extends typeof it | typeof describe>(run: T, why: string): T {
  if (process.platform !== 'win32') return run
  console.warn(`SKIPPED on Windows: ${why}`)
  return run.skip as unknown as T
}
