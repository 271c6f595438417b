import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { getEventListeners } from 'node:events'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  AnswerTimeoutError,
  HttpTransport,
  StallError,
  TransportError,
  type HttpResponse
} from '../../src/netiks/http.js'
import { AbortFanOut, StallWatch } from '../../src/netiks/watch.js'
import { Cleanups, freePort } from '../support/helpers.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

/** An in-process server whose handler decides each answer's timing; closed after the test. */
async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  cleanups.defer(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function transport(stallTimeoutMs: number, maxSockets = 4): HttpTransport {
  const t = new HttpTransport({ userAgent: 'test', maxSockets, stallTimeoutMs })
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

describe('the stall watch', () => {
  it('fails a request that gets no byte back for the stall timeout, within two looks of it', async () => {
    const url = await serve(() => undefined)
    const started = performance.now()
    const error = await outcome(get(transport(400), url))
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(StallError)
    expect(error).toMatchObject({ code: 'ETIMEDOUT', requestSent: true })
    expect(elapsed).toBeGreaterThanOrEqual(400)
    // Two looks of 40 ms at most, and room for a busy machine.
    expect(elapsed).toBeLessThan(400 + 80 + 400)
  })

  it('takes an answer that comes whole within the stall timeout of the request, moving or not', async () => {
    const url = await serve((_req, res) => drip(res, 'x', 3))
    expect(await get(transport(2000), url)).toMatchObject({ status: 200, body: 'xxx' })
  })

  it('fails an answer that keeps moving but is not whole within the stall timeout (a trickle), as sent', async () => {
    // A byte every 100 ms keeps a stall timer of 300 ms quiet for ever; the answer's deadline does not.
    const url = await serve((_req, res) => drip(res, 'x', 1000))
    const error = await outcome(get(transport(300), url))
    expect(error).toBeInstanceOf(AnswerTimeoutError)
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
    expect(error).toBeInstanceOf(StallError)
    expect(error).not.toBeInstanceOf(AnswerTimeoutError)
    expect(error).toMatchObject({ code: 'ETIMEDOUT', message: 'no progress for 0.4 s' })
  })

  it('does not count the wait for a free socket: the clock starts when the request has one', async () => {
    const url = await serve((req, res) => {
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

  it('counts a write the kernel is still taking as movement, not only a new write (a slow reader)', async () => {
    // A socket whose last writes sit in libuv's queue, drained as a slow peer reads them:
    // bytesWritten counted them when they were handed over and does not move again.
    const handle = { writeQueueSize: 4 * 1024 * 1024 }
    const socket = { connecting: false, bytesRead: 200, bytesWritten: 5 * 1024 * 1024, _handle: handle }
    const stalls: number[] = []
    const started = performance.now()
    const watch = new StallWatch(200, 200)
    const watched = {
      req: { socket } as unknown as http.ClientRequest,
      mayBeQueued: () => false,
      onStall: () => stalls.push(performance.now() - started),
      onAnswerLate: () => undefined,
      onConnectTimeout: () => undefined
    }
    const entry = watch.start(watched)
    for (let i = 0; i < 16; i++) {
      await sleep(50)
      handle.writeQueueSize -= 64 * 1024
    }
    expect(stalls).toEqual([])
    await sleep(400)
    watch.stop(entry)
    expect(stalls.length).toBeGreaterThan(0)
    expect(stalls[0]).toBeGreaterThanOrEqual(16 * 50 + 200 - 50)
  })

  it('keeps every request it watches, in any order of stopping, and lets go of its timer when none is left', () => {
    const watch = new StallWatch(60_000, 15_000)
    const fake = (): {
      req: http.ClientRequest
      mayBeQueued: () => boolean
      onStall: () => void
      onAnswerLate: () => void
      onConnectTimeout: () => void
    } => ({
      req: {} as http.ClientRequest,
      mayBeQueued: () => true,
      onStall: () => undefined,
      onAnswerLate: () => undefined,
      onConnectTimeout: () => undefined
    })
    const internals = watch as unknown as { entries: Array<{ request: unknown; index: number }>; timer: unknown }
    const entries = Array.from({ length: 50 }, () => watch.start(fake()))
    for (const i of [0, 49, 25, 1, 48, 2, 10, 10]) watch.stop(entries[i])
    expect(internals.entries).toHaveLength(43)
    internals.entries.forEach((entry, index) => expect(entry.index).toBe(index))
    expect(new Set(internals.entries)).toEqual(
      new Set(entries.filter((_, i) => ![0, 49, 25, 1, 48, 2, 10].includes(i)))
    )
    expect(internals.timer).toBeDefined()
    for (const entry of entries) watch.stop(entry)
    expect(internals.entries).toHaveLength(0)
    expect(internals.timer).toBeUndefined()
  })

  it('gives up on a connection not made within the connect timeout', async () => {
    const port = await freePort()
    const blackhole = spawn('python3', [path.join(here, '..', 'support', 'fixtures', 'blackhole.py'), String(port)])
    cleanups.defer(() => void blackhole.kill())
    await new Promise(resolve => blackhole.stdout.once('data', resolve))
    const started = performance.now()
    const error = await outcome(get(transport(500), `http://127.0.0.1:${port}/`))
    const elapsed = performance.now() - started
    expect(error).toBeInstanceOf(TransportError)
    expect(error).not.toBeInstanceOf(StallError)
    expect(error).toMatchObject({ code: 'ECONNTIMEOUT', requestSent: false })
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
    expect(error).toBeInstanceOf(TransportError)
    expect(error).toMatchObject({ code: 'ECONNTIMEOUT', requestSent: false })
    expect(elapsed).toBeGreaterThanOrEqual(500)
    expect(elapsed).toBeLessThan(500 + 100 + 400)
  })
})

describe('cancellation: one listener on the run’s signal', () => {
  it('however many requests are in flight, and none once they are answered', async () => {
    const waiting: http.ServerResponse[] = []
    const url = await serve((_req, res) => void waiting.push(res))
    const t = transport(10_000, 8)
    const controller = new AbortController()
    const sending = Array.from({ length: 8 }, (_, i) => get(t, `${url}/${i}`, controller.signal))
    while (waiting.length < 8) await sleep(10)
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    for (const res of waiting) res.end('ok')
    expect((await Promise.all(sending)).map(r => r.body)).toEqual(Array(8).fill('ok'))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('aborts every request in flight when it fires', async () => {
    const waiting: http.ServerResponse[] = []
    const url = await serve((_req, res) => void waiting.push(res))
    const t = transport(10_000, 8)
    const controller = new AbortController()
    const sending = Array.from({ length: 8 }, (_, i) => outcome(get(t, `${url}/${i}`, controller.signal)))
    while (waiting.length < 8) await sleep(10)
    controller.abort()
    const results = await Promise.all(sending)
    for (const result of results) expect(result).toMatchObject({ code: 'ABORT_ERR', requestSent: true })
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('lets go of a signal no request uses any more (one signal per file does not pile up)', () => {
    const fanOut = new AbortFanOut()
    const signals = Array.from({ length: 100 }, () => new AbortController().signal)
    for (const signal of signals) {
      const stop = fanOut.watch(signal, () => undefined)
      expect(getEventListeners(signal, 'abort')).toHaveLength(1)
      stop()
      expect(getEventListeners(signal, 'abort')).toHaveLength(0)
    }
    expect((fanOut as unknown as { bySignal: Map<unknown, unknown> }).bySignal.size).toBe(0)
  })

  it('calls back exactly the watchers not stopped, whatever order they stopped in', () => {
    const fanOut = new AbortFanOut()
    const controller = new AbortController()
    const called: number[] = []
    const stops = Array.from({ length: 20 }, (_, i) => fanOut.watch(controller.signal, () => called.push(i)))
    const stopped = [0, 19, 7, 8, 3, 18]
    for (const i of stopped) stops[i]()
    stops[7]()
    controller.abort()
    expect(called.sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i).filter(i => !stopped.includes(i))
    )
  })

  it('calls back at once for a signal that has already fired, and for each watcher once', () => {
    const fanOut = new AbortFanOut()
    const controller = new AbortController()
    const calls: string[] = []
    fanOut.watch(controller.signal, () => calls.push('a'))
    const stopB = fanOut.watch(controller.signal, () => calls.push('b'))
    fanOut.watch(controller.signal, () => calls.push('c'))
    stopB()
    controller.abort()
    controller.abort()
    fanOut.watch(controller.signal, () => calls.push('late'))
    expect(calls.sort()).toEqual(['a', 'c', 'late'])
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })
})

describe('cancellation of a request still waiting for a free socket', () => {
  it('fails it at once as ABORT_ERR, not sent, rather than when a socket frees', async () => {
    const url = await serve(() => undefined)
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
