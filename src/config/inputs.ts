import * as core from '@actions/core'
import { AssetNaming, DEFAULT_BASE_URL, Input, NoFileOption, UploadMode } from './constants.js'
import { InputError } from '../model.js'
import { parseShard, type Shard } from '../files/shard.js'

/** Every input, read and checked. A dry run only plans: its api key may be absent; any other run has one. */
export type Inputs = Settings & ({ dryRun: false; apiKey: string } | { dryRun: true; apiKey: string | undefined })

/** Inputs of a run that uploads: it always has a key. */
export type UploadInputs = Extract<Inputs, { dryRun: false }>

interface Settings {
  patterns: string[]
  mode: UploadMode
  baseUrl: string
  concurrency: number
  ifNoFilesFound: NoFileOption
  retries: number
  failFast: boolean
  assetName: AssetNaming
  /** Path of the manifest, relative to the workspace; '' for none. */
  manifest: string
  /** This job's shard of the matched files; undefined to upload them all. */
  shard?: Shard
  /** Whether hidden files and folders are uploaded even where no pattern names them. */
  includeHiddenFiles: boolean
}

/** Reads and validates every input; throws one InputError naming the first bad one. */
export function getInputs(): Inputs {
  const rawKey = core.getInput(Input.ApiKey)
  // A key given to a dry run is still checked: the same workflow will upload with it later.
  const credentials = readBoolean(Input.DryRun)
    ? { dryRun: true as const, apiKey: rawKey.trim() === '' ? undefined : parseApiKey(rawKey) }
    : { dryRun: false as const, apiKey: parseApiKey(rawKey) }
  return {
    ...credentials,
    patterns: parsePatterns(core.getInput(Input.Path)),
    mode: readChoice(Input.Mode, UploadMode, UploadMode.Auto),
    baseUrl: parseBaseUrl(core.getInput(Input.BaseUrl), readBoolean(Input.AllowInsecureHttp)),
    concurrency: readInteger(Input.Concurrency, { min: 1, max: 64, fallback: 8 }),
    ifNoFilesFound: readChoice(Input.IfNoFilesFound, NoFileOption, NoFileOption.Error),
    retries: readInteger(Input.Retries, { min: 0, max: 10, fallback: 4 }),
    failFast: readBoolean(Input.FailFast),
    assetName: readChoice(Input.AssetName, AssetNaming, AssetNaming.Basename),
    manifest: core.getInput(Input.Manifest).trim(),
    shard: parseShard(core.getInput(Input.Shard)),
    includeHiddenFiles: readBoolean(Input.IncludeHiddenFiles)
  }
}

/** Knobs for tests and unusual networks, read from the environment rather than inputs. */
export interface Tuning {
  /** A request that sends and receives nothing for this long is aborted (and retried). */
  stallTimeoutMs: number
  /** The first retry waits up to this long; each further retry doubles the window. */
  retryBaseMs: number
  /** A transfer longer than this gets a progress line every this long. */
  progressIntervalMs: number
}

export function getTuning(env: NodeJS.ProcessEnv = process.env): Tuning {
  return {
    stallTimeoutMs: positiveInteger(env.NETIKS_STALL_TIMEOUT_MS) ?? 60_000,
    retryBaseMs: positiveInteger(env.NETIKS_RETRY_BASE_MS) ?? 1000,
    progressIntervalMs: positiveInteger(env.NETIKS_PROGRESS_INTERVAL_MS) ?? 10_000
  }
}

function positiveInteger(text: string | undefined): number | undefined {
  const value = Number(text)
  return text && Number.isSafeInteger(value) && value > 0 ? value : undefined
}

