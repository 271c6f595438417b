import { describe, expect, it, jest } from '@jest/globals'
import { CancelledError } from '../../src/model.js'
import { HttpError, NetworkError } from '../../src/netiks/errors.js'
import { parseRetryAfter } from '../../src/netiks/retry-after.js'
import { defaultRetryPolicy, withRetries, type RetryPolicy } from '../../src/transfer/retry.js'

const http = (status: number, retryAfterMs?: number) =>
  new HttpError('put', status, 'words', `HTTP ${status}`, retryAfterMs)
const net = (code: string, message = code) => new NetworkError('put', code, message)
const fast = (retries: number): RetryPolicy => ({ ...defaultRetryPolicy(retries, 1), random: () => 0.5 })

/** Whether a call that fails once with `error` is tried again. */
async function isRetryable(error: unknown): Promise<boolean> {
  let calls = 0
  const attempt = async (): Promise<string> => {
    if (calls++ === 0) throw error
    return 'done'
  }
  return await withRetries(attempt, fast(1)).then(
    () => true,
    () => false
  )
}

/** The waits before each retry of a call that always fails with `error`, the run cancelled after `retries` waits. */
async function delaysBefore(error: unknown, policy: RetryPolicy, retries = 1): Promise<number[]> {
  const delays: number[] = []
  const controller = new AbortController()
  const onRetry = (_retry: number, delayMs: number): void => {
    delays.push(delayMs)
    if (delays.length === retries) controller.abort()
  }
  const failing = async (): Promise<never> => {
    throw error
  }
  await expect(withRetries(failing, policy, { signal: controller.signal, onRetry })).rejects.toBeInstanceOf(
    CancelledError
  )
  return delays
}

describe('isRetryable', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries HTTP %i', async status =>
    expect(await isRetryable(http(status))).toBe(true)
  )
  it.each([400, 401, 403, 404, 409, 411, 413, 422, 501])('does not retry HTTP %i', async status =>
    expect(await isRetryable(http(status))).toBe(false)
  )
  it.each(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNREFUSED'])(
    'retries %s',
    async code => expect(await isRetryable(net(code))).toBe(true)
  )
  it('retries a socket hang-up whatever its code', async () =>
    expect(await isRetryable(net('EOTHER', 'socket hang up'))).toBe(true))
  it('does not retry a host that does not exist, a cancelled run, or a local read error', async () => {
    expect(await isRetryable(net('ENOTFOUND'))).toBe(false)
    expect(await isRetryable(new CancelledError())).toBe(false)
    expect(await isRetryable(new Error('file changed'))).toBe(false)
  })
})

describe('the wait before a retry', () => {
  const policy = (baseDelayMs: number, random = 0.999): RetryPolicy => ({
    ...defaultRetryPolicy(10, baseDelayMs),
    random: () => random
  })
  it('backs off exponentially with full jitter, up to the cap of 30 s', async () => {
    expect(await delaysBefore(http(503), policy(1), 7)).toEqual([0, 1, 3, 7, 15, 31, 63])
    expect(await delaysBefore(http(500), policy(1), 3)).toEqual([0, 1, 3])
    expect(await delaysBefore(http(503), policy(16_000))).toEqual([15984])
    expect(await delaysBefore(http(503), policy(40_000))).toEqual([29970])
    expect(await delaysBefore(http(503), policy(1000, 0))).toEqual([0])
  })
  it('honours Retry-After, capped at 60 s', async () => {
    expect(await delaysBefore(http(429, 5000), policy(1000))).toEqual([5000])
    expect(await delaysBefore(http(429, 3_600_000), policy(1000))).toEqual([60_000])
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
    const result = await withRetries(async () => {
      attempts.push(attempts.length + 1)
      if (attempts.length < 3) throw net('ECONNRESET')
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

  it('tells each attempt how the one before it failed', async () => {
    const seen: unknown[] = []
    const first = net('ECONNRESET')
    await withRetries(async lastError => {
      seen.push(lastError)
      if (seen.length === 1) throw first
    }, fast(1))
    expect(seen).toEqual([undefined, first])
  })

  it('ends a wait at once when the run is cancelled during it, whatever the Retry-After', async () => {
    expect(await delaysBefore(http(429, 3_600_000), fast(4))).toEqual([60_000])
  })
})
