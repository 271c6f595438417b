import { createHash } from 'node:crypto'
import { inputEnvName } from '../harness/run-action.js'

export { makeWorkspace, removeDir, sha256OfFile, writeRandomFile, writeWorkspaceFile } from '../harness/workspace.js'

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Sets INPUT_* variables the way the runner does, and returns a function that unsets them. */
export function setInputs(inputs: Record<string, string>): () => void {
  for (const [name, value] of Object.entries(inputs)) process.env[inputEnvName(name)] = value
  return () => Object.keys(inputs).forEach(name => delete process.env[inputEnvName(name)])
}

/** The outputs of a run that reported no asset. */
export const EMPTY_OUTPUTS = {
  'asset-ids': '[]',
  assets: '[]',
  count: '0',
  'uploaded-count': '0',
  'skipped-count': '0',
  failed: '[]'
}
