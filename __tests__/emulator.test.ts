import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import http from 'node:http'
import {
  EMULATOR_API_KEY,
  GENERATE_PRESIGNED_PATH,
  UPLOAD_FILE_PATH,
  startEmulator,
  type Emulator
} from '../emulator/server.js'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => emulator.close())

/** A raw request, so the test controls every header (and can send none). */
async function request(
  method: string,
  url: string,
  headers: http.OutgoingHttpHeaders,
  body?: string | Buffer | ((req: http.ClientRequest) => void)
): Promise<Reply> {
  return await new Promise((resolve, reject) => {
    const target = new URL(url)
    const req = http.request(
      {
        method,
        host: target.hostname,
        port: target.port,
        path: url.slice(target.origin.length),
        headers,
        agent: false
      },
      res => {
        const chunks: Buffer[] = []
        res.on('data', chunk => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() })
        )
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    if (typeof body === 'function') body(req)
    else req.end(body)
  })
}

async function generate(
  name: string,
  type: string,
  size: number
): Promise<{ presigned_url: string; s3_path: string; storage_url: string; file_name: string; content_type: string }> {
  const reply = await request(
    'POST',
    emulator.url + GENERATE_PRESIGNED_PATH,
    {
      'content-type': 'application/json',
      'x-api-key': EMULATOR_API_KEY
    },
    JSON.stringify({ files: [{ name, type, size }] })
  )
  expect(reply.status).toBe(200)
  return JSON.parse(reply.body).presigned_urls[0]
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
