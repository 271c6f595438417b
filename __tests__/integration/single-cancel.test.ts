/**
 * Single mode under a cancelled run: a body still being sent is aborted (the server cannot
 * register half a body), a body sent whole is left to be answered (the server may be
 * registering it), and no listener stays on the run's signal either way.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { getEventListeners } from 'node:events'
import { writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { LocalFile } from '../../src/model.js'
import { NetiksClient } from '../../src/netiks/client.js'
import { OutcomeRecorder } from '../../src/transfer/outcome.js'
import { defaultRetryPolicy } from '../../src/transfer/retry.js'
import { uploadSingleFiles } from '../../src/transfer/single.js'
import { Cleanups, describeFile } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

interface Served {
  /** Body bytes the server took before the request ended or went away. */
  bytes: number
  ended: boolean
}

/** A server that calls `onRequest` as an upload arrives, with a way to answer it as registered. */
async function serve(onRequest: (req: http.IncomingMessage, answer: () => void, served: Served) => void) {
  const served: Served[] = []
  const server = http.createServer((req, res) => {
    const seen: Served = { bytes: 0, ended: false }
    served.push(seen)
    req.on('data', (chunk: Buffer) => (seen.bytes += chunk.length))
    req.on('end', () => (seen.ended = true))
    const answer = (): void => {
      const asset = { id: 'asset-1', asset_name: 'big.bin' }
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'ok', asset }))
    }
    onRequest(req, answer, seen)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  cleanups.defer(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, served }
}

async function fileOf(size: number): Promise<LocalFile> {
  const ws = await cleanups.workspace()
  const absolutePath = path.join(ws, 'big.bin')
  await writeFile(absolutePath, Buffer.alloc(size, 7))
  return describeFile(absolutePath, size, ws)
}

async function runSingle(baseUrl: string, file: LocalFile, run: AbortController) {
  const options = {
    baseUrl,
    concurrency: 1,
    failFast: false,
    retry: defaultRetryPolicy(0),
    signal: run.signal
  }
  const recorder = new OutcomeRecorder([file], options)
  const client = new NetiksClient({
    baseUrl,
    apiKey: 'ne-TestKey0000000000000000001',
    concurrency: 1,
    userAgent: 'test',
    stallTimeoutMs: 30_000
  })
  try {
    await uploadSingleFiles({ client, recorder, options })
  } finally {
    client.close()
  }
  return recorder.result()
}

describe('single mode, the run cancelled', () => {
  it('while the body is still being sent: the request is aborted, and nothing is confirmed', async () => {
    const run = new AbortController()
    // The server takes the first bytes, then stops reading: the rest of the body waits in the socket.
    const { url, served } = await serve(req => {
      req.once('data', () => {
        req.pause()
        run.abort()
      })
    })
    const file = await fileOf(64 * 1024 * 1024)
    const outcome = await runSingle(url, file, run)
    expect(outcome.confirmed).toEqual([])
    expect(outcome.failed.map(failure => [failure.step, failure.message])).toEqual([
      ['upload', 'cancelled before it finished.']
    ])
    expect(served).toHaveLength(1)
    expect(served[0].ended).toBe(false)
    expect(served[0].bytes).toBeLessThan(file.size)
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0)
  })

  it('once the body is sent whole: the answer is waited for, and the file is confirmed', async () => {
    const run = new AbortController()
    const { url, served } = await serve((req, answer) => {
      req.on('end', () => {
        // The whole body is in: cancelling now must not abort the request the server is registering.
        run.abort()
        setImmediate(answer)
      })
    })
    const file = await fileOf(10)
    const outcome = await runSingle(url, file, run)
    expect(served).toHaveLength(1)
    expect(served[0].ended).toBe(true)
    expect(outcome.failed).toEqual([])
    expect(outcome.confirmed.map(upload => upload.assetId)).toEqual(['asset-1'])
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0)
  })
})
