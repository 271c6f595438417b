import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { getEventListeners } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { startConnectProxy } from '../../harness/connect-proxy.js'
import { FileChangedError } from '../../src/model.js'
import { HttpError, NetworkError } from '../../src/netiks/errors.js'
import { openFileBody } from '../../src/netiks/body.js'
import { NetiksClient } from '../../src/netiks/client.js'
import { HttpTransport, TimeoutError, TransportError, type HttpResponse } from '../../src/netiks/http.js'
import type { LocalFile } from '../../src/model.js'
import { dataBeforeResetIsKept, describeFile, makeWorkspace, removeDir } from '../support/helpers.js'

const MiB = 1024 * 1024
const S3_EXPIRED =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<Error><Code>AccessDenied</Code><Message>Request has expired</Message>' +
  '<X-Amz-Expires>900</X-Amz-Expires><RequestId>4442587FB7D0A2F9</RequestId></Error>'
const FORBIDDEN = `HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: ${Buffer.byteLength(S3_EXPIRED)}\r\nConnection: close\r\n\r\n${S3_EXPIRED}`

/**
 * A raw TCP server, so each byte's timing is ours: it reads the request headers and, once it
 * has `answerAfter` body bytes, answers with `answer` (raw bytes, or nothing) and then ends,
 * destroys or resets the connection, or leaves it open. It runs in a child process, as a real
 * server runs on another machine: an in-process server would act inside the client's own event
 * loop turn, which no real server can.
 */
interface RawBehaviour {
  /** Body bytes to read before acting: a number, or 'body' for the whole Content-Length. */
  answerAfter: number | 'body'
  answer?: string
  /** Cut the answer after this many bytes. */
  answerBytes?: number
  then: 'end' | 'destroy' | 'reset' | 'stay'
  /** Stop reading once the headers are in (the body then backs up into the client). */
  pauseAfterHeaders?: boolean
  /** Answer `100 Continue` to Expect; otherwise Expect is ignored. */
  sendContinue?: boolean
}

const RAW_SERVER = `
import net from 'node:net'
const config = JSON.parse(process.env.RAW_BEHAVIOUR)
const server = net.createServer(socket => {
  socket.on('error', () => undefined)
  let head = Buffer.alloc(0)
  let bodyStart = -1
  let body = 0
  let need = Infinity
  let acted = false
  socket.on('data', chunk => {
    if (acted) return
    if (bodyStart < 0) {
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\\r\\n\\r\\n')
      if (end < 0) return
      bodyStart = end + 4
      body = head.length - bodyStart
      const headers = head.subarray(0, end).toString('latin1')
      const length = Number(/\\r\\ncontent-length: *(\\d+)/i.exec(headers)?.[1] ?? 0)
      need = config.answerAfter === 'body' ? length : config.answerAfter
      if (config.sendContinue && /\\r\\nexpect: *100-continue/i.test(headers)) socket.write('HTTP/1.1 100 Continue\\r\\n\\r\\n')
      if (config.pauseAfterHeaders) socket.pause()
    } else {
      body += chunk.length
    }
    if (body < need) return
    acted = true
    socket.pause()
    const then = () => {
      if (config.then === 'end') socket.end()
      else if (config.then === 'destroy') socket.destroy()
      else if (config.then === 'reset') socket.resetAndDestroy()
    }
    if (config.answer === undefined) return then()
    const answer = Buffer.from(config.answer, 'latin1')
    socket.write(answer.subarray(0, config.answerBytes ?? answer.length), then)
  })
})
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'))
`

interface RawServer {
  url: string
  close(): void
}

const children = new Set<ChildProcess>()

async function startRawServer(behaviour: RawBehaviour): Promise<RawServer> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', RAW_SERVER], {
    env: { ...process.env, RAW_BEHAVIOUR: JSON.stringify(behaviour), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  children.add(child)
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.stdout!.once('data', (line: Buffer) => resolve(Number(String(line).trim())))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      child.kill()
      children.delete(child)
    }
  }
}

let ws: string
let big: LocalFile
let small: LocalFile

beforeAll(async () => {
  ws = await makeWorkspace()
  const bigPath = path.join(ws, 'big.bin')
  await writeFile(bigPath, Buffer.alloc(64 * MiB, 7))
  big = describeFile(bigPath, 64 * MiB, ws)
  const smallPath = path.join(ws, 'small.txt')
  await writeFile(smallPath, 'small body')
  small = describeFile(smallPath, 10, ws)
})
afterAll(async () => {
  for (const child of children) child.kill()
  await removeDir(ws)
})

