/**
 * The emulator's fixed names, apart from the server so that emulator/action can use them
 * without bundling the server itself.
 */

/** The key the emulator accepts unless told otherwise: `ne-` and 25 alphanumerics, like real keys. */
export const EMULATOR_API_KEY = 'ne-EmulatorLocalKey0000001'

/** Everything the emulator holds and has counted, as JSON (see EmulatorState in server.ts). */
export const STATE_PATH = '/_emulator/state'

export const S3_DIALECTS = ['aws', 'radosgw'] as const
export type S3Dialect = (typeof S3_DIALECTS)[number]

/** What the CLI writes to --ready-file once it listens. */
export interface ReadyFile {
  pid: number
  url: string
  apiKey: string
  stateUrl: string
  dataDir: string
}
