import { describe, expect, it, jest } from '@jest/globals'
import { CancelledError } from '../../src/model.js'
import { HttpError, NetworkError } from '../../src/netiks/errors.js'
import { parseRetryAfter } from '../../src/netiks/retry-after.js'
import {
  defaultRetryPolicy,
  isRetryable,
  retryDelayMs,
  sleep,
  withRetries,
  type RetryPolicy
} from '../../src/transfer/retry.js'

const http = (status: number, retryAfterMs?: number) =>
  new HttpError('put', status, 'words', `HTTP ${status}`, retryAfterMs)
const net = (code: string, message = code) => new NetworkError('put', code, message)
const fast = (retries: number): RetryPolicy => ({ ...defaultRetryPolicy(retries, 1), random: () => 0.5 })

describe('isRetryable', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', status => expect(isRetryable(http(status))).toBe(true))
  it.each([400, 401, 403, 404, 409, 411, 413, 422, 501])('does not retry HTTP %i', status =>
    expect(isRetryable(http(status))).toBe(false)
  )
  it.each(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNREFUSED'])('retries %s', code =>
    expect(isRetryable(net(code))).toBe(true)
  )
  it('retries a socket hang-up whatever its code', () =>
    expect(isRetryable(net('EOTHER', 'socket hang up'))).toBe(true))
  it('does not retry a host that does not exist, a cancelled run, or a local read error', () => {
    expect(isRetryable(net('ENOTFOUND'))).toBe(false)
    expect(isRetryable(new CancelledError())).toBe(false)
    expect(isRetryable(new Error('file changed'))).toBe(false)
  })
})

describe('retryDelayMs', () => {
  const policy: RetryPolicy = { ...defaultRetryPolicy(10, 1000), random: () => 0.999 }
  it('backs off exponentially with full jitter, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(n => retryDelayMs(n, http(503), policy))).toEqual([
      999, 1998, 3996, 7992, 15984, 29970, 29970
    ])
    expect(retryDelayMs(3, http(503), { ...policy, random: () => 0 })).toBe(0)
  })
  it('honours Retry-After, capped at 60 s', () => {
    expect(retryDelayMs(1, http(429, 5000), policy)).toBe(5000)
    expect(retryDelayMs(1, http(429, 3_600_000), policy)).toBe(60_000)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter('0.5')).toBe(500)
    const now = Date.parse('2026-11-25T12:00:00Z')
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:07 GMT', now)).toBe(7000)
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0)
  })
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('withRetries', () => {
  it('calls the attempt afresh until it succeeds', async () => {
    const attempts: number[] = []
    const result = await withRetries(async n => {
      attempts.push(n)
      if (n < 3) throw net('ECONNRESET')
      return 'done'
    }, fast(4))
    expect(result).toBe('done')
    expect(attempts).toEqual([1, 2, 3])
  })

  it('gives up after `retries` extra attempts with the last error', async () => {
    let calls = 0
    const retried: number[] = []
    await expect(
      withRetries(
        async () => {
          calls++
          throw http(502)
        },
        fast(2),
        { onRetry: retry => retried.push(retry) }
      )
    ).rejects.toMatchObject({ status: 502 })
    expect(calls).toBe(3)
    expect(retried).toEqual([1, 2])
  })

  it('does not retry a final error', async () => {
    let calls = 0
    await expect(
      withRetries(async () => {
        calls++
        throw http(400)
      }, fast(4))
    ).rejects.toMatchObject({ status: 400 })
    expect(calls).toBe(1)
  })

  it('stops waiting at once when cancelled', async () => {
    // A fake clock that never moves: the run can only end by the cancel, not by the wait ending.
    jest.useFakeTimers()
    try {
      const controller = new AbortController()
      let calls = 0
      let outcome: unknown = 'still waiting'
      void withRetries(
        async () => {
          calls++
          throw http(429, 30_000)
        },
        fast(4),
        { signal: controller.signal }
      ).then(
        () => (outcome = 'resolved'),
        (error: unknown) => (outcome = error)
      )
      await jest.advanceTimersByTimeAsync(0)
      expect([calls, outcome]).toEqual([1, 'still waiting'])
      controller.abort()
      await jest.advanceTimersByTimeAsync(0)
      expect(outcome).toBeInstanceOf(CancelledError)
      expect(calls).toBe(1)
    } finally {
      jest.useRealTimers()
    }
  })

  it('sleep rejects at once on an already aborted signal', async () => {
    await expect(sleep(10_000, AbortSignal.abort())).rejects.toBeInstanceOf(CancelledError)
  })
})
