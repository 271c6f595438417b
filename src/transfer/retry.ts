import { CancelledError, HttpError, NetworkError } from '../errors.js'

/** How failed requests are retried: the one policy every request follows. */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number
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

export function defaultRetryPolicy(retries: number, baseDelayMs = 1000): RetryPolicy {
  return { retries, baseDelayMs, maxDelayMs: 30_000, maxRetryAfterMs: RETRY_AFTER_CAP_MS, random: Math.random }
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504])
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
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

/** Transient failures: the network, timeouts, throttling and 5xx gateways. Other 4xx are final. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HttpError) return RETRYABLE_STATUSES.has(error.status)
  if (error instanceof NetworkError) return RETRYABLE_CODES.has(error.code) || /socket hang up/i.test(error.message)
  return false
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
  /** Called before each wait, e.g. to log it. */
  onRetry?: (retry: number, delayMs: number, error: unknown) => void
}

/**
 * Runs `attempt` until it succeeds, fails for good, or retries run out. Each attempt gets a
 * fresh call, so a body is re-opened and streamed again from its start.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  hooks: RetryHooks = {}
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(retry + 1)
    } catch (error) {
      if (retry >= policy.retries || !isRetryable(error) || hooks.signal?.aborted) throw error
      const delay = retryDelayMs(retry + 1, error, policy)
      hooks.onRetry?.(retry + 1, delay, error)
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
