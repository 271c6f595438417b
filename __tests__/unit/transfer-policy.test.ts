import { describe, expect, it } from '@jest/globals'
import { AuthError, HttpError, NetworkError } from '../../src/netiks/errors.js'
import { CancelledError, FileChangedError } from '../../src/model.js'
import { Breaker, isSystemic } from '../../src/transfer/breaker.js'
import { MAX_URL_REFRESHES, isExpiredUrlRefusal } from '../../src/transfer/expiry.js'
import { defaultRetryPolicy, withRetries, type FailureKind, type RetryPolicy } from '../../src/transfer/retry.js'

const http = (status: number, step: 'put' | 'confirm' | 'generate' | 'upload' = 'confirm', words = 'words') =>
  new HttpError(step, status, words, `${step} failed with HTTP ${status}: ${words}`)
const net = (code: string, requestSent: boolean) => new NetworkError('confirm', code, code, requestSent)

/** What withRetries makes of a failed attempt: the kind it tells the caller of. */
async function classifyFailure(error: unknown): Promise<FailureKind | undefined> {
  let kind: FailureKind | undefined
  const noRetry: RetryPolicy = { ...defaultRetryPolicy(0), throttleRetries: 0 }
  const failing = async (): Promise<never> => {
    throw error
  }
  await withRetries(failing, noRetry, { onFailure: told => (kind = told) }).catch(() => undefined)
  return kind
}

describe('classifyFailure: did the request take effect?', () => {
  it.each([408, 429, 503])('HTTP %i proves it did not', async status =>
    expect(await classifyFailure(http(status))).toBe('not-applied')
  )
  it.each([500, 502, 504])('HTTP %i leaves it open', async status =>
    expect(await classifyFailure(http(status))).toBe('ambiguous')
  )
  it('409 to a register request (the same Idempotency-Key still being processed) is retried', async () => {
    expect(await classifyFailure(http(409, 'confirm'))).toBe('not-applied')
    expect(await classifyFailure(http(409, 'generate'))).toBe('final')
  })
  it.each([400, 401, 403, 404, 413, 422])('HTTP %i is final', async status =>
    expect(await classifyFailure(http(status))).toBe('final')
  )
  it('a reset before the request was fully written proves nothing was done; after, it is ambiguous', async () => {
    expect(await classifyFailure(net('ECONNRESET', false))).toBe('not-applied')
    expect(await classifyFailure(net('ECONNRESET', true))).toBe('ambiguous')
    expect(await classifyFailure(net('ETIMEDOUT', true))).toBe('ambiguous')
    expect(await classifyFailure(net('EPIPE', false))).toBe('not-applied')
  })
  it('a connection that could not be made never carried the request', async () => {
    expect(await classifyFailure(net('ECONNREFUSED', true))).toBe('not-applied')
    expect(await classifyFailure(net('EAI_AGAIN', true))).toBe('not-applied')
  })
  it('a file that changed under its body is sent again; cancellation and unknown errors are final', async () => {
    expect(await classifyFailure(new FileChangedError('changed'))).toBe('not-applied')
    // A cancelled attempt is not a failure of the request: not retried, and not told as one.
    expect(await classifyFailure(new CancelledError())).toBeUndefined()
    expect(await classifyFailure(new Error('?'))).toBe('final')
  })
})

describe('withRetries: budgets', () => {
  const fast = (retries: number): RetryPolicy => ({ ...defaultRetryPolicy(retries, 1), random: () => 0 })

  it('gets through five transient faults in a row with the default retries (429, 429, 429, 500, reset)', async () => {
    const faults = [http(429), http(429), http(429), http(500), net('ECONNRESET', true)]
    const kinds: string[] = []
    let calls = 0
    const result = await withRetries(
      async () => {
        const fault = faults[calls++]
        if (fault) throw fault
        return 'confirmed'
      },
      fast(4),
      { onFailure: kind => kinds.push(kind) }
    )
    expect(result).toBe('confirmed')
    expect(calls).toBe(6)
    expect(kinds).toEqual(['not-applied', 'not-applied', 'not-applied', 'ambiguous', 'ambiguous'])
  })

  it('throttling has its own budget; other failures spend retries', async () => {
    let calls = 0
    await expect(
      withRetries(async () => {
        calls++
        throw http(500)
      }, fast(2))
    ).rejects.toMatchObject({ status: 500 })
    expect(calls).toBe(3)
    calls = 0
    const policy = fast(0)
    await expect(
      withRetries(async () => {
        calls++
        throw http(429)
      }, policy)
    ).rejects.toMatchObject({ status: 429 })
    expect(calls).toBe(1 + policy.throttleRetries)
  })

  it('tells the caller about the last failure too, so an ambiguous end is known', async () => {
    const kinds: string[] = []
    await expect(
      withRetries(
        async () => {
          throw net('ECONNRESET', true)
        },
        fast(1),
        { onFailure: kind => kinds.push(kind) }
      )
    ).rejects.toBeInstanceOf(NetworkError)
    expect(kinds).toEqual(['ambiguous', 'ambiguous'])
  })
})