function parseApiKey(raw: string): string {
  const key = raw.trim()
  if (key === '') {
    throw new InputError(
      `Input '${Input.ApiKey}' is empty. Pass your Netiks API key from a secret, e.g. "${Input.ApiKey}: ` +
        '${{ secrets.NETIKS_API_KEY }}". Secrets are not available to workflows triggered from forks: run those ' +
        `against the local emulator instead, or set "${Input.DryRun}: true" to see the plan, which needs no key.`
    )
  }
  if ([...key].some(char => /\s/.test(char) || char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw new InputError(
      `Input '${Input.ApiKey}' contains white space or control characters, so it cannot be ` +
        'a Netiks API key. Check that the secret holds only the key.'
    )
  }
  return key
}

function parsePatterns(raw: string): string[] {
  const patterns = raw
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
  if (!patterns.some(pattern => !pattern.startsWith('!'))) {
    throw new InputError(
      `Input '${Input.Path}' has no pattern to include. Give one or more globs, one per line, e.g. "dist/**/*.zip"; ` +
        'lines starting with ! exclude.'
    )
  }
  return patterns
}

/**
 * The API root every endpoint path follows: an origin, or a path a reverse proxy serves the API under.
 * Plain http only to this machine, unless `allowInsecureHttp`: the api key goes in every API call.
 */
function parseBaseUrl(raw: string, allowInsecureHttp: boolean): string {
  const text = raw.trim() || DEFAULT_BASE_URL
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(
      `Input '${Input.BaseUrl}' is not a URL: "${text}". Use an http(s) URL such as ${DEFAULT_BASE_URL}.`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(`Input '${Input.BaseUrl}' must be an http or https URL, not ${url.protocol}// ("${text}").`)
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(
      `Input '${Input.BaseUrl}' must not carry credentials, a query or a fragment: give only scheme, host and ` +
        `optional path, such as ${DEFAULT_BASE_URL}.`
    )
  }
  if (/\/api\/v1(\/|$)/i.test(url.pathname)) {
    throw new InputError(
      `Input '${Input.BaseUrl}' holds /api/v1 ("${text}"): give the URL without it, as the action adds ` +
        `/api/v1/assets/… itself, such as ${DEFAULT_BASE_URL} (or https://proxy.example/netiks behind a reverse proxy).`
    )
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname) && !allowInsecureHttp) {
    throw new InputError(
      `Input '${Input.BaseUrl}' is plain http to ${url.host}, which is not this machine: the api key would travel ` +
        'unencrypted, readable by anyone on the way. Use https. Only for a private test server on a network you ' +
        `trust, set "${Input.AllowInsecureHttp}: true" to allow it.`
    )
  }
  return url.href.replace(/\/+$/, '')
}

/**
 * This machine for certain, as URL parsing writes a host (127.1 as 127.0.0.1): localhost, ::1, 127.0.0.0/8,
 * IPv4-mapped 127.x. Not `localhost.` nor a name that resolves to 127.0.0.1: DNS looks those up, and could
 * change them.
 */
const LOOPBACK_HOST = /^(localhost|\[::1\]|127\.\d+\.\d+\.\d+|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\])$/

function readInteger(name: Input, limits: { min: number; max: number; fallback: number }): number {
  const text = core.getInput(name).trim()
  if (text === '') return limits.fallback
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(value) || value < limits.min || value > limits.max) {
    throw new InputError(`Input '${name}' must be a whole number from ${limits.min} to ${limits.max}, got "${text}".`)
  }
  return value
}

function readChoice<T extends string>(name: Input, choices: Record<string, T>, fallback: T): T {
  const text = core.getInput(name).trim()
  const match = Object.values(choices).find(choice => choice === text.toLowerCase())
  if (text !== '' && match === undefined) {
    throw new InputError(`Input '${name}' must be one of ${Object.values(choices).join(', ')}; got "${text}".`)
  }
  return match ?? fallback
}

/** YAML 1.2 core-schema booleans, as core.getBooleanInput reads them; false when empty. */
function readBoolean(name: Input): boolean {
  const text = core.getInput(name).trim()
  if (['true', 'True', 'TRUE'].includes(text)) return true
  if (['false', 'False', 'FALSE', ''].includes(text)) return false
  throw new InputError(`Input '${name}' must be true or false, got "${text}".`)
}
