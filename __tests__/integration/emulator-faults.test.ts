/**
 * The emulator's faults that strike after the request took effect (lost-reply, late-reply,
 * commit-then-500), against the emulator itself: the asset, object or batch exists whatever the
 * client saw, and with idempotency keys the retry gets it back.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import type http from 'node:http'
import {
  DEFAULT_FAULTS,
  FaultInjector,
  type FaultEndpoint,
  type FaultKind,
  type FaultOptions
} from '../../emulator/faults.js'
import {
  GENERATE_PRESIGNED_PATH,
  UPLOAD_FILE_PATH,
  startEmulator,
  type Emulator,
  type EmulatorOptions
} from '../../emulator/server.js'
import {
  BOUNDARY,
  apiHeaders,
  assetOf,
  confirm,
  confirmBody,
  generate,
  multipartBody,
  put,
  request,
  upload,
  type Reply
} from '../support/emulator-http.js'

/** A seed under which the first request to `endpoint` gets `kind` and the second gets nothing. */
function seedFaultingOnlyTheFirst(kind: FaultKind, endpoint: FaultEndpoint): number {
  for (let seed = 1; seed < 10_000; seed++) {
    const injector = new FaultInjector({ ...DEFAULT_FAULTS, rate: 0.5, seed, endpoints: [endpoint], kinds: [kind] })
    if (injector.pick(endpoint) === kind && injector.pick(endpoint) === undefined) return seed
  }
  throw new Error(`no seed faults only the first ${endpoint}`)
}

/** The error a request ended in, or its reply. */
async function outcome(promise: Promise<Reply>): Promise<Reply | { error: string }> {
  return await promise.catch((error: NodeJS.ErrnoException) => ({ error: error.code ?? error.message }))
}

/** What the client of a request with an after-effect fault saw (its stall timer is 300 ms). */
function expectSpoilt(kind: FaultKind, seen: Reply | { error: string }): void {
  if (kind === 'commit-then-500') expect(seen).toMatchObject({ status: 500 })
  else expect(seen).toEqual({ error: kind === 'lost-reply' ? 'ECONNRESET' : 'STALLED' })
}

/** Gives up on a request that has not been answered within `ms`, as a client's stall timer does. */
function givingUpAfter(ms: number, body: string | Buffer): (req: http.ClientRequest) => void {
  return req => {
    req.setTimeout(ms, () => req.destroy(Object.assign(new Error('stalled'), { code: 'STALLED' })))
    req.end(body)
  }
}