function transport(stallTimeoutMs = 10_000): HttpTransport {
  return new HttpTransport({ userAgent: 'test', concurrency: 4, stallTimeoutMs })
}

async function put(
  t: HttpTransport,
  url: string,
  file: LocalFile,
  options: { expectContinue?: boolean; onSent?: (bytes: number) => void } = {}
): Promise<HttpResponse> {
  return await t.send({
    method: 'PUT',
    url: `${url}/bucket/key?X-Amz-Signature=secret`,
    headers: { 'content-type': 'application/octet-stream', 'content-length': file.size },
    body: openFileBody(file, options.onSent),
    expectContinue: options.expectContinue
  })
}

/** The answer, or the failure: what the transport says happened. */
async function outcome(promise: Promise<HttpResponse>): Promise<HttpResponse | TransportError> {
  return await promise.catch((error: unknown) => {
    if (error instanceof TransportError) return error
    throw error
  })
}

function isExpiredAnswer(result: HttpResponse | TransportError): boolean {
  return !(result instanceof TransportError) && result.status === 403 && result.body.includes('Request has expired')
}

describe('an answer given before the body was sent (S3 refusing a PUT)', () => {
  it.each(['end', 'destroy', 'reset'] as const)(
    'is read every time with Expect: 100-continue, 30 of 30, when the server answers 403 after the headers and then %ss the connection',
    async then => {
      const server = await startRawServer({ answerAfter: 0, answer: FORBIDDEN, then })
      const client = new NetiksClient({
        baseUrl: server.url,
        apiKey: 'ne-unused',
        concurrency: 1,
        userAgent: 'test',
        stallTimeoutMs: 10_000
      })
      const entry = {
        file_name: 'big.bin',
        presigned_url: `${server.url}/bucket/big.bin?X-Amz-Expires=900&X-Amz-Signature=secret`,
        storage_url: '',
        s3_path: 'big.bin',
        content_type: 'application/octet-stream'
      }
      const errors: unknown[] = []
      for (let i = 0; i < 30; i++) errors.push(await client.putObject(entry, openFileBody(big)).catch(e => e))
      client.close()
      server.close()
      // Where a reset drops what was not yet read (Windows), the answer can be lost: then the
      // reset, which must say that nothing was sent.
      const lossy = then === 'reset' && !(await dataBeforeResetIsKept())
      for (const error of errors) {
        if (lossy && error instanceof NetworkError) {
          expect(error).toMatchObject({ step: 'put', code: 'ECONNRESET', requestSent: false })
          continue
        }
        expect(error).toBeInstanceOf(HttpError)
        expect(error).toMatchObject({
          step: 'put',
          status: 403,
          s3Code: 'AccessDenied',
          serverMessage: 'AccessDenied: Request has expired',
          message: `put to ${server.url}/bucket/big.bin failed with HTTP 403: AccessDenied: Request has expired`
        })
      }
    }
  )

  it('is read without Expect too when the server half-closes (ends) instead of resetting', async () => {
    const server = await startRawServer({ answerAfter: 0, answer: FORBIDDEN, then: 'end' })
    const t = transport()
    const results = []
    for (let i = 0; i < 10; i++) results.push(await outcome(put(t, server.url, big, { expectContinue: false })))
    t.close()
    server.close()
    expect(results.filter(isExpiredAnswer)).toHaveLength(10)
  })

  it.each([
    ['after the headers', 0],
    ['after 1 MiB of the body', MiB]
  ])(
    'without Expect, a server that answers %s and resets: the answer or a reset that says nothing was sent',
    async (_when, answerAfter) => {
      // Node closes the socket when a write meets the reset, with any answer still unread in
      // it, so without Expect this is a race the transport narrows but cannot win every time.
      const server = await startRawServer({ answerAfter, answer: FORBIDDEN, then: 'reset' })
      const t = transport()
      const results = []
      for (let i = 0; i < 10; i++) results.push(await outcome(put(t, server.url, big, { expectContinue: false })))
      t.close()
      server.close()
      for (const result of results) {
        if (isExpiredAnswer(result)) continue
        expect(result).toBeInstanceOf(TransportError)
        expect(result).toMatchObject({ requestSent: false })
        expect(['ECONNRESET', 'EPIPE']).toContain((result as TransportError).code)
      }
      // Where a reset drops what was not yet read (Windows), the reset may win every time.
      if (await dataBeforeResetIsKept()) expect(results.filter(isExpiredAnswer).length).toBeGreaterThan(0)
    }
  )

  it('reads the answer to a body of one slice (1 MiB) without Expect, or reports the reset', async () => {
    // One write: what the socket does not take at once libuv writes after reading the socket,
    // so the answer is read all but always (30 of 30 on an idle machine); only a reset landing
    // between that read and the write (a busy machine) loses it. The reset then says the request
    // was sent when the body's one write had been handed to Node before it (the server may have
    // read it all: review-transport.test.ts), and not sent otherwise: both happen under load.
    const server = await startRawServer({ answerAfter: 0, answer: FORBIDDEN, then: 'reset' })
    const oneSlice = describeFile(path.join(ws, 'one-slice.bin'), MiB, ws)
    await writeFile(oneSlice.absolutePath, Buffer.alloc(MiB, 1))
    const t = transport()
    const results = []
    for (let i = 0; i < 30; i++) results.push(await outcome(put(t, server.url, oneSlice)))
    t.close()
    server.close()
    for (const result of results) {
      if (isExpiredAnswer(result)) continue
      expect(result).toBeInstanceOf(TransportError)
      expect(result).toMatchObject({ code: 'ECONNRESET' })
    }
    // Where a reset drops what was not yet read (Windows), the reset wins that race more often.
    if (await dataBeforeResetIsKept()) expect(results.filter(isExpiredAnswer).length).toBeGreaterThan(15)
  })

  it('reads an answer given mid-body with the connection half-closed, through Expect ignored by the server', async () => {
    // The server ignores Expect, so the body goes after the wait, and it answers after 1 MiB.
    const server = await startRawServer({ answerAfter: MiB, answer: FORBIDDEN, then: 'end' })
    const t = transport(400)
    const results = []
    for (let i = 0; i < 10; i++) results.push(await outcome(put(t, server.url, big, { expectContinue: true })))
    t.close()
    server.close()
    expect(results.filter(isExpiredAnswer)).toHaveLength(10)
  })

  it('returns the part of an early answer that arrived before the server cut it off', async () => {
    const server = await startRawServer({
      answerAfter: 0,
      answer: `HTTP/1.1 403 Forbidden\r\nContent-Length: 1000\r\n\r\n<Error><Code>AccessDenied</Code>`,
      then: 'destroy'
    })
    const t = transport()
    const response = await put(t, server.url, big, { expectContinue: true })
    t.close()
    server.close()
    expect(response).toMatchObject({ status: 403, body: '<Error><Code>AccessDenied</Code>' })
  })
})

