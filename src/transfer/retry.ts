import { CancelledError, FileChangedError } from '../model.js'
import { HttpError, NetworkError } from '../netiks/errors.js'

/** How failed requests are retried: the one policy every request follows. */
export interface RetryPolicy {
  /** Extra attempts after the first, for failures other than throttling. */
  retries: number
  /**
   * Extra attempts for throttling answers (429, 503), counted apart from `retries`: a server
   * that asks us to slow down has done nothing with the request, and a busy one can ask
   * several times in a row.
   */
  throttleRetries: number
  /** The first backoff window; each retry doubles it (full jitter picks within it). */
  baseDelayMs: number
  /** The largest backoff window. */
  maxDelayMs: number
  /** The most a server's Retry-After is waited for. */
  maxRetryAfterMs: number
  /** 0 ≤ random() < 1, for the jitter. */
  random: () => number
}

export const RETRY_AFTER_CAP_MS = 60_000
/** Throttling answers a call may meet before it fails, beside its `retries`. */
export const DEFAULT_THROTTLE_RETRIES = 8

export function defaultRetryPolicy(retries: number, baseDelayMs = 1000): RetryPolicy {
  return {
    retries,
    throttleRetries: DEFAULT_THROTTLE_RETRIES,
    baseDelayMs,
    maxDelayMs: 30_000,
    maxRetryAfterMs: RETRY_AFTER_CAP_MS,
    random: Math.random
  }
}

/** The server asked us to slow down: nothing was done with the request. */
const THROTTLE_STATUSES = new Set([429, 503])
/** The request timed out before the server read it whole: nothing was done with it. */
const NOT_APPLIED_STATUSES = new Set([408, ...THROTTLE_STATUSES])
/** The server (or a gateway before it) failed: it may have acted before it failed. */
const AMBIGUOUS_STATUSES = new Set([500, 502, 504])
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNTIMEOUT',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'ERR_STREAM_PREMATURE_CLOSE',
  'HPE_INVALID_CONSTANT'
])
/** No connection could be made at all: the request never left. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNTIMEOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH'
])

/**
 * What a failure says about the request. `not-applied`: proven not to have taken effect
 * (refused, reset before it was fully written, throttled, the file changed under it).
 * `ambiguous`: it may have taken effect (the reply was lost or stalled after the request was
 * fully sent, 500, 502, 504). `final`: retrying cannot help.
 */
export type FailureKind = 'not-applied' | 'ambiguous' | 'final'

export function classifyFailure(error: unknown): FailureKind {
  if (error instanceof HttpError) {
    if (NOT_APPLIED_STATUSES.has(error.status)) return 'not-applied'
    // The IETF idempotency draft's answer while the first request with the same key is still
    // being processed: this one was not applied, and a later retry gets the first's answer.
    if (error.status === 409 && (error.step === 'upload' || error.step === 'confirm')) return 'not-applied'
    if (AMBIGUOUS_STATUSES.has(error.status)) return 'ambiguous'
    return 'final'
  }
  if (error instanceof NetworkError) {
    if (!RETRYABLE_CODES.has(error.code) && !/socket hang up/i.test(error.message)) return 'final'
    if (UNREACHABLE_CODES.has(error.code) || !error.requestSent) return 'not-applied'
    return 'ambiguous'
  }
  if (error instanceof FileChangedError) return 'not-applied'
  return 'final'
}

/** Transient failures: the network, timeouts, throttling, 5xx gateways, a file still being written. */
export function isRetryable(error: unknown): boolean {
  return classifyFailure(error) !== 'final'
}

export function isThrottled(error: unknown): boolean {
  return error instanceof HttpError && THROTTLE_STATUSES.has(error.status)
}

/** No connection could be made: the host or port is wrong, or nothing is listening. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof NetworkError && UNREACHABLE_CODES.has(error.code)
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): the server's Retry-After when it
 * gave one (capped), else exponential backoff with full jitter.
 */
export function retryDelayMs(retry: number, error: unknown, policy: RetryPolicy): number {
  const retryAfter = error instanceof HttpError ? error.retryAfterMs : undefined
  if (retryAfter !== undefined) return Math.min(retryAfter, policy.maxRetryAfterMs)
  const window = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.floor(policy.random() * window)
}

export interface RetryHooks {
  signal?: AbortSignal
  /** Called before each wait, e.g. to log it; `retry` counts every retry of the call. */
  onRetry?: (retry: number, delayMs: number, error: unknown) => void
  /** Called for every failed attempt (the last one too), with what it says about the request. */
  onFailure?: (kind: FailureKind, error: unknown) => void
}

/**
 * Runs `attempt` until it succeeds, fails for good, or its budgets run out: `retries` for
 * failures, `throttleRetries` more for throttling answers. Each attempt gets a fresh call, so
 * a body is re-opened and streamed again from its start.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {}
): Promise<T> {
  let failures = 0
  let throttled = 0
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber)
    } catch (error) {
      const kind = classifyFailure(error)
      if (!(error instanceof CancelledError)) hooks.onFailure?.(kind, error)
      if (kind === 'final' || hooks.signal?.aborted) throw error
      const throttle = isThrottled(error) && throttled < policy.throttleRetries
      if (throttle) throttled++
      else if (failures++ >= policy.retries) throw error
      const delay = retryDelayMs(throttle ? throttled : failures, error, policy)
      hooks.onRetry?.(attemptNumber, delay, error)
      await sleep(delay, hooks.signal)
    }
  }
}

/** Waits, but ends at once (with CancelledError) when the signal fires. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) throw new CancelledError()
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new CancelledError())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
