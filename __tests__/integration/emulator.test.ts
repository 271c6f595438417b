import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  EMULATOR_API_KEY,
  GENERATE_PRESIGNED_PATH,
  UPLOAD_FILE_PATH,
  startEmulator,
  type Emulator
} from '../../emulator/server.js'
import {
  BOUNDARY,
  apiHeaders,
  assetOf,
  confirm,
  confirmBody,
  generate as generateOn,
  multipartBody,
  put,
  request,
  upload,
  type PresignedEntry,
  type Reply
} from '../support/emulator-http.js'
import { dataBeforeResetIsKept } from '../support/helpers.js'

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

async function generate(name: string, type: string, size: number): Promise<PresignedEntry> {
  return await generateOn(emulator, name, type, size)
}

describe('emulator: the API', () => {
  it.each([
    ['missing', {}, 'Authentication credentials were not provided.'],
    ['wrong', { 'x-api-key': 'ne-nope' }, 'Invalid API key.']
  ])('answers a %s api key with 401 and a DRF detail', async (_name, key, detail) => {
    const reply = await request(
      'POST',
      emulator.url + GENERATE_PRESIGNED_PATH,
      { 'content-type': 'application/json', ...key },
      '{"files":[]}'
    )
    expect(reply.status).toBe(401)
    expect(JSON.parse(reply.body)).toEqual({ detail })
  })

  it('validates generate requests with field errors', async () => {
    const headers = { 'content-type': 'application/json', 'x-api-key': EMULATOR_API_KEY }
    const empty = await request('POST', emulator.url + GENERATE_PRESIGNED_PATH, headers, '{"files":[]}')
    expect(empty.status).toBe(400)
    const bad = await request(
      'POST',
      emulator.url + GENERATE_PRESIGNED_PATH,
      headers,
      '{"files":[{"name":"","size":-1}]}'
    )
    expect(JSON.parse(bad.body)).toEqual({
      files: [{ name: ['This field is required.'], size: ['A valid non-negative integer is required.'] }]
    })
    const tooMany = await request(
      'POST',
      emulator.url + GENERATE_PRESIGNED_PATH,
      headers,
      JSON.stringify({ files: Array.from({ length: 101 }, (_, i) => ({ name: `f${i}`, type: 'text/plain', size: 1 })) })
    )
    expect(tooMany.status).toBe(400)
    const notJson = await request('POST', emulator.url + GENERATE_PRESIGNED_PATH, headers, '{nope')
    expect(JSON.parse(notJson.body).detail).toMatch(/^JSON parse error/)
  })

  it('answers a multipart upload without a file field as DRF does', async () => {
    const boundary = 'xyz'
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nvalue\r\n--${boundary}--\r\n`
    const reply = await request(
      'POST',
      emulator.url + UPLOAD_FILE_PATH,
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-api-key': EMULATOR_API_KEY
      },
      body
    )
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toEqual({ file: ['No file was submitted.'] })
  })

  it('answers a confirm without is_presigned as a missing file', async () => {
    const reply = await request(
      'POST',
      emulator.url + UPLOAD_FILE_PATH,
      {
        'content-type': 'application/json',
        'x-api-key': EMULATOR_API_KEY
      },
      '{"s3_path":"x"}'
    )
    expect(reply.status).toBe(400)
    expect(JSON.parse(reply.body)).toEqual({ file: ['No file was submitted.'] })
  })
})

describe('emulator: presigned PUTs behave as S3', () => {
  const xmlCode = (reply: Reply) => /<Code>([^<]+)<\/Code>/.exec(reply.body)?.[1]

  it('stores the bytes, answers an ETag and serves them at storage_url', async () => {
    const entry = await generate('hello.txt', 'text/plain', 5)
    expect(entry.presigned_url).toContain('X-Amz-SignedHeaders=content-type%3Bhost')
    const reply = await request(
      'PUT',
      entry.presigned_url,
      { 'content-type': 'text/plain', 'content-length': 5 },
      'hello'
    )
    expect(reply.status).toBe(200)
    expect(reply.headers.etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(emulator.state().objects.find(o => o.key === entry.s3_path)?.sha256).toBe(
      createHash('sha256').update('hello').digest('hex')
    )
    const stored = await request('GET', entry.storage_url, {})
    expect(stored.body).toBe('hello')
  })

  it('refuses another content type than the signed one', async () => {
    const entry = await generate('a.png', 'image/png', 1)
    const reply = await request('PUT', entry.presigned_url, { 'content-type': 'image/jpeg', 'content-length': 1 }, 'x')
    expect([reply.status, xmlCode(reply)]).toEqual([403, 'SignatureDoesNotMatch'])
    expect(reply.headers['content-type']).toBe('application/xml')
  })

  it('refuses an altered or re-encoded URL', async () => {
    const entry = await generate("it's (1).txt", 'text/plain', 1)
    expect(entry.presigned_url).toContain('it%27s%20%281%29.txt')
    const reencoded = entry.presigned_url.replace('it%27s%20%281%29.txt', "it's%20(1).txt")
    const reply = await request('PUT', reencoded, { 'content-type': 'text/plain', 'content-length': 1 }, 'x')
    expect([reply.status, xmlCode(reply)]).toEqual([403, 'SignatureDoesNotMatch'])
    const tampered = entry.presigned_url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=3600')
    expect((await request('PUT', tampered, { 'content-type': 'text/plain', 'content-length': 1 }, 'x')).status).toBe(
      403
    )
    const unsigned = entry.presigned_url.split('?')[0]
    const bare = await request('PUT', unsigned, { 'content-type': 'text/plain', 'content-length': 1 }, 'x')
    expect([bare.status, xmlCode(bare)]).toEqual([403, 'AccessDenied'])
  })

  it('refuses an expired URL with AccessDenied "Request has expired"', async () => {
    const shortLived = await startEmulator({ urlTtlSeconds: 1 })
    const reply = await request(
      'POST',
      shortLived.url + GENERATE_PRESIGNED_PATH,
      {
        'content-type': 'application/json',
        'x-api-key': EMULATOR_API_KEY
      },
      JSON.stringify({ files: [{ name: 'late.txt', type: 'text/plain', size: 1 }] })
    )
    const entry = JSON.parse(reply.body).presigned_urls[0]
    await new Promise(resolve => setTimeout(resolve, 2100))
    const put = await request('PUT', entry.presigned_url, { 'content-type': 'text/plain', 'content-length': 1 }, 'x')
    await shortLived.close()
    expect(put.status).toBe(403)
    expect(put.body).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message>')
  })

  it('refuses a chunked body with 411 MissingContentLength', async () => {
    const entry = await generate('chunked.txt', 'text/plain', 5)
    const reply = await request(
      'PUT',
      entry.presigned_url,
      { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
      req => {
        req.write('hel')
        req.end('lo')
      }
    )
    expect([reply.status, xmlCode(reply)]).toEqual([411, 'MissingContentLength'])
  })

  it('refuses more than 5 GiB with 400 EntityTooLarge before reading the body', async () => {
    const entry = await generate('huge.iso', 'application/octet-stream', 1)
    const reply = await request(
      'PUT',
      entry.presigned_url,
      {
        'content-type': 'application/octet-stream',
        'content-length': 5 * 1024 ** 3 + 1
      },
      req => {
        req.write(Buffer.alloc(1024))
        req.on('response', res => res.on('end', () => req.destroy()))
      }
    )
    expect([reply.status, xmlCode(reply)]).toEqual([400, 'EntityTooLarge'])
  })

  it('checks Content-MD5: BadDigest on mismatch; stored, with the MD5 as ETag, on match', async () => {
    const entry = await generate('md5.txt', 'text/plain', 5)
    const wrong = await request(
      'PUT',
      entry.presigned_url,
      {
        'content-type': 'text/plain',
        'content-length': 5,
        'content-md5': createHash('md5').update('other').digest('base64')
      },
      'hello'
    )
    expect([wrong.status, xmlCode(wrong)]).toEqual([400, 'BadDigest'])
    expect(emulator.state().objects.some(o => o.key === entry.s3_path)).toBe(false)
    const right = await request(
      'PUT',
      entry.presigned_url,
      {
        'content-type': 'text/plain',
        'content-length': 5,
        'content-md5': createHash('md5').update('hello').digest('base64')
      },
      'hello'
    )
    expect(right.status).toBe(200)
    expect(right.headers.etag).toBe(`"${createHash('md5').update('hello').digest('hex')}"`)
  })

  it('counts requests per endpoint and confirmations per object', async () => {
    const before = emulator.state().requests
    const entry = await generate('count.txt', 'text/plain', 2)
    await request('PUT', entry.presigned_url, { 'content-type': 'text/plain', 'content-length': 2 }, 'hi')
    const confirm = JSON.stringify({ is_presigned: true, ...entry, file_size: 2 })
    const headers = { 'content-type': 'application/json', 'x-api-key': EMULATOR_API_KEY }
    expect((await request('POST', emulator.url + UPLOAD_FILE_PATH, headers, confirm)).status).toBe(201)
    expect((await request('POST', emulator.url + UPLOAD_FILE_PATH, headers, confirm)).status).toBe(201)
    const after = emulator.state()
    expect(after.requests.generate - before.generate).toBe(1)
    expect(after.requests.put - before.put).toBe(1)
    expect(after.requests.confirm - before.confirm).toBe(2)
    expect(after.confirmations[entry.s3_path]).toBe(2)
  })
})

/** Emulators of a test's own, all closed at the end whatever the test did. */
const started: Emulator[] = []
afterAll(async () => Promise.all(started.map(server => server.close())))
async function start(options: Parameters<typeof startEmulator>[0]): Promise<Emulator> {
  const server = await startEmulator(options)
  started.push(server)
  return server
}

/** A body of `size` bytes made as it is read, never held whole. */
function generatedBody(size: number): Readable {
  const slice = Buffer.alloc(256 * 1024, 0x5a)
  let made = 0
  return new Readable({
    read() {
      if (made >= size) {
        this.push(null)
        return
      }
      const next = slice.subarray(0, Math.min(slice.length, size - made))
      made += next.length
      this.push(next)
    }
  })
}

/** What a client sees that writes a whole body and reads the answer as it comes, on a raw socket. */
async function putWhileReading(
  url: string,
  size: number
): Promise<{ written: number; answer: string; error?: string }> {
  const target = new URL(url)
  return await new Promise(resolve => {
    const socket = net.connect(Number(target.port), target.hostname)
    const body = generatedBody(size)
    let answer = ''
    let written = 0
    let error: string | undefined
    socket.on('data', (data: Buffer) => (answer += data.toString('latin1')))
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message))
    socket.on('close', () => {
      body.destroy()
      resolve({ written, answer, error })
    })
    socket.write(
      `PUT ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
        `Content-Type: application/octet-stream\r\nContent-Length: ${size}\r\n\r\n`
    )
    body.on('data', (chunk: Buffer) => {
      written += chunk.length
      if (!socket.write(chunk)) {
        body.pause()
        socket.once('drain', () => body.resume())
      }
    })
    body.on('end', () => socket.end())
  })
}