describe('faults that strike after the request took effect, against the emulator', () => {
  const started: Emulator[] = []
  afterAll(async () => Promise.all(started.map(server => server.close())))
  async function start(options: EmulatorOptions): Promise<Emulator> {
    const server = await startEmulator(options)
    started.push(server)
    return server
  }
  const only = (endpoint: FaultEndpoint, kind: FaultKind, more: Partial<FaultOptions> = {}) => ({
    faults: { rate: 1, endpoints: [endpoint], kinds: [kind], ...more }
  })
  const uploadHeaders = (server: Emulator) => apiHeaders(server, `multipart/form-data; boundary=${BOUNDARY}`)

  it('lost-reply: an upload creates its asset, then the connection is reset unanswered', async () => {
    const server = await start(only('upload', 'lost-reply'))
    expect(await outcome(upload(server, 'filename="lost.txt"', 'hello'))).toEqual({ error: 'ECONNRESET' })
    expect(server.state().assets.map(a => [a.asset_name, a.file_size])).toEqual([['lost.txt', 5]])
    expect(server.state().faults.upload).toEqual({ 'lost-reply': 1, total: 1 })
    await waitFor(() => server.timeline().some(e => e.endpoint === 'upload'))
    expect(server.timeline().filter(e => e.endpoint === 'upload')).toMatchObject([{ status: 0 }])
  })

  it('lost-reply: a confirm creates its asset; a PUT stores its object; a generate issues its URLs', async () => {
    const server = await start({ faults: { rate: 1, endpoints: ['confirm', 'put'], kinds: ['lost-reply'] } })
    const entry = await generate(server, 'lost.txt', 'text/plain', 2)
    expect(await outcome(put(entry, 'hi'))).toEqual({ error: 'ECONNRESET' })
    expect(server.state().objects.map(o => [o.key, o.size])).toEqual([[entry.s3_path, 2]])
    expect(await outcome(confirm(server, entry, 2))).toEqual({ error: 'ECONNRESET' })
    expect(server.state().confirmations).toEqual({ [entry.s3_path]: 1 })
    expect(server.state().faults).toMatchObject({ put: { 'lost-reply': 1 }, confirm: { 'lost-reply': 1 } })

    const generating = await start(only('generate', 'lost-reply'))
    const lost = request(
      'POST',
      generating.url + GENERATE_PRESIGNED_PATH,
      apiHeaders(generating),
      JSON.stringify({ files: [{ name: 'a.txt', type: 'text/plain', size: 1 }] })
    )
    expect(await outcome(lost)).toEqual({ error: 'ECONNRESET' })
    expect(generating.state().signatures).toHaveLength(1)
  })

  it('late-reply: the asset exists at once, the answer comes after late-ms', async () => {
    const server = await start(only('upload', 'late-reply', { lateMs: 600 }))
    const started = Date.now()
    let answered = false
    const answer = upload(server, 'filename="late.txt"', 'hello').finally(() => (answered = true))
    await waitFor(() => server.state().assets.length === 1)
    expect(answered).toBe(false)
    const reply = await answer
    expect(Date.now() - started).toBeGreaterThanOrEqual(590)
    expect(reply.status).toBe(201)
    expect(assetOf(reply).id).toBe(server.state().assets[0].id)
    expect(server.state().faults.upload).toEqual({ 'late-reply': 1, total: 1 })
  })

  it('late-reply: a client that gave up is not answered, and the asset stays', async () => {
    const server = await start(only('upload', 'late-reply', { lateMs: 400 }))
    const body = multipartBody('filename="abandoned.txt"', 'hello')
    const gaveUp = request('POST', server.url + UPLOAD_FILE_PATH, uploadHeaders(server), givingUpAfter(100, body))
    expect(await outcome(gaveUp)).toEqual({ error: 'STALLED' })
    await waitFor(() => server.timeline().some(e => e.endpoint === 'upload'), 2000)
    expect(server.timeline().filter(e => e.endpoint === 'upload')).toMatchObject([{ status: 0 }])
    expect(server.state().assets.map(a => a.asset_name)).toEqual(['abandoned.txt'])
  })

  it('commit-then-500: a confirm creates its asset and answers 500; a PUT stores and answers InternalError', async () => {
    const server = await start({ faults: { rate: 1, endpoints: ['confirm', 'put'], kinds: ['commit-then-500'] } })
    const entry = await generate(server, 'committed.txt', 'text/plain', 2)
    const stored = await put(entry, 'hi')
    expect(stored.status).toBe(500)
    expect(stored.body).toContain('<Code>InternalError</Code>')
    expect(server.state().objects.map(o => o.key)).toEqual([entry.s3_path])
    const confirmed = await confirm(server, entry, 2)
    expect([confirmed.status, JSON.parse(confirmed.body)]).toEqual([500, { detail: 'A server error occurred.' }])
    expect(server.state().assets.map(a => a.asset_name)).toEqual(['committed.txt'])
    expect(server.state().faults).toMatchObject({
      put: { 'commit-then-500': 1, total: 1 },
      confirm: { 'commit-then-500': 1, total: 1 }
    })
  })

  describe('with idempotency keys, the retry gets the asset the spoilt answer was about', () => {
    it.each(['lost-reply', 'late-reply', 'commit-then-500'] as const)('%s on a single upload', async kind => {
      const server = await start({
        idempotency: true,
        faults: {
          rate: 0.5,
          seed: seedFaultingOnlyTheFirst(kind, 'upload'),
          endpoints: ['upload'],
          kinds: [kind],
          lateMs: 1000
        }
      })
      const key = { 'idempotency-key': `retry-${kind}` }
      const body = multipartBody('filename="retried.txt"', 'hello')
      const first = await outcome(
        request('POST', server.url + UPLOAD_FILE_PATH, { ...uploadHeaders(server), ...key }, givingUpAfter(300, body))
      )
      expectSpoilt(kind, first)
      const retry = await upload(server, 'filename="retried.txt"', 'hello', key)
      expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([201, 'true'])
      expect(server.state().assets.map(a => a.id)).toEqual([assetOf(retry).id])
    })

    it.each(['lost-reply', 'late-reply', 'commit-then-500'] as const)('%s on a confirm', async kind => {
      const server = await start({
        idempotency: true,
        faults: {
          rate: 0.5,
          seed: seedFaultingOnlyTheFirst(kind, 'confirm'),
          endpoints: ['confirm'],
          kinds: [kind],
          lateMs: 1000
        }
      })
      const entry = await generate(server, 'retried.txt', 'text/plain', 2)
      expect((await put(entry, 'hi')).status).toBe(200)
      const key = { 'idempotency-key': `retry-${kind}` }
      const first = await outcome(
        request(
          'POST',
          server.url + UPLOAD_FILE_PATH,
          { ...apiHeaders(server), ...key },
          givingUpAfter(300, confirmBody(entry, 2))
        )
      )
      expectSpoilt(kind, first)
      const retry = await confirm(server, entry, 2, key)
      expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([201, 'true'])
      expect(server.state().assets.map(a => a.id)).toEqual([assetOf(retry).id])
      expect(server.state().confirmations).toEqual({ [entry.s3_path]: 1 })
    })
  })
})

async function waitFor(condition: () => boolean, ms = 1000): Promise<void> {
  for (const until = Date.now() + ms; Date.now() < until && !condition();) {
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  expect(condition()).toBe(true)
}
