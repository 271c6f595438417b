import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { getEventListeners } from 'node:events'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BodySink } from '../../src/netiks/body.js'
import { HttpTransport, TimeoutError, TransportError, type HttpResponse } from '../../src/netiks/http.js'
import { Cleanups, freePort, withProgram } from '../support/helpers.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

function transport(stallTimeoutMs: number, concurrency = 4): HttpTransport {
  const t = new HttpTransport({ userAgent: 'test', concurrency, stallTimeoutMs })
  cleanups.defer(() => t.close())
  return t
}

const get = (t: HttpTransport, url: string, signal?: AbortSignal): Promise<HttpResponse> =>
  t.send({ method: 'GET', url, headers: {}, signal })

/** Answers `count` times `char`, one every 100 ms. */
function drip(res: http.ServerResponse, char: string, count: number): void {
  res.writeHead(200, { 'content-length': count })
  let sent = 0
  const timer = setInterval(() => {
    res.write(char)
    if (++sent === count) {
      clearInterval(timer)
      res.end()
    }
  }, 100)
  res.on('close', () => clearInterval(timer))
}

const outcome = async <T>(promise: Promise<T>): Promise<T | Error> => await promise.catch((error: Error) => error)
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('the stall timeout of a request', () => {
  it('fails a request that gets no byte back for the stall timeout', async () => {
    const url = await cleanups.server(() => undefined)
    const started = performance.now()
    const error = await outcome(get(transport(400), url))
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ code: 'ETIMEDOUT', requestSent: true, message: 'no complete answer within 0.4 s' })
    expect(elapsed).toBeGreaterThanOrEqual(400)
    // Room for a busy machine.
    expect(elapsed).toBeLessThan(400 + 80 + 400)
  })

  it('takes an answer that comes whole within the stall timeout of the request, moving or not', async () => {
    const url = await cleanups.server((_req, res) => drip(res, 'x', 3))
    expect(await get(transport(2000), url)).toMatchObject({ status: 200, body: 'xxx' })
  })

  it('fails an answer that keeps moving but is not whole within the stall timeout (a trickle), as sent', async () => {
    // A byte every 100 ms keeps a stall timer of 300 ms quiet for ever; the answer's deadline does not.
    const url = await cleanups.server((_req, res) => drip(res, 'x', 1000))
    const error = await outcome(get(transport(300), url))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ code: 'ETIMEDOUT', requestSent: true, message: 'no complete answer within 0.3 s' })
  })

  it('does not count what the server sends while the request is still going out as the request moving', async () => {
    // A server that reads none of the body and trickles bytes back: the body cannot move, and the
    // trickle must not keep the request alive.
    const sockets = new Set<net.Socket>()
    const server = net.createServer(socket => {
      sockets.add(socket.on('error', () => undefined))
      socket.pause()
      socket.write('HTTP/1.1 200 OK\r\nX-Trickle: ')
      const timer = setInterval(() => socket.write('a'), 50)
      socket.on('close', () => clearInterval(timer))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    cleanups.defer(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    })
    const body = Buffer.alloc(32 * 1024 * 1024)
    const error = await outcome(
      transport(400).send({
        method: 'PUT',
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        headers: { 'content-length': body.length },
        body
      })
    )
    expect(error).toBeInstanceOf(TimeoutError)
    // Under Wine every write of the body completes (its socket layer takes them all), so the
    // request is whole and the answer's deadline ends it instead: either way the trickle keeps
    // nothing alive.
    expect(error).toMatchObject({
      code: 'ETIMEDOUT',
      message: expect.stringMatching(/^(no progress for|no complete answer within) 0\.4 s$/)
    })
  })

  it('does not count the wait for a free socket: the clock starts when the request has one', async () => {
    const url = await cleanups.server((req, res) => {
      if (req.url !== '/slow') return void res.end('fast')
      // Holds the only socket for two thirds of the stall timeout, moving all the while.
      drip(res, 's', 4)
    })
    const t = transport(600, 1)
    const slow = [get(t, `${url}/slow`), get(t, `${url}/slow`)]
    // Waits for both slow answers, longer than the stall timeout, before it has a socket.
    const queued = get(t, `${url}/fast`)
    for (const answer of slow) expect(await answer).toMatchObject({ status: 200, body: 'ssss' })
    expect(await queued).toMatchObject({ status: 200, body: 'fast' })
  })

  it('keeps a request whose body moves slowly but steadily alive past the stall timeout', async () => {
    // A chunk every 100 ms for 1.5 s: five stall timeouts in all, and never one without progress.
    const received: number[] = []
    const url = await cleanups.server((req, res) => {
      let got = 0
      req.on('data', (chunk: Buffer) => (got += chunk.length))
      req.on('end', () => {
        received.push(got)
        res.end('ok')
      })
    })
    const chunk = Buffer.alloc(64 * 1024, 1)
    const body = {
      async writeTo(sink: BodySink): Promise<void> {
        for (let i = 0; i < 15; i++) {
          await sleep(100)
          await new Promise<void>((resolve, reject) => sink.write(chunk, error => (error ? reject(error) : resolve())))
        }
      }
    }
    const started = performance.now()
    const response = await transport(300).send({
      method: 'PUT',
      url,
      headers: { 'content-length': 15 * chunk.length },
      body
    })
    expect(response).toMatchObject({ status: 200, body: 'ok' })
    expect(received).toEqual([15 * chunk.length])
    expect(performance.now() - started).toBeGreaterThan(5 * 300)
  })

  it('leaves no timer behind once its requests have settled: answered, aborted or refused', async () => {
    const server = http.createServer((req, res) => (req.url === '/ok' ? void res.end('ok') : undefined))
    // No keep-alive timer on the server's side of the connections: only the client's are counted.
    server.keepAliveTimeout = 0
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    cleanups.defer(async () => {
      server.closeAllConnections()
      await new Promise(resolve => server.close(() => resolve(undefined)))
    })
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const timers = (): number => process.getActiveResourcesInfo().filter(kind => kind === 'Timeout').length
    const before = timers()
    // A stall timeout far beyond the test: a timer left behind would still be there at the end.
    const t = transport(60_000, 8)
    const answered = await Promise.all(Array.from({ length: 8 }, () => get(t, `${url}/ok`)))
    expect(answered.map(response => response.body)).toEqual(Array(8).fill('ok'))
    const controller = new AbortController()
    const aborted = Array.from({ length: 4 }, () => outcome(get(t, url, controller.signal)))
    await sleep(50)
    controller.abort()
    for (const result of await Promise.all(aborted)) expect(result).toMatchObject({ code: 'ABORT_ERR' })
    expect(await outcome(get(t, `http://127.0.0.1:${await freePort()}/`))).toMatchObject({ code: 'ECONNREFUSED' })
    t.close()
    // Other timers of the process (the test runner's) come and go: wait for them, not for ours.
    for (let waited = 0; timers() > before && waited < 1000; waited += 20) await sleep(20)
    expect(timers()).toBeLessThanOrEqual(before)
  })

  withProgram(
    it,
    'python3',
    'the port that never accepts is a python3 script'
  )('gives up on a connection not made within the connect timeout', async () => {
    const port = await freePort()
    const blackhole = spawn('python3', [path.join(here, '..', 'support', 'fixtures', 'blackhole.py'), String(port)])
    cleanups.defer(() => void blackhole.kill())
    await new Promise(resolve => blackhole.stdout.once('data', resolve))
    const started = performance.now()
    const error = await outcome(get(transport(500), `http://127.0.0.1:${port}/`))
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ code: 'ECONNTIMEOUT', requestSent: false, message: 'no connection within 0.5 s' })
    expect(elapsed).toBeGreaterThanOrEqual(500)
    expect(elapsed).toBeLessThan(500 + 100 + 400)
  })
})