/**
 * Whether the client read the server's 403 before the connection went away. Where a reset drops
 * what was not yet read (Windows), it may not have: then it saw the reset, and nothing else.
 */
async function refusalRead(seen: { answer: string; error?: string }): Promise<boolean> {
  if (seen.answer === '' && !(await dataBeforeResetIsKept())) {
    expect(seen.error).toBe('ECONNRESET')
    return false
  }
  expect(seen.answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/)
  return true
}

/** What a naive client sees: it pipes the whole body in, and only then looks at the answer. */
async function putNaively(url: string, size: number): Promise<{ error?: string; status?: number }> {
  const target = new URL(url)
  let status: number | undefined
  const req = http.request({
    method: 'PUT',
    host: target.hostname,
    port: target.port,
    path: target.pathname + target.search,
    agent: false,
    headers: { 'content-type': 'application/octet-stream', 'content-length': size }
  })
  const answered = new Promise<void>(resolve =>
    req.on('response', res => {
      status = res.statusCode
      res.resume()
      res.on('end', resolve)
    })
  )
  try {
    await pipeline(generatedBody(size), req)
    await answered
    return { status }
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? (error as Error).message }
  }
}

/** A PUT sent with `Expect: 100-continue`: the body goes only once the server says continue. */
async function putExpectingContinue(
  entry: PresignedEntry,
  content: string,
  contentType = entry.content_type
): Promise<Reply & { continued: boolean }> {
  let continued = false
  let sent: http.ClientRequest | undefined
  const reply = await request(
    'PUT',
    entry.presigned_url,
    { 'content-type': contentType, 'content-length': Buffer.byteLength(content), expect: '100-continue' },
    req => {
      sent = req
      req.on('continue', () => {
        continued = true
        req.end(content)
      })
    }
  )
  // A refusal came instead of 100, so the body was never sent: this request is over.
  if (!continued) sent?.destroy()
  return { ...reply, continued }
}

