/**
 * The emulator action's inputs, outputs and saved state, and the emulator CLI flags the inputs
 * become. Every input is checked here, before anything is started.
 */
import * as core from '@actions/core'
import { parseFaultSpec } from '../faults.js'
import { EMULATOR_API_KEY, S3_DIALECTS, type S3Dialect } from '../constants.js'

/** Input names as in emulator/action.yml; each mirrors the emulator CLI flag of the same name. */
export enum EmulatorInput {
  ApiKey = 'api-key',
  Port = 'port',
  UrlTtl = 'url-ttl',
  Faults = 'faults',
  ExpiredBatches = 'expired-batches',
  AlwaysFail = 'always-fail',
  LatencyMs = 'latency-ms',
  ThrottleKibps = 'throttle-kibps',
  Idempotency = 'idempotency',
  S3EarlyAnswer = 's3-early-answer',
  S3Dialect = 's3-dialect'
}

export enum EmulatorOutput {
  BaseUrl = 'base-url',
  ApiKey = 'api-key',
  StateUrl = 'state-url',
  DataDir = 'data-dir'
}

/** What main hands to post through core.saveState / core.getState. */
export enum SavedState {
  Pid = 'pid',
  StateUrl = 'state-url',
  /** The folder under RUNNER_TEMP with the log, the ready file and the data. */
  WorkDir = 'work-dir',
  LogFile = 'log-file',
  StartedAt = 'started-at'
}

export interface EmulatorInputs {
  apiKey: string
  /** 0: a free port. */
  port: number
  urlTtlSeconds: number
  /** The spec as written, '' for none; already checked by the emulator's own parser. */
  faults: string
  expiredBatches: number
  alwaysFail: string[]
  latencyMs: number
  throttleKibps: number
  idempotency: boolean
  s3EarlyAnswer: boolean
  s3Dialect: S3Dialect
}

/** A bad input: the message names it and says what to write. */
export class EmulatorInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmulatorInputError'
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/** Reads and validates every input; throws one EmulatorInputError naming the first bad one. */
export function getEmulatorInputs(): EmulatorInputs {
  const read = (name: EmulatorInput): string => core.getInput(name)
  return {
    apiKey: parseApiKey(read(EmulatorInput.ApiKey)),
    port: parseWholeNumber(EmulatorInput.Port, read(EmulatorInput.Port), { min: 0, max: 65535, fallback: 0 }),
    urlTtlSeconds: parseWholeNumber(EmulatorInput.UrlTtl, read(EmulatorInput.UrlTtl), {
      min: 1,
      max: 7 * 24 * 60 * 60,
      fallback: 900
    }),
    faults: parseFaults(read(EmulatorInput.Faults)),
    expiredBatches: parseWholeNumber(EmulatorInput.ExpiredBatches, read(EmulatorInput.ExpiredBatches), {
      min: 0,
      max: 1_000_000,
      fallback: 0
    }),
    alwaysFail: parseNames(read(EmulatorInput.AlwaysFail)),
    latencyMs: parseWholeNumber(EmulatorInput.LatencyMs, read(EmulatorInput.LatencyMs), {
      min: 0,
      max: DAY_MS,
      fallback: 0
    }),
    throttleKibps: parseWholeNumber(EmulatorInput.ThrottleKibps, read(EmulatorInput.ThrottleKibps), {
      min: 0,
      max: 1024 * 1024 * 1024,
      fallback: 0
    }),
    idempotency: parseBoolean(EmulatorInput.Idempotency, read(EmulatorInput.Idempotency)),
    s3EarlyAnswer: parseBoolean(EmulatorInput.S3EarlyAnswer, read(EmulatorInput.S3EarlyAnswer)),
    s3Dialect: parseDialect(read(EmulatorInput.S3Dialect))
  }
}

/** The emulator CLI's arguments for these inputs: always on 127.0.0.1. */
export function cliArgs(inputs: EmulatorInputs, files: { dataDir: string; readyFile: string }): string[] {
  return [
    '--host',
    '127.0.0.1',
    '--port',
    String(inputs.port),
    '--api-key',
    inputs.apiKey,
    '--url-ttl',
    String(inputs.urlTtlSeconds),
    '--data-dir',
    files.dataDir,
    '--ready-file',
    files.readyFile,
    ...(inputs.faults ? ['--faults', inputs.faults] : []),
    '--expired-batches',
    String(inputs.expiredBatches),
    ...inputs.alwaysFail.flatMap(name => ['--always-fail', name]),
    '--latency-ms',
    String(inputs.latencyMs),
    '--throttle-kibps',
    String(inputs.throttleKibps),
    '--s3-dialect',
    inputs.s3Dialect,
    ...(inputs.idempotency ? ['--idempotency'] : []),
    ...(inputs.s3EarlyAnswer ? ['--s3-early-answer'] : [])
  ]
}

export function parseApiKey(raw: string): string {
  const key = raw.trim()
  if (key === '') return EMULATOR_API_KEY
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new EmulatorInputError(
      `Input '${EmulatorInput.ApiKey}' may hold only printable ASCII without spaces, e.g. ` +
        `"${EMULATOR_API_KEY}" (the default), or leave it out.`
    )
  }
  return key
}

export function parseWholeNumber(
  name: EmulatorInput,
  raw: string,
  limits: { min: number; max: number; fallback: number }
): number {
  const text = raw.trim()
  if (text === '') return limits.fallback
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(value) || value < limits.min || value > limits.max) {
    throw new EmulatorInputError(
      `Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, got "${text}".` +
        (name === EmulatorInput.Port ? ' Leave it out (or write 0) for a free port.' : '')
    )
  }
  return value
}

export function parseFaults(raw: string): string {
  const spec = raw.trim()
  if (spec === '') return ''
  try {
    parseFaultSpec(spec)
  } catch (error) {
    throw new EmulatorInputError(
      `Input '${EmulatorInput.Faults}' is not a fault spec: ${(error as Error).message}. Write ` +
        'comma-separated settings, e.g. "rate=0.1,seed=7" or "rate=0.2,endpoints=put+confirm,kinds=429+503+reset".'
    )
  }
  return spec
}

/** File names, one per line or comma-separated. */
export function parseNames(raw: string): string[] {
  return raw
    .split(/[\r\n,]+/)
    .map(name => name.trim())
    .filter(Boolean)
}

/** YAML 1.2 core-schema booleans, as core.getBooleanInput reads them; empty is false. */
export function parseBoolean(name: EmulatorInput, raw: string): boolean {
  const text = raw.trim()
  if (text === '') return false
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE'].includes(text)) return false
  throw new EmulatorInputError(`Input '${name}' must be true or false, got "${text}".`)
}

export function parseDialect(raw: string): S3Dialect {
  const text = raw.trim().toLowerCase()
  if (text === '') return 'aws'
  const match = S3_DIALECTS.find(dialect => dialect === text)
  if (match === undefined) {
    throw new EmulatorInputError(
      `Input '${EmulatorInput.S3Dialect}' must be one of ${S3_DIALECTS.join(', ')}; got "${raw.trim()}".`
    )
  }
  return match
}