describe("the answer's body", () => {
  /** Answers every request with `pieces`, written one at a time with a pause between them. */
  async function answering(status: number, pieces: Buffer[]) {
    const server = http.createServer((req, res) => {
      req.resume()
      req.on('end', async () => {
        res.writeHead(status, { 'Content-Length': pieces.reduce((sum, piece) => sum + piece.length, 0) })
        for (const piece of pieces) {
          res.write(piece)
          await new Promise(resolve => setTimeout(resolve, 5))
        }
        res.end()
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const t = transport()
    const response = await t.send({ method: 'POST', url: `http://127.0.0.1:${port}/x`, headers: {}, body: '{}' })
    t.close()
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
    return response
  }

  it('is read whole from several chunks, a character split between two of them included', async () => {
    const text = '{"name": "✓ 名前"}'
    const bytes = Buffer.from(text)
    const split = bytes.indexOf(Buffer.from('名')) + 1
    const response = await answering(201, [bytes.subarray(0, split), bytes.subarray(split)])
    expect(response).toMatchObject({ status: 201, body: text })
  })

  it('is read from one chunk, and empty when there is none', async () => {
    expect((await answering(200, [Buffer.from('{"id": "a"}')])).body).toBe('{"id": "a"}')
    expect((await answering(200, [])).body).toBe('')
  })

  it("keeps an error answer's first 64 KiB only", async () => {
    const page = Buffer.alloc(200 * 1024, 'e')
    const response = await answering(500, [page.subarray(0, 100 * 1024), page.subarray(100 * 1024)])
    expect(response.status).toBe(500)
    expect(response.body).toBe('e'.repeat(64 * 1024))
  })
})

describe('Expect: 100-continue', () => {
  /** A node:http server that records what it was sent. */
  async function startHttpServer(
    setup: (server: http.Server, received: { headers: http.IncomingHttpHeaders[]; bodies: Buffer[] }) => void
  ) {
    const received = { headers: [] as http.IncomingHttpHeaders[], bodies: [] as Buffer[], bytesRead: [] as number[] }
    const server = http.createServer((req, res) => {
      received.headers.push(req.headers)
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        received.bodies.push(Buffer.concat(chunks))
        res.writeHead(200, { ETag: '"etag"', 'Content-Length': 0 }).end()
      })
    })
    server.on('connection', socket => socket.on('close', () => received.bytesRead.push(socket.bytesRead)))
    setup(server, received)
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      received,
      close: async () => {
        server.closeAllConnections()
        await new Promise(resolve => server.close(resolve))
      }
    }
  }

  it('never sends the file to a server that refuses in checkContinue, without 100', async () => {
    const server = await startHttpServer(s =>
      s.on('checkContinue', (req, res) => {
        req.resume()
        res.writeHead(403, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(S3_EXPIRED) })
        res.end(S3_EXPIRED)
      })
    )
    const t = transport()
    let sent = 0
    const response = await put(t, server.url, big, { expectContinue: true, onSent: bytes => (sent += bytes) })
    t.close()
    await new Promise(resolve => setTimeout(resolve, 100))
    await server.close()
    expect(response.status).toBe(403)
    expect(response.body).toContain('<Code>AccessDenied</Code>')
    expect(sent).toBe(0)
    // The server read the request's headers and nothing of its body.
    expect(server.received.bytesRead).toHaveLength(1)
    expect(server.received.bytesRead[0]).toBeLessThan(1024)
  })

  it('sends the body on 100 Continue (node:http sends it by itself) and the server gets every byte', async () => {
    const server = await startHttpServer(() => undefined)
    const t = transport()
    const started = Date.now()
    const response = await put(t, server.url, big, { expectContinue: true })
    const elapsed = Date.now() - started
    t.close()
    await server.close()
    expect(response.status).toBe(200)
    expect(server.received.headers[0].expect).toBe('100-continue')
    expect(server.received.bodies[0].length).toBe(64 * MiB)
    expect(sha256(server.received.bodies[0])).toBe(sha256(Buffer.alloc(64 * MiB, 7)))
    // It did not sit out the wait meant for servers that ignore Expect.
    expect(elapsed).toBeLessThan(5000)
  })

  it('sends the body anyway, after a short wait, to a server that ignores Expect, with a short stall timeout', async () => {
    const server = await startRawServer({
      answerAfter: 'body',
      answer: 'HTTP/1.1 200 OK\r\nETag: "x"\r\nContent-Length: 0\r\n\r\n',
      then: 'stay'
    })
    // The wait is at most half the stall timeout, so the stall timer cannot fire during it.
    const t = transport(300)
    const started = Date.now()
    const response = await put(t, server.url, big, { expectContinue: true })
    t.close()
    server.close()
    expect(response.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('goes through the CONNECT proxy the runner configures', async () => {
    const server = await startHttpServer(() => undefined)
    const proxy = await startConnectProxy(server.port)
    const saved = process.env.http_proxy
    process.env.http_proxy = proxy.url
    try {
      const t = transport()
      const response = await put(t, `http://netiks.proxied.test:${server.port}`, big, { expectContinue: true })
      t.close()
      expect(response.status).toBe(200)
      expect(proxy.tunnels).toEqual([`netiks.proxied.test:${server.port}`])
      expect(server.received.headers[0].expect).toBe('100-continue')
      expect(server.received.bodies[0].length).toBe(64 * MiB)
    } finally {
      if (saved === undefined) delete process.env.http_proxy
      else process.env.http_proxy = saved
      await proxy.close()
      await server.close()
    }
  })
})

describe('a request whose AbortSignal fires (a cancelled run)', () => {
  async function aborted(behaviour: RawBehaviour, file: LocalFile, abortAfterMs: number | 'before') {
    const server = await startRawServer(behaviour)
    const t = transport()
    const controller = new AbortController()
    if (abortAfterMs === 'before') controller.abort()
    else setTimeout(() => controller.abort(), abortAfterMs)
    const sending = t.send({
      method: 'PUT',
      url: `${server.url}/bucket/key`,
      headers: { 'content-type': 'application/octet-stream', 'content-length': file.size },
      body: openFileBody(file),
      signal: controller.signal
    })
    const listening = getEventListeners(controller.signal, 'abort').length
    const result = await outcome(sending)
    t.close()
    server.close()
    return { result, listening, left: getEventListeners(controller.signal, 'abort').length }
  }

  it('mid-body: fails as ABORT_ERR, not sent, with its listener gone', async () => {
    const { result, listening, left } = await aborted(
      { answerAfter: 0, then: 'stay', pauseAfterHeaders: true },
      big,
      200
    )
    expect(result).toBeInstanceOf(TransportError)
    expect(result).toMatchObject({ code: 'ABORT_ERR', requestSent: false })
    expect([listening, left]).toEqual([1, 0])
  })

  it('after the whole body, waiting for the answer: fails as ABORT_ERR, sent', async () => {
    const { result, left } = await aborted({ answerAfter: 'body', then: 'stay' }, small, 300)
    expect(result).toMatchObject({ code: 'ABORT_ERR', requestSent: true })
    expect(left).toBe(0)
  })

  it('aborted before it starts: fails as ABORT_ERR and adds no listener', async () => {
    const { result, listening, left } = await aborted({ answerAfter: 'body', then: 'end' }, small, 'before')
    // requestSent is not asserted: Node reports the abort once a socket is assigned, by when
    // the small body has been handed over, so it counts as sent (in doubt, as for any failure).
    expect(result).toMatchObject({ code: 'ABORT_ERR' })
    expect([listening, left]).toEqual([0, 0])
  })

  it('answered: takes its listener off the signal, request after request', async () => {
    const server = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(200, { 'Content-Length': 2 }).end('ok'))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const t = transport()
    const controller = new AbortController()
    for (let i = 0; i < 5; i++) {
      const response = await t.send({
        method: 'POST',
        url: `http://127.0.0.1:${port}/x`,
        headers: {},
        body: '{}',
        signal: controller.signal
      })
      expect(response).toMatchObject({ status: 200, body: 'ok' })
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    }
    t.close()
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
})

describe('requestSent: whether the whole request was written when it failed', () => {
  async function failure(behaviour: RawBehaviour, file: LocalFile, stallTimeoutMs = 10_000): Promise<TransportError> {
    const server = await startRawServer(behaviour)
    const t = transport(stallTimeoutMs)
    const result = await outcome(put(t, server.url, file))
    t.close()
    server.close()
    expect(result).toBeInstanceOf(TransportError)
    return result as TransportError
  }

  it('is false for a refused connection', async () => {
    const server = await startRawServer({ answerAfter: 'body', then: 'stay' })
    server.close()
    await new Promise(resolve => setTimeout(resolve, 100))
    const t = transport()
    const error = await outcome(put(t, server.url, small))
    t.close()
    expect(error).toMatchObject({ code: 'ECONNREFUSED', requestSent: false })
  })

  it('is false for a host that does not resolve', async () => {
    const t = transport()
    const error = await outcome(put(t, 'http://netiks-upload-test.invalid', small))
    t.close()
    expect(error).toBeInstanceOf(TransportError)
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain((error as TransportError).code)
    expect(error).toMatchObject({ requestSent: false })
  })

  it('is false for a connection reset while the body was being written', async () => {
    const error = await failure({ answerAfter: MiB, then: 'reset' }, big)
    expect(['ECONNRESET', 'EPIPE']).toContain(error.code)
    expect(error.requestSent).toBe(false)
  })

  it('is false for a stall while the body was being written', async () => {
    const error = await failure({ answerAfter: 'body', then: 'stay', pauseAfterHeaders: true }, big, 500)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ code: 'ETIMEDOUT', requestSent: false, message: 'no progress for 0.5 s' })
  })

  it('is true for a reply lost: the server read everything and reset', async () => {
    const error = await failure({ answerAfter: 'body', then: 'reset' }, small)
    expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: true })
  })

  it('is true for a reply lost: the server read everything and closed (socket hang up)', async () => {
    const error = await failure({ answerAfter: 'body', then: 'end' }, big)
    expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: true })
  })

  it('is true for a stall waiting for the answer after the whole body', async () => {
    const error = await failure({ answerAfter: 'body', then: 'stay' }, small, 500)
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ code: 'ETIMEDOUT', requestSent: true, message: 'no complete answer within 0.5 s' })
  })

  it('is true for an answer cut off after the whole request was sent', async () => {
    const error = await failure(
      { answerAfter: 'body', answer: 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789', then: 'destroy' },
      small
    )
    expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: true })
  })

  it('reaches the client as NetworkError.requestSent', async () => {
    const lost = await startRawServer({ answerAfter: 'body', then: 'reset' })
    const client = new NetiksClient({
      baseUrl: lost.url,
      apiKey: 'ne-unused',
      concurrency: 1,
      userAgent: 'test',
      stallTimeoutMs: 10_000
    })
    const afterSending = await client.generatePresignedUrls([{ name: 'a', type: 'text/plain', size: 1 }]).catch(e => e)
    lost.close()
    await new Promise(resolve => setTimeout(resolve, 100))
    const refused = await client.generatePresignedUrls([{ name: 'a', type: 'text/plain', size: 1 }]).catch(e => e)
    client.close()
    expect(afterSending).toBeInstanceOf(NetworkError)
    expect(afterSending).toMatchObject({ step: 'generate', code: 'ECONNRESET', requestSent: true })
    expect(refused).toBeInstanceOf(NetworkError)
    expect(refused).toMatchObject({ step: 'generate', code: 'ECONNREFUSED', requestSent: false })
  })
})

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