describe('presigned URL expiry', () => {
  const url = (date: string, expires: number) =>
    `http://127.0.0.1:9/bucket/a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-Signature=abc`
  const at = Date.UTC(2026, 10, 25, 12, 0, 0)

  it('reads the expiry from X-Amz-Date and X-Amz-Expires, a minute early for clocks that differ', () => {
    const refusal = new HttpError('put', 403, 'AccessDenied', 'put failed', undefined, 'AccessDenied')
    expect(isExpiredUrlRefusal(refusal, url('20261125T120000Z', 900), at + 840_000)).toBe(true)
    expect(isExpiredUrlRefusal(refusal, url('20261125T120000Z', 900), at + 839_999)).toBe(false)
    expect(isExpiredUrlRefusal(refusal, 'http://127.0.0.1:9/bucket/a.txt', at + 10 ** 9)).toBe(false)
  })

  it("takes a bare 403 AccessDenied (radosgw's wording) as expiry when the URL says it has expired", () => {
    const radosgw = new HttpError('put', 403, 'AccessDenied', 'put failed', undefined, 'AccessDenied')
    expect(isExpiredUrlRefusal(radosgw, url('20261125T120000Z', 900), at + 901_000)).toBe(true)
    expect(isExpiredUrlRefusal(radosgw, url('20261125T120000Z', 900), at + 60_000)).toBe(false)
  })

  it("takes AWS's words as expiry whatever the clocks say", () => {
    const aws = new HttpError('put', 403, 'AccessDenied: Request has expired', 'put failed', undefined, 'AccessDenied')
    expect(isExpiredUrlRefusal(aws, url('20261125T120000Z', 900), at)).toBe(true)
  })

  it('never for other statuses or steps', () => {
    expect(isExpiredUrlRefusal(http(400, 'put', 'expired'), url('20261125T120000Z', 1), at + 10_000)).toBe(false)
    expect(isExpiredUrlRefusal(http(403, 'confirm', 'expired'), url('20261125T120000Z', 1), at + 10_000)).toBe(false)
  })

  it('gives a file a few fresh URLs of its own budget', () => expect(MAX_URL_REFRESHES).toBeGreaterThanOrEqual(2))
})

describe('systemic failures stop the run with one cause', () => {
  const base = 'https://netiks.example/wrong'
  const systemicCause = (error: unknown, baseUrl: string) => new Breaker(baseUrl, 8).failed(error, false)
  it('a 404 from an API endpoint means base-url is wrong', () => {
    const cause = systemicCause(http(404, 'generate', 'Not found.'), base)
    expect(isSystemic(cause)).toBe(true)
    expect(cause?.name).toBe('WrongBaseUrlError')
    expect(cause?.message).toContain('base-url is probably wrong')
    expect(cause?.message).toContain(base)
    expect(systemicCause(http(404, 'put', 'NoSuchKey'), base)).toBeUndefined()
  })
  it('a connection that cannot be made, and a refused key', () => {
    const unreachable = systemicCause(net('ECONNREFUSED', false), base)
    expect(isSystemic(unreachable)).toBe(true)
    expect(unreachable?.message).toMatch(
      /No connection could be made after every retry, so no other file was started\./
    )
    const auth = new AuthError('generate', 401, 'Invalid API key.', base)
    expect(systemicCause(auth, base)).toBe(auth)
    expect(isSystemic(auth)).toBe(true)
  })
  it('not a failure of one file', () => {
    expect(systemicCause(http(500), base)).toBeUndefined()
    expect(systemicCause(net('ECONNRESET', true), base)).toBeUndefined()
    expect(systemicCause(http(400), base)).toBeUndefined()
  })
  it('a streak of files failing from one transient cause, at least a full pool of them, none confirmed between', () => {
    const breaker = new Breaker(base, 6)
    for (let file = 1; file < 6; file++) expect(breaker.failed(http(503), false)).toBeUndefined()
    breaker.confirmed()
    for (let file = 1; file < 6; file++) expect(breaker.failed(http(503), false)).toBeUndefined()
    expect(breaker.failed(http(502), false)).toBeUndefined()
    expect(breaker.failed(http(502), true)).toBeUndefined()
    for (let file = 1; file < 6; file++) expect(breaker.failed(http(502), false)).toBeUndefined()
    const streak = breaker.failed(http(502), false)
    expect(isSystemic(streak)).toBe(true)
    expect(streak?.message).toMatch(/^The last 6 files failed the same way after every retry/)
  })
})
