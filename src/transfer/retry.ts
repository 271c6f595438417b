import { setTimeout as wait } from 'node:timers/promises'
import { CancelledError, FileChangedError } from '../model.js'
import { HttpError, NetworkError } from '../netiks/errors.js'

export interface RetryPolicy {
  /** Extra attempts after the first, for failures other than throttling. */
  retries: number
  /** Extra attempts for throttling answers (429, 503): a busy server may ask several times in a row. */
  throttleRetries: number
  /** The first backoff window; each retry doubles it, up to MAX_DELAY_MS (full jitter picks within it). */
  baseDelayMs: number
  /** 0 ≤ random() < 1, for the jitter. */
  random: () => number
}

const MAX_DELAY_MS = 30_000
/** The most a server's Retry-After is waited for. */
const MAX_RETRY_AFTER_MS = 60_000

export function defaultRetryPolicy(retries: number, baseDelayMs = 1000): RetryPolicy {
  return { retries, throttleRetries: 8, baseDelayMs, random: Math.random }
}

/** The server asked us to slow down: nothing was done with the request. */
const THROTTLE_STATUSES = [429, 503]
/** The request timed out before the server read it whole: nothing was done with it. */
const NOT_APPLIED_STATUSES = [408, ...THROTTLE_STATUSES]
/** The server (or a gateway before it) failed: it may have acted before it failed. */
const AMBIGUOUS_STATUSES = [500, 502, 504]
/** No connection could be made at all: the request never left. */
const UNREACHABLE_CODES = ['ECONNREFUSED', 'ECONNTIMEOUT', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']
/** The connection broke or stalled. */
const BROKEN_CODES = ['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']
/** The answer was cut off or garbled mid-way. */
const CUT_OFF_CODES = ['ERR_STREAM_PREMATURE_CLOSE', 'HPE_INVALID_CONSTANT']
/** Worth another try: every failure of the connection but a host that does not exist. */
const RETRYABLE_CODES = [...UNREACHABLE_CODES, ...BROKEN_CODES, ...CUT_OFF_CODES].filter(code => code !== 'ENOTFOUND')

/** An HTTP status that is retried: the server or a gateway failed or was busy, not the request. */
export function isTransientStatus(status: number): boolean {
  return NOT_APPLIED_STATUSES.includes(status) || AMBIGUOUS_STATUSES.includes(status)
}

/** No connection could be made: the host or port is wrong, or nothing is listening. */
export function isUnreachable(error: unknown): error is NetworkError {
  return error instanceof NetworkError && UNREACHABLE_CODES.includes(error.code)
}

/**
 * What a failure says about the request. `not-applied`: proven not to have taken effect
 * (refused, reset before it was fully written, throttled, the file changed under it).
 * `ambiguous`: it may have taken effect (the reply was lost or stalled after the request was
 * fully sent, 500, 502, 504). `final`: retrying cannot help.
 */
export type FailureKind = 'not-applied' | 'ambiguous' | 'final'

function classifyFailure(error: unknown): FailureKind {
  if (error instanceof HttpError) {
    if (NOT_APPLIED_STATUSES.includes(error.status)) return 'not-applied'
    // The IETF idempotency draft's answer while the first request with the same key is still
    // being processed: this one was not applied, and a later retry gets the first's answer.
    if (error.status === 409 && (error.step === 'upload' || error.step === 'confirm')) return 'not-applied'
    return AMBIGUOUS_STATUSES.includes(error.status) ? 'ambiguous' : 'final'
  }
  if (error instanceof NetworkError) {
    if (!RETRYABLE_CODES.includes(error.code) && !/socket hang up/i.test(error.message)) return 'final'
    return UNREACHABLE_CODES.includes(error.code) || !error.requestSent ? 'not-applied' : 'ambiguous'
  }
  return error instanceof FileChangedError ? 'not-applied' : 'final'
}

/** Before retry number `retry` (from 1): the server's Retry-After (capped), else backoff with full jitter. */
function retryDelayMs(retry: number, error: unknown, policy: RetryPolicy): number {
  const retryAfter = error instanceof HttpError ? error.retryAfterMs : undefined
  if (retryAfter !== undefined) return Math.min(retryAfter, MAX_RETRY_AFTER_MS)
  const window = Math.min(MAX_DELAY_MS, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.floor(policy.random() * window)
}

export interface RetryHooks {
  signal?: AbortSignal
  /** Called before each wait, e.g. to log it; `retry` counts every retry of the call. */
  onRetry?: (retry: number, delayMs: number, error: unknown) => void
  /** Called for every failed attempt (the last one too), with what it says about the request. */
  onFailure?: (kind: FailureKind, error: unknown) => void
}

/** Each attempt is a fresh call, told how the one before failed, so a body is re-opened and streamed again. */
export async function withRetries<T>(
  attempt: (lastError: unknown) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {}
): Promise<T> {
  let failures = 0
  let throttled = 0
  let lastError: unknown
  for (let retry = 1; ; retry++) {
    try {
      return await attempt(lastError)
    } catch (error) {
      lastError = error
      const kind = classifyFailure(error)
      if (!(error instanceof CancelledError)) hooks.onFailure?.(kind, error)
      if (kind === 'final' || hooks.signal?.aborted) throw error
      const throttle =
        error instanceof HttpError && THROTTLE_STATUSES.includes(error.status) && throttled < policy.throttleRetries
      if (throttle) throttled++
      else if (failures++ >= policy.retries) throw error
      const delay = retryDelayMs(throttle ? throttled : failures, error, policy)
      hooks.onRetry?.(retry, delay, error)
      await wait(delay, undefined, { signal: hooks.signal }).catch(() => {
        throw new CancelledError()
      })
    }
  }
}