const MIB = 1024 * 1024
const BIG = 64 * MIB

describe('emulator: S3 refuses early (s3EarlyAnswer)', () => {
  async function expiredUrlOn(options: Parameters<typeof startEmulator>[0]): Promise<[Emulator, PresignedEntry]> {
    const server = await start({ expiredBatches: 1, ...options })
    return [server, await generateOn(server, 'big.bin', 'application/octet-stream', BIG)]
  }
  const putEntry = (server: Emulator) => server.timeline().filter(entry => entry.endpoint === 'put')

  it('answers an expired URL at once and closes, having read none of a 64 MiB body', async () => {
    const [server, entry] = await expiredUrlOn({ s3EarlyAnswer: true })
    const seen = await putWhileReading(entry.presigned_url, BIG)
    // A client that reads while it writes gets the refusal, with Connection: close ...
    if (await refusalRead(seen)) {
      expect(seen.answer).toMatch(/\r\nConnection: close\r\n/i)
      expect(seen.answer).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message>')
    }
    // ... and could not send its body: the connection went away under it.
    expect(seen.written).toBeLessThan(BIG)
    expect([undefined, 'EPIPE', 'ECONNRESET']).toContain(seen.error)
    const [served] = putEntry(server)
    expect(served.status).toBe(403)
    expect(served.bytesRead).toBeLessThan(MIB)
    expect(server.state().objects).toEqual([])
  })

  it('leaves a naive client (write everything, then read) with EPIPE or ECONNRESET', async () => {
    const [, entry] = await expiredUrlOn({ s3EarlyAnswer: true })
    const seen = await putNaively(entry.presigned_url, BIG)
    expect(['EPIPE', 'ECONNRESET']).toContain(seen.error)
  })

  it('answers every refusal the URL and headers decide at once, and the expired fault too', async () => {
    const server = await start({
      s3EarlyAnswer: true,
      faults: { rate: 1, endpoints: ['put'], kinds: ['expired'] }
    })
    const entry = await generateOn(server, 'big.bin', 'application/octet-stream', BIG)
    const faulted = await putWhileReading(entry.presigned_url, BIG)
    await refusalRead(faulted)
    expect(faulted.written).toBeLessThan(BIG)
    const [clean] = await expiredUrlOn({ s3EarlyAnswer: true, expiredBatches: 0 })
    const good = await generateOn(clean, 'big.bin', 'application/octet-stream', BIG)
    const signed = new URL(good.presigned_url)
    signed.searchParams.set('X-Amz-Signature', '0'.repeat(64))
    const badSignature = await putWhileReading(signed.toString(), BIG)
    if (await refusalRead(badSignature)) expect(badSignature.answer).toContain('<Code>SignatureDoesNotMatch</Code>')
    expect(badSignature.written).toBeLessThan(BIG)
    expect(putEntry(clean).every(served => served.bytesRead < MIB)).toBe(true)
    expect(putEntry(server).every(served => served.bytesRead < MIB)).toBe(true)
  })

  it('by default reads the body to its end first, so even a naive client gets its 403', async () => {
    const [server, entry] = await expiredUrlOn({})
    expect(await putNaively(entry.presigned_url, BIG)).toEqual({ status: 403 })
    const seen = await putWhileReading(entry.presigned_url, BIG)
    expect(seen.written).toBe(BIG)
    expect(seen.answer).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/)
    expect(putEntry(server).map(served => served.bytesRead > BIG - MIB)).toEqual([true, true])
  })
})