describe('through a proxy', () => {
  it('gives up on a proxy that takes the connection and never answers CONNECT, as on a connection not made', async () => {
    // The tunnel is made before the request gets a socket: no socket is not always a queue.
    const held = new Set<net.Socket>()
    const silent = net.createServer(socket => void held.add(socket.on('error', () => undefined).resume()))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    cleanups.defer(async () => {
      for (const socket of held) socket.destroy()
      await new Promise(resolve => silent.close(() => resolve(undefined)))
    })
    const saved = process.env.http_proxy
    process.env.http_proxy = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
    cleanups.defer(() => {
      if (saved === undefined) delete process.env.http_proxy
      else process.env.http_proxy = saved
    })
    const started = performance.now()
    const error = await outcome(get(transport(500), 'http://netiks.proxied.test/x'))
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({
      code: 'ECONNTIMEOUT',
      requestSent: false,
      message: `no connection within 0.5 s through the proxy ${process.env.http_proxy}`
    })
    expect(elapsed).toBeGreaterThanOrEqual(500)
    expect(elapsed).toBeLessThan(500 + 100 + 400)
  })
})

describe('cancellation through the run’s signal', () => {
  it('shared by many requests in flight: no listener left once they are answered', async () => {
    const waiting: http.ServerResponse[] = []
    const url = await cleanups.server((_req, res) => void waiting.push(res))
    const t = transport(10_000, 16)
    const controller = new AbortController()
    const sending = Array.from({ length: 16 }, (_, i) => get(t, `${url}/${i}`, controller.signal))
    while (waiting.length < 16) await sleep(10)
    for (const res of waiting) res.end('ok')
    expect((await Promise.all(sending)).map(r => r.body)).toEqual(Array(16).fill('ok'))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('aborts every request in flight when it fires', async () => {
    const waiting: http.ServerResponse[] = []
    const url = await cleanups.server((_req, res) => void waiting.push(res))
    const t = transport(10_000, 8)
    const controller = new AbortController()
    const sending = Array.from({ length: 8 }, (_, i) => outcome(get(t, `${url}/${i}`, controller.signal)))
    while (waiting.length < 8) await sleep(10)
    controller.abort()
    const results = await Promise.all(sending)
    for (const result of results) expect(result).toMatchObject({ code: 'ABORT_ERR', requestSent: true })
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })
})

describe('cancellation of a request still waiting for a free socket', () => {
  it('fails it at once as ABORT_ERR, not sent, rather than when a socket frees', async () => {
    const url = await cleanups.server(() => undefined)
    const t = transport(10_000, 1)
    const holding = outcome(get(t, `${url}/holds-the-only-socket`))
    const controller = new AbortController()
    const queued = outcome(get(t, `${url}/queued`, controller.signal))
    await sleep(100)
    const abortedAt = performance.now()
    controller.abort()
    const result = await queued
    expect(performance.now() - abortedAt).toBeLessThan(500)
    expect(result).toBeInstanceOf(TransportError)
    expect(result).toMatchObject({ code: 'ABORT_ERR', requestSent: false })
    t.close()
    await holding
  })
})