describe('routing: each URL goes to its own host', () => {
  it('even when its start does not settle the host (http:///host/…), as the cache of origins once assumed', async () => {
    const hits: string[] = []
    const servers = await Promise.all(
      ['a', 'b'].map(async name => {
        const server = http.createServer((req, res) => {
          hits.push(`${name} ${req.url}`)
          res.end('ok')
        })
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
        return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}` }
      })
    )
    const t = transport()
    for (const { host } of [...servers, ...servers]) {
      expect(await t.send({ method: 'GET', url: `http:///${host}/x`, headers: {} })).toMatchObject({ status: 200 })
    }
    // A tab or newline there is dropped by URL parsing: the same case.
    for (const { host } of servers) {
      expect(await t.send({ method: 'GET', url: `http://\t/${host}/x`, headers: {} })).toMatchObject({ status: 200 })
    }
    t.close()
    for (const { server } of servers) {
      server.closeAllConnections()
      server.close()
    }
    // The path is sent as written after the (empty) authority: the URL is odd, not refused.
    expect(hits.map(hit => hit.split(' ')[0])).toEqual(['a', 'b', 'a', 'b', 'a', 'b'])
  })
})

describe('a small file body', () => {
  it('arrives exact, is counted as sent once handed over, and a file changed since it was found sends the server nothing', async () => {
    const bodies: Buffer[] = []
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks))
        res.writeHead(200, { etag: '"e"', 'content-length': 0 }).end()
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bucket/key`
    const t = transport()
    const target = path.join(ws, 'whole.txt')
    await writeFile(target, 'whole body')
    const sent: number[] = []
    const send = (file: LocalFile): Promise<HttpResponse | Error> =>
      t
        .send({
          method: 'PUT',
          url,
          headers: { 'content-type': 'text/plain', 'content-length': file.size },
          body: openFileBody(file, bytes => sent.push(bytes))
        })
        .catch((error: Error) => error)
    expect(await send(describeFile(target, 10, ws))).toMatchObject({ status: 200 })
    expect(sent).toEqual([10])
    await writeFile(target, 'whole body, and then some')
    const changed = await send(describeFile(target, 10, ws))
    expect(changed).toBeInstanceOf(FileChangedError)
    await writeFile(target, 'next body!')
    expect(await send(describeFile(target, 10, ws))).toMatchObject({ status: 200 })
    t.close()
    server.closeAllConnections()
    server.close()
    expect(bodies.map(body => body.toString())).toEqual(['whole body', 'next body!'])
    // Not a byte of the changed file reached the server: it saw two requests, both whole.
    expect(sent).toEqual([10, 10])
  })
})
