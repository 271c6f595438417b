/**
 * Review of 74d98d2 (http.ts): a body whose every byte was handed to the request counts as sent
 * when the connection then fails, even before end(). The dangerous direction is a request the
 * server got whole reported as not sent: it would be retried with no possible_duplicate flag.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BodySink } from '../../src/netiks/body.js'
import { HttpTransport, TransportError, type BodyWriter } from '../../src/netiks/http.js'

const servers: http.Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  }
})

/** A server that reads `readBytes` of each body, then resets the connection without answering. */
async function resettingServer(readBytes: (length: number) => number): Promise<{ url: string; received: number[] }> {
  const received: number[] = []
  const server = http.createServer(req => {
    const length = Number(req.headers['content-length'])
    const limit = readBytes(length)
    let got = 0
    if (limit === 0) return req.socket.resetAndDestroy()
    req.on('data', (chunk: Buffer) => {
      got += chunk.length
      if (got >= limit) {
        req.pause()
        received.push(got)
        req.socket.resetAndDestroy()
      }
    })
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/up`, received }
}

/** Writes `length` bytes in `chunk`-byte writes, each after the last was taken; then lingers before resolving (end() waits). */
function lingeringBody(length: number, chunk: number, lingerMs: number): BodyWriter {
  return {
    async writeTo(sink: BodySink): Promise<void> {
      for (let done = 0; done < length; done += chunk) {
        const piece = Buffer.alloc(Math.min(chunk, length - done), 120)
        await new Promise<void>((resolve, reject) => sink.write(piece, error => (error ? reject(error) : resolve())))
      }
      // Unref: a test may end while the writer still lingers.
      await new Promise(resolve => setTimeout(resolve, lingerMs).unref())
    }
  }
}

async function sendAndFail(
  url: string,
  body: BodyWriter,
  length: number,
  stallTimeoutMs = 5000
): Promise<TransportError> {
  const transport = new HttpTransport({ userAgent: 'review', concurrency: 2, stallTimeoutMs })
  try {
    await transport.send({ method: 'POST', url, headers: { 'content-length': length }, body })
    throw new Error('expected the request to fail')
  } catch (error) {
    expect(error).toBeInstanceOf(TransportError)
    return error as TransportError
  } finally {
    transport.close()
  }
}

describe('requestSent when the connection fails before end()', () => {
  it('the server read every byte, then reset before the body writer finished: counted as sent (ambiguous)', async () => {
    const length = 256 * 1024
    const server = await resettingServer(n => n)
    const error = await sendAndFail(server.url, lingeringBody(length, 16 * 1024, 500), length)
    expect(server.received).toEqual([length])
    expect(error.requestSent).toBe(true)
  })

  it('the server reset before reading any of the body, with only part of it handed: not sent (safe to retry)', async () => {
    const length = 8 * 1024 * 1024
    const server = await resettingServer(() => 0)
    const error = await sendAndFail(server.url, lingeringBody(length, 64 * 1024, 0), length)
    expect(error.requestSent).toBe(false)
  })

  it('accepted cost: the whole body handed at once, the server read half: counted as sent (a possible duplicate flagged for nothing)', async () => {
    const length = 8 * 1024 * 1024
    const server = await resettingServer(n => n / 2)
    const error = await sendAndFail(server.url, lingeringBody(length, length, 0), length)
    expect(server.received[0]).toBeLessThan(length)
    expect(error.requestSent).toBe(true)
  })

  it('the server read every byte and stalls, the body writer has not finished: the stall counts it as sent', async () => {
    const length = 256 * 1024
    const received: number[] = []
    const server = http.createServer(req => {
      let got = 0
      // Reads the whole body, then never answers.
      req.on('data', (chunk: Buffer) => (got += chunk.length))
      req.on('end', () => received.push(got))
    })
    servers.push(server)
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/up`
    const error = await sendAndFail(url, lingeringBody(length, 16 * 1024, 1500), length, 300)
    expect(error.name).toBe('TimeoutError')
    expect(received).toEqual([length])
    // The server holds the whole request: this must count as sent.
    expect(error.requestSent).toBe(true)
  })
})