describe('emulator: Expect: 100-continue, as S3 does it', () => {
  it('refuses an expired URL with 403 and no 100, in either mode', async () => {
    for (const s3EarlyAnswer of [false, true]) {
      const server = await start({ expiredBatches: 1, s3EarlyAnswer })
      const entry = await generateOn(server, 'late.txt', 'text/plain', 5)
      const reply = await putExpectingContinue(entry, 'hello')
      expect([reply.status, reply.continued]).toEqual([403, false])
      expect(reply.body).toContain('<Code>AccessDenied</Code>')
      expect(server.state().requests.put).toBe(1)
      expect(server.timeline().filter(e => e.endpoint === 'put')).toMatchObject([{ status: 403 }])
    }
  })

  it('refuses a content type other than the signed one with 403 and no 100', async () => {
    const entry = await generate('typed.png', 'image/png', 5)
    const reply = await putExpectingContinue(entry, 'hello', 'image/jpeg')
    expect([reply.status, reply.continued]).toEqual([403, false])
    expect(reply.body).toContain('<Code>SignatureDoesNotMatch</Code>')
  })

  it('sends 100 to a good request, then stores the body and answers 200', async () => {
    const before = emulator.state().requests.put
    const entry = await generate('continued.txt', 'text/plain', 5)
    const reply = await putExpectingContinue(entry, 'hello')
    expect([reply.status, reply.continued]).toEqual([200, true])
    expect(reply.headers.etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(emulator.state().objects.find(o => o.key === entry.s3_path)?.size).toBe(5)
    expect(emulator.state().requests.put - before).toBe(1)
  })

  it('sends 100 on the API side too, and then handles the request', async () => {
    const entry = await generate('api.txt', 'text/plain', 2)
    expect((await put(entry, 'hi')).status).toBe(200)
    let continued = false
    const reply = await request(
      'POST',
      emulator.url + UPLOAD_FILE_PATH,
      { ...apiHeaders(emulator), expect: '100-continue' },
      req =>
        req.on('continue', () => {
          continued = true
          req.end(confirmBody(entry, 2))
        })
    )
    expect([reply.status, continued]).toEqual([201, true])
  })
})

describe('emulator: radosgw words expiry its own way (s3Dialect)', () => {
  const radosgwExpired = (body: string) => {
    expect(body).toContain('<Error><Code>AccessDenied</Code><BucketName>netiks-emulator</BucketName>')
    expect(body).not.toContain('<Message>')
    expect(body).toMatch(/<RequestId>tx[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]+-default<\/RequestId>/)
    expect(body).toMatch(/<HostId>[0-9a-f]+-default-default<\/HostId><\/Error>$/)
  }

  it('answers an expired URL with 403 AccessDenied and no message', async () => {
    const server = await start({ expiredBatches: 1, s3Dialect: 'radosgw' })
    const entry = await generateOn(server, 'late.txt', 'text/plain', 1)
    const reply = await put(entry, 'x')
    expect(reply.status).toBe(403)
    radosgwExpired(reply.body)
  })

  it('words the expired fault the same way', async () => {
    const server = await start({
      s3Dialect: 'radosgw',
      faults: { rate: 1, endpoints: ['put'], kinds: ['expired'] }
    })
    const entry = await generateOn(server, 'late.txt', 'text/plain', 1)
    const reply = await put(entry, 'x')
    expect(reply.status).toBe(403)
    radosgwExpired(reply.body)
  })

  it('keeps AWS words for every other refusal', async () => {
    const server = await start({ s3Dialect: 'radosgw' })
    const entry = await generateOn(server, 'a.png', 'image/png', 1)
    const reply = await request('PUT', entry.presigned_url, { 'content-type': 'image/jpeg', 'content-length': 1 }, 'x')
    expect(reply.body).toContain('<Code>SignatureDoesNotMatch</Code><Message>The request signature')
  })
})

describe('emulator: Idempotency-Key (idempotency)', () => {
  let keyed: Emulator
  beforeAll(async () => {
    keyed = await start({ idempotency: true })
  })

  it('answers a repeated upload with the first answer, and creates one asset', async () => {
    const first = await upload(keyed, 'filename="once.txt"', 'hello', { 'idempotency-key': 'upload-1' })
    const again = await upload(keyed, 'filename="once.txt"', 'hello', { 'idempotency-key': 'upload-1' })
    expect(first.status).toBe(201)
    expect(first.headers['idempotent-replayed']).toBeUndefined()
    expect([again.status, again.body, again.headers['idempotent-replayed']]).toEqual([201, first.body, 'true'])
    expect(keyed.state().assets.filter(a => a.asset_name === 'once.txt')).toHaveLength(1)
  })

  it('answers a key reused for another file with 422', async () => {
    await upload(keyed, 'filename="one.txt"', 'hello', { 'idempotency-key': 'upload-2' })
    const otherName = await upload(keyed, 'filename="two.txt"', 'hello', { 'idempotency-key': 'upload-2' })
    const otherSize = await upload(keyed, 'filename="one.txt"', 'hello!', { 'idempotency-key': 'upload-2' })
    for (const reply of [otherName, otherSize]) {
      expect([reply.status, JSON.parse(reply.body)]).toEqual([
        422,
        { detail: 'Idempotency-Key reused with a different request.' }
      ])
    }
    expect(keyed.state().assets.filter(a => a.asset_name === 'two.txt')).toEqual([])
  })

  it('answers 409 while the first request with the key is still being processed', async () => {
    const body = multipartBody('filename="slow.txt"', 'slowly sent')
    let release!: () => void
    const first = request(
      'POST',
      keyed.url + UPLOAD_FILE_PATH,
      {
        ...apiHeaders(keyed, `multipart/form-data; boundary=${BOUNDARY}`),
        'content-length': body.length,
        'idempotency-key': 'upload-3'
      },
      req => {
        req.write(body.subarray(0, 20))
        release = () => req.end(body.subarray(20))
      }
    )
    await waitFor(() => keyed.state().requests.upload >= 1 && release !== undefined)
    const during = await upload(keyed, 'filename="slow.txt"', 'slowly sent', { 'idempotency-key': 'upload-3' })
    expect([during.status, JSON.parse(during.body)]).toEqual([
      409,
      { detail: 'A request with this Idempotency-Key is being processed.' }
    ])
    release()
    expect((await first).status).toBe(201)
    const after = await upload(keyed, 'filename="slow.txt"', 'slowly sent', { 'idempotency-key': 'upload-3' })
    expect([after.status, after.headers['idempotent-replayed']]).toEqual([201, 'true'])
  })

  it('answers a repeated confirm with the same asset, and 422 for other JSON under the key', async () => {
    const entry = await generateOn(keyed, 'confirmed.txt', 'text/plain', 2)
    expect((await put(entry, 'hi')).status).toBe(200)
    const first = await confirm(keyed, entry, 2, { 'idempotency-key': 'confirm-1' })
    const again = await confirm(keyed, entry, 2, { 'idempotency-key': 'confirm-1' })
    expect(first.status).toBe(201)
    expect([again.status, assetOf(again).id, again.headers['idempotent-replayed']]).toEqual([
      201,
      assetOf(first).id,
      'true'
    ])
    const different = await request(
      'POST',
      keyed.url + UPLOAD_FILE_PATH,
      { ...apiHeaders(keyed), 'idempotency-key': 'confirm-1' },
      JSON.stringify({ is_presigned: true, ...entry, file_size: 2, note: 'other' })
    )
    expect(different.status).toBe(422)
    expect(keyed.state().confirmations[entry.s3_path]).toBe(1)
    expect(keyed.state().idempotency).toMatchObject({ replayed: expect.any(Number), mismatches: expect.any(Number) })
  })

  it('remembers only successes: a failed request can be retried under its key', async () => {
    const entry = await generateOn(keyed, 'early.txt', 'text/plain', 2)
    const tooSoon = await confirm(keyed, entry, 2, { 'idempotency-key': 'confirm-2' })
    expect(tooSoon.status).toBe(400)
    expect((await put(entry, 'hi')).status).toBe(200)
    const retried = await confirm(keyed, entry, 2, { 'idempotency-key': 'confirm-2' })
    expect([retried.status, retried.headers['idempotent-replayed']]).toEqual([201, undefined])
  })

  it('scopes keys per API key, and is off unless asked for', async () => {
    const twoKeys = await start({
      idempotency: true,
      apiKeys: [EMULATOR_API_KEY, 'ne-SecondLocalKey000000001']
    })
    const plain = await start({})
    await upload(twoKeys, 'filename="k.txt"', 'x', { 'idempotency-key': 'same' })
    const otherKey = await upload(twoKeys, 'filename="k.txt"', 'x', {
      'idempotency-key': 'same',
      'x-api-key': 'ne-SecondLocalKey000000001'
    })
    expect(otherKey.headers['idempotent-replayed']).toBeUndefined()
    expect(twoKeys.state().assets).toHaveLength(2)
    await upload(plain, 'filename="k.txt"', 'x', { 'idempotency-key': 'same' })
    const repeat = await upload(plain, 'filename="k.txt"', 'x', { 'idempotency-key': 'same' })
    expect(repeat.headers['idempotent-replayed']).toBeUndefined()
    expect(plain.state().assets).toHaveLength(2)
  })
})

describe('emulator: single uploads are named as Django names them', () => {
  it.each([
    ['plain', 'filename="report.txt"', 'report.txt'],
    ['a browser-style %22 (kept as it is)', 'filename="say %22hi%22.txt"', 'say %22hi%22.txt'],
    ['an escaped quote', 'filename="say \\"hi\\".txt"', 'say "hi".txt'],
    ['a / path', 'filename="dir/sub/a.txt"', 'a.txt'],
    ['a \\ path', 'filename="C:\\\\dir\\\\b.txt"', 'b.txt'],
    ['filename* in UTF-8', "filename*=UTF-8''caf%C3%A9.txt", 'café.txt'],
    ['filename* after filename', 'filename="plain.txt"; filename*=UTF-8\'\'caf%C3%A9.txt', 'café.txt'],
    ['filename after filename*', 'filename*=UTF-8\'\'caf%C3%A9.txt; filename="plain.txt"', 'plain.txt'],
    ['an HTML entity', 'filename="R&amp;D.txt"', 'R&D.txt']
  ])('%s', async (_label, params, recorded) => {
    const reply = await upload(emulator, params, 'hello')
    expect(reply.status).toBe(201)
    const asset = assetOf(reply)
    expect(asset.asset_name).toBe(recorded)
    expect(emulator.state().assets.find(a => a.id === asset.id)).toMatchObject({ asset_name: recorded, file_size: 5 })
  })

  it.each([
    [
      'an empty name (a form field to Django)',
      'filename=""',
      'The submitted data was not a file. Check the encoding type on the form.'
    ],
    ['a name of ..', 'filename=".."', 'No file was submitted.'],
    ['a name that is all path', 'filename="dir/"', 'No file was submitted.']
  ])('refuses %s as DRF does', async (_label, params, message) => {
    const before = emulator.state().assets.length
    const reply = await upload(emulator, params, 'hello')
    expect([reply.status, JSON.parse(reply.body)]).toEqual([400, { file: [message] }])
    expect(emulator.state().assets).toHaveLength(before)
  })

  it('answers a broken boundary as a DRF parse error', async () => {
    const reply = await request(
      'POST',
      emulator.url + UPLOAD_FILE_PATH,
      apiHeaders(emulator, 'multipart/form-data'),
      multipartBody('filename="a.txt"', 'x')
    )
    expect([reply.status, JSON.parse(reply.body)]).toEqual([
      400,
      { detail: 'Multipart form parse error - Invalid boundary in multipart: None' }
    ])
  })
})

describe('emulator: a reset keeps its largest files to write over', () => {
  let own: Emulator
  let dataDir: string
  const MiB = 1024 * 1024
  const objectFiles = (): string[] => readdirSync(path.join(dataDir, 'objects')).sort()
  const sizeOf = (name: string): number => statSync(path.join(dataDir, 'objects', name)).size
  const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex')

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'netiks-emulator-spare-'))
    own = await startEmulator({ dataDir })
  })
  afterAll(async () => {
    await own.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function putText(name: string, content: string): Promise<PresignedEntry & { etag: string }> {
    const entry = await generateOn(own, name, 'text/plain', Buffer.byteLength(content))
    const reply = await put(entry, content)
    expect(reply.status).toBe(200)
    return { ...entry, etag: String(reply.headers.etag) }
  }

  it('writes a body of a MiB or more over the smallest that holds it, holding exactly its own bytes', async () => {
    await own.reset()
    await putText('large.txt', 'L'.repeat(3 * MiB))
    await putText('tiny.txt', 't')
    await putText('middle.txt', 'M'.repeat(2 * MiB))
    expect(objectFiles()).toHaveLength(3)
    await own.reset()
    // The two largest stay; the smallest is gone.
    const kept = objectFiles()
    expect(kept.map(sizeOf).sort((a, b) => a - b)).toEqual([2 * MiB, 3 * MiB])

    const contents = ['a'.repeat(1.5 * MiB), 'small', 'b'.repeat(1.25 * MiB), 'c'.repeat(1.125 * MiB)]
    const entries = []
    for (const [n, content] of contents.entries()) entries.push(await putText(`body-${n}.txt`, content))
    // 1.5 MiB over the 2 MiB file, 1.25 MiB over the 3 MiB one; the small body and the last one
    // (no spare left) got new files. Each file is cut to its body.
    expect(objectFiles()).toHaveLength(4)
    expect(objectFiles()).toEqual(expect.arrayContaining(kept))
    expect(kept.map(sizeOf).sort((a, b) => a - b)).toEqual([1.25 * MiB, 1.5 * MiB])
    const held = own.state().objects
    for (const [n, entry] of entries.entries()) {
      expect(held.find(object => object.key === entry.s3_path)).toMatchObject({
        size: contents[n].length,
        sha256: sha256(contents[n])
      })
      expect((await request('GET', entry.storage_url, {})).body).toBe(contents[n])
    }
  })

  it('removes a kept file that a failed body was written over', async () => {
    await putText('big.txt', 'B'.repeat(2 * MiB))
    await own.reset()
    const kept = objectFiles().length
    const entry = await generateOn(own, 'cut.txt', 'text/plain', 2 * MiB)
    // 10 bytes of the 2 MiB promised, then the connection goes.
    await request('PUT', entry.presigned_url, { 'content-type': 'text/plain', 'content-length': 2 * MiB }, req => {
      req.write('0123456789', () => req.destroy())
    }).catch(() => undefined)
    await waitFor(() => objectFiles().length === kept - 1)
    expect(own.state().objects).toEqual([])
  })

  it('does not keep a file a download is still reading: the download gets its own bytes', async () => {
    await own.reset()
    // Larger than the socket buffers can hold, so the download is still reading at the reset.
    const first = Buffer.alloc(32 * MiB, 'A')
    const entry = await generateOn(own, 'first.bin', 'application/octet-stream', first.length)
    expect((await request('PUT', entry.presigned_url, { 'content-type': entry.content_type }, first)).status).toBe(200)
    const [firstFile] = objectFiles().filter(name => sizeOf(name) === first.length)
    const download = await new Promise<http.IncomingMessage>(resolve => http.get(entry.storage_url, resolve))
    const chunks: Buffer[] = []
    await new Promise<void>(resolve =>
      download.once('data', (chunk: Buffer) => {
        chunks.push(chunk)
        download.pause()
        resolve()
      })
    )
    await own.reset()
    expect(objectFiles()).not.toContain(firstFile)
    const second = Buffer.alloc(32 * MiB, 'B')
    const next = await generateOn(own, 'second.bin', 'application/octet-stream', second.length)
    expect((await request('PUT', next.presigned_url, { 'content-type': next.content_type }, second)).status).toBe(200)
    download.on('data', (chunk: Buffer) => chunks.push(chunk))
    download.resume()
    await new Promise(resolve => download.once('end', resolve))
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(first))
  })

  it('forgets every object before it waits on the disk, and never hands out one ETag twice', async () => {
    await own.reset()
    const before = await putText('before.txt', 'x'.repeat(2 * MiB))
    const resetting = own.reset()
    expect(own.state()).toMatchObject({ objects: [], assets: [] })
    await resetting
    // The first body after the reset is written over the file of the one before it.
    const after = [await putText('one.txt', 'o'.repeat(1.5 * MiB)), await putText('two.txt', 'two!')]
    expect(new Set([before.etag, ...after.map(entry => entry.etag)]).size).toBe(3)
  })
})

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise(resolve => setTimeout(resolve, 10))
  expect(condition()).toBe(true)
}
