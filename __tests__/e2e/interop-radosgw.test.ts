/**
 * Interop tier: the committed bundle, run as a runner runs it, in bulk mode against a real S3,
 * Ceph radosgw, with the emulator's Netiks API presigning for it (`externalS3`). Everything is
 * checked against what radosgw holds, read back with AWS's own signer (@smithy/signature-v4).
 *
 * The cluster comes from NETIKS_RADOSGW_ENDPOINT (+ _ACCESS_KEY_ID, _SECRET_ACCESS_KEY,
 * _BUCKET, _REGION) when set, else tools/radosgw/cluster.sh starts a throwaway one (about 15 s)
 * while this file loads. When neither works the tier is skipped, loudly, with the reason;
 * NETIKS_REQUIRE_RADOSGW=1 (CI) turns that skip into a failure.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { Hash } from '@smithy/hash-node'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import type { ExternalS3Options } from '../../emulator/external-s3.js'
import { GENERATE_PRESIGNED_PATH, UPLOAD_FILE_PATH, startEmulator, type Emulator } from '../../emulator/server.js'
import { encodeKey, encodeRfc3986 } from '../../emulator/signer.js'
import { REPO_ROOT, runAction, type ActionRun } from '../../harness/run-action.js'
import {
  assetsOf,
  failedOf,
  makeWorkspace,
  removeDir,
  sha256OfFile,
  writeRandomFile,
  writeWorkspaceFile
} from '../support/helpers.js'

const CLUSTER_SCRIPT = path.join(REPO_ROOT, 'tools', 'radosgw', 'cluster.sh')
const REQUIRED = process.env.NETIKS_REQUIRE_RADOSGW === '1'
const MiB = 1024 * 1024

interface Radosgw {
  s3: ExternalS3Options & { region: string }
  /** The cluster's directory when this file started it (and so must stop it). */
  ownDir?: string
  startSeconds?: number
}

type Found = { radosgw: Radosgw; reason?: undefined } | { radosgw?: undefined; reason: string }

/** A cluster named by the environment, or one started for this file; else why there is none. */
async function findRadosgw(): Promise<Found> {
  const env = process.env
  if (env.NETIKS_RADOSGW_ENDPOINT) {
    const s3 = s3FromEnv(env)
    if (s3 === undefined) {
      return { reason: 'NETIKS_RADOSGW_ENDPOINT is set, but not all of _ACCESS_KEY_ID, _SECRET_ACCESS_KEY, _BUCKET' }
    }
    const answer = await probe(s3.endpoint)
    return answer
      ? { reason: `NETIKS_RADOSGW_ENDPOINT=${s3.endpoint} does not answer (${answer})` }
      : { radosgw: { s3 } }
  }
  const started = Date.now()
  const result = await new Promise<{ code: number; stdout: string; stderr: string }>(resolve =>
    execFile(
      'bash',
      [CLUSTER_SCRIPT, 'start', '--watch-pid', String(process.pid)],
      { timeout: 180_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr })
    )
  )
  if (result.code !== 0) {
    // The script's own lines say what failed; the daemons' log tails follow them.
    const why = result.stderr.split('\n').filter(line => line.startsWith('radosgw: '))
    const head = result.code === 3 ? 'the Ceph packages are missing' : `the cluster did not start (exit ${result.code})`
    return { reason: `${head}: ${why.join(' | ') || result.stderr.trim().slice(-500)}` }
  }
  const vars = Object.fromEntries(
    result.stdout
      .split('\n')
      .map(line => /^(NETIKS_RADOSGW_[A-Z_]+)=(.*)$/.exec(line))
      .filter(match => match !== null)
      .map(match => [match[1], match[2]])
  )
  const s3 = s3FromEnv(vars)
  if (s3 === undefined) return { reason: `${CLUSTER_SCRIPT} start printed no endpoint: ${result.stdout}` }
  return { radosgw: { s3, ownDir: vars.NETIKS_RADOSGW_DIR, startSeconds: (Date.now() - started) / 1000 } }
}

function s3FromEnv(env: Record<string, string | undefined>): Radosgw['s3'] | undefined {
  const [endpoint, accessKeyId, secretAccessKey, bucket] = [
    env.NETIKS_RADOSGW_ENDPOINT,
    env.NETIKS_RADOSGW_ACCESS_KEY_ID,
    env.NETIKS_RADOSGW_SECRET_ACCESS_KEY,
    env.NETIKS_RADOSGW_BUCKET
  ]
  if (!endpoint || !accessKeyId || !secretAccessKey || !bucket) return undefined
  return { endpoint, accessKeyId, secretAccessKey, bucket, region: env.NETIKS_RADOSGW_REGION || 'us-east-1' }
}

/** undefined when the endpoint answers HTTP at all; else what went wrong. */
async function probe(endpoint: string): Promise<string | undefined> {
  return await new Promise(resolve => {
    const req = http.get(endpoint, { timeout: 3000, agent: false }, res => {
      res.resume()
      resolve(undefined)
    })
    req.once('timeout', () => req.destroy(new Error('no answer in 3 s')))
    req.once('error', error => resolve(error.message))
  })
}

const found = await findRadosgw()
if (found.reason !== undefined) {
  const banner = '!'.repeat(100)
  console.warn(
    `${banner}\nradosgw interop tier ${REQUIRED ? 'FAILS (NETIKS_REQUIRE_RADOSGW=1)' : 'SKIPPED'}: ${found.reason}\n` +
      `Install the packages with 'sudo ${path.relative(REPO_ROOT, CLUSTER_SCRIPT)} install', or point ` +
      `NETIKS_RADOSGW_ENDPOINT (+ _ACCESS_KEY_ID, _SECRET_ACCESS_KEY, _BUCKET) at a running one.\n${banner}`
  )
} else if (found.radosgw.startSeconds !== undefined) {
  console.info(`radosgw cluster started in ${found.radosgw.startSeconds.toFixed(1)} s: ${found.radosgw.s3.endpoint}`)
}

if (found.radosgw === undefined) {
  const reason = found.reason
  if (REQUIRED) {
    describe('radosgw interop (required: NETIKS_REQUIRE_RADOSGW=1)', () => {
      it('has a radosgw to run against', () => {
        throw new Error(`radosgw is required but unavailable: ${reason}`)
      })
    })
  } else {
    describe.skip(`radosgw interop: SKIPPED, ${reason}`, () => {
      it('needs radosgw', () => undefined)
    })
  }
} else {
  interopTier(found.radosgw)
}

function interopTier(radosgw: Radosgw): void {
  const { s3 } = radosgw
  const endpoint = new URL(s3.endpoint)
  const aws = new SignatureV4({
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    region: s3.region,
    service: 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
    applyChecksum: false
  })
  const cleanups: Array<() => Promise<void>> = []

  afterAll(async () => {
    while (cleanups.length > 0) await cleanups.pop()!()
    if (radosgw.ownDir !== undefined) {
      await new Promise<void>(resolve =>
        execFile('bash', [CLUSTER_SCRIPT, 'stop', '--dir', radosgw.ownDir!], { timeout: 30_000 }, () => resolve())
      )
    }
  })

  async function emulatorFor(options: { expiredBatches?: number } = {}): Promise<Emulator> {
    const emulator = await startEmulator({ externalS3: s3, ...options })
    cleanups.push(() => emulator.close())
    return emulator
  }

  async function workspace(files: Record<string, string | Buffer> = {}): Promise<string> {
    const ws = await makeWorkspace(files)
    cleanups.push(() => removeDir(ws))
    return ws
  }

  /** A request signed in its headers by AWS's signer: independent of the emulator's presigner. */
  async function s3Request(
    method: string,
    encodedPath: string,
    query: Record<string, string> = {}
  ): Promise<http.IncomingMessage> {
    const headers = { host: endpoint.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }
    const signed = await aws.sign(
      new HttpRequest({ method, protocol: 'http:', hostname: endpoint.hostname, path: encodedPath, query, headers })
    )
    const search = Object.entries(query)
      .map(([key, value]) => `${encodeRfc3986(key)}=${encodeRfc3986(value)}`)
      .join('&')
    return await new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: endpoint.hostname,
          port: endpoint.port,
          method,
          path: search ? `${encodedPath}?${search}` : encodedPath,
          headers: signed.headers,
          agent: false
        },
        resolve
      )
      req.once('error', reject)
      req.end()
    })
  }

  const objectPath = (key: string): string => `/${s3.bucket}/${encodeKey(key)}`

  /** What radosgw holds at `key`: read back in full and hashed, or its status when not 200. */
  async function held(key: string): Promise<{ status: number; size: number; sha256: string; contentType: string }> {
    const res = await s3Request('GET', objectPath(key))
    const hash = createHash('sha256')
    let size = 0
    for await (const chunk of res as AsyncIterable<Buffer>) {
      hash.update(chunk)
      size += chunk.length
    }
    return {
      status: res.statusCode ?? 0,
      size,
      sha256: hash.digest('hex'),
      contentType: String(res.headers['content-type'])
    }
  }

  /** The keys radosgw lists under a prefix (ListObjectsV2), XML entities undone. */
  async function keysUnder(prefix: string): Promise<string[]> {
    const res = await s3Request('GET', `/${s3.bucket}`, { 'list-type': '2', prefix })
    let xml = ''
    for await (const chunk of res as AsyncIterable<Buffer>) xml += chunk.toString('utf8')
    expect(res.statusCode).toBe(200)
    return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map(([, key]) => unescapeXml(key))
  }

  function inputs(emulator: Emulator, overrides: Record<string, string> = {}): Record<string, string> {
    return {
      'api-key': emulator.apiKey,
      path: 'build',
      mode: 'bulk',
      'base-url': emulator.url,
      concurrency: '4',
      'if-no-files-found': 'error',
      retries: '3',
      ...overrides
    }
  }

  /** Backoff in milliseconds, not seconds; a stall timeout a radosgw pause cannot trip. */
  const env = { NETIKS_RETRY_BASE_MS: '20', NETIKS_STALL_TIMEOUT_MS: '15000' }

  /**
   * Every local file reported once, confirmed once, and radosgw holds its exact bytes at the
   * s3_path the API handed out, under the name it was sent as.
   */
  async function expectRadosgwHolds(emulator: Emulator, run: ActionRun, ws: string, count: number): Promise<void> {
    const state = emulator.state()
    const reported = assetsOf(run)
    expect(reported).toHaveLength(count)
    expect(state.assets).toHaveLength(count)
    expect(new Set(state.assets.map(a => a.id))).toEqual(new Set(reported.map(a => a.id)))
    expect(Object.values(state.confirmations)).toEqual(Array(count).fill(1))
    for (const asset of reported) {
      const record = state.assets.find(a => a.id === asset.id)!
      const local = await sha256OfFile(path.join(ws, asset.path))
      expect(record.asset_name).toBe(asset.name)
      expect(record.storage_url).toBe(`${endpoint.origin}${objectPath(record.s3_path)}`)
      const object = await held(record.s3_path)
      expect({ path: asset.path, ...object }).toEqual({
        path: asset.path,
        status: 200,
        size: asset.size,
        sha256: local,
        contentType: asset.content_type
      })
      expect(asset.sha256).toBe(local)
    }
  }

  describe(`radosgw interop (${s3.endpoint}, bucket ${s3.bucket})`, () => {
    it('(a) tricky names: each confirmed once, radosgw holds the bytes under the exact key', async () => {
      const names = [
        'with space.txt',
        'plus+sign.txt',
        'percent%20literal.txt',
        'percent%.bin',
        'hash#tag.txt',
        'question?mark.txt',
        'amp&ersand=and.txt',
        'key=value.txt',
        'double"quote.txt',
        "single'quote.txt",
        'paren(the)sis.txt',
        'semi;colon,comma@at$dollar!bang~tilde.txt',
        'ünïcödé.txt'.normalize('NFC'),
        // The same name in NFD: another file to Linux, another key to S3.
        'ünïcödé.txt'.normalize('NFD'),
        '日本語 ファイル.txt'
      ]
      const ws = await workspace(Object.fromEntries(names.map((name, i) => [`build/${name}`, `file ${i}: ${name}\n`])))
      const emulator = await emulatorFor()
      const run = await runAction({ workspace: ws, inputs: inputs(emulator), env })
      expect({ exitCode: run.exitCode, failed: failedOf(run) }).toEqual({ exitCode: 0, failed: [] })
      await expectRadosgwHolds(emulator, run, ws, names.length)
      const records = emulator.state().assets
      expect(new Set(records.map(a => a.asset_name))).toEqual(new Set(names))
      // The key radosgw lists is the s3_path byte for byte: no '+' read as a space, no NFC folding.
      for (const record of records) {
        expect(await keysUnder(path.posix.dirname(record.s3_path) + '/')).toEqual([record.s3_path])
        expect(record.s3_path.endsWith(`/${record.asset_name}`)).toBe(true)
      }
    })

    it('(b) an expired URL for a 64 MiB file: refreshed, confirmed once, the bytes equal', async () => {
      const ws = await workspace()
      await writeRandomFile(path.join(ws, 'build/big.bin'), 64 * MiB)
      const emulator = await emulatorFor({ expiredBatches: 1 })
      const run = await runAction({ workspace: ws, inputs: inputs(emulator), env })
      expect({ exitCode: run.exitCode, failed: failedOf(run), log: run.exitCode === 0 ? '' : run.stdout }).toEqual({
        exitCode: 0,
        failed: [],
        log: ''
      })
      await expectRadosgwHolds(emulator, run, ws, 1)
      // One generate for the batch, one more for the fresh URL; then a single confirm.
      expect(emulator.state().requests).toMatchObject({ generate: 2, confirm: 1 })
    })

    it('(c) a PUT with another Content-Type than was signed: 403 SignatureDoesNotMatch, nothing stored', async () => {
      const emulator = await emulatorFor()
      const entry = await generate(emulator, { name: 'typed.json', type: 'application/json', size: 7 })
      const refused = await put(entry.presigned_url, 'text/plain', Buffer.from('{"a":1}'))
      expect(refused.status).toBe(403)
      expect(refused.headers['content-type']).toBe('application/xml')
      expect(refused.body).toMatch(/^<\?xml[^>]*\?><Error><Code>SignatureDoesNotMatch<\/Code>/)
      expect((await held(entry.s3_path)).status).toBe(404)
      // The same URL with the signed type is accepted, and confirm finds the object by HEAD.
      const accepted = await put(entry.presigned_url, entry.content_type, Buffer.from('{"a":1}'))
      expect(accepted.status).toBe(200)
      expect(accepted.headers.etag).toMatch(/^"[0-9a-f]{32}"$/)
      expect(await confirm(emulator, entry, 7)).toBe(201)
      expect(await held(entry.s3_path)).toMatchObject({ status: 200, size: 7, contentType: 'application/json' })
    })

    it('confirm before the PUT, or with the wrong size: the API refuses as it does without radosgw', async () => {
      const emulator = await emulatorFor()
      const entry = await generate(emulator, { name: 'late.bin', type: 'application/octet-stream', size: 3 })
      expect(await confirmBody(emulator, entry, 3)).toEqual({
        status: 400,
        body: { s3_path: ['No uploaded file was found at this path. PUT the file before confirming.'] }
      })
      expect((await put(entry.presigned_url, entry.content_type, Buffer.from('abc'))).status).toBe(200)
      expect(await confirmBody(emulator, entry, 4)).toEqual({
        status: 400,
        body: { file_size: ['The uploaded file has 3 bytes, not 4.'] }
      })
      expect(emulator.state().assets).toEqual([])
    })

    it("radosgw's answer to an expired presigned PUT: 403 AccessDenied with no message, before the body", async () => {
      const emulator = await emulatorFor({ expiredBatches: 1 })
      const size = 16 * MiB
      const entry = await generate(emulator, { name: 'late.bin', type: 'application/octet-stream', size })
      const answer = await rawPut(entry.presigned_url, entry.content_type, size)
      expect(answer.head).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/)
      expect(answer.head).toMatch(/\r\nContent-Type: application\/xml\r\n/i)
      // No "Request has expired" as AWS says: radosgw leaves the message empty.
      expect(answer.body).toMatch(/<Error><Code>AccessDenied<\/Code><Message><\/Message>/)
      // The answer comes while the body is still being sent (a client must read it then)...
      expect(answer.bodyBytesSentBeforeAnswer).toBeLessThan(size)
      // ...and radosgw then reads the rest and keeps the connection open for the next request.
      expect(answer.connectionKeptOpen).toBe(true)
      expect((await held(entry.s3_path)).status).toBe(404)
    })

    it('(d) multi-MiB random files, an empty one and a 1-byte one: byte for byte', async () => {
      const ws = await workspace({ 'build/empty.bin': '', 'build/one.bin': 'x' })
      await writeRandomFile(path.join(ws, 'build/random-24MiB.bin'), 24 * MiB)
      await writeRandomFile(path.join(ws, 'build/odd-size.bin'), 5 * MiB + 12345)
      await writeWorkspaceFile(ws, 'build/nested/deeper/notes.txt', 'nested\n')
      const emulator = await emulatorFor()
      const run = await runAction({ workspace: ws, inputs: inputs(emulator), env })
      expect({ exitCode: run.exitCode, failed: failedOf(run) }).toEqual({ exitCode: 0, failed: [] })
      await expectRadosgwHolds(emulator, run, ws, 5)
    })
  })

  interface Entry {
    file_name: string
    presigned_url: string
    storage_url: string
    s3_path: string
    content_type: string
  }

  async function generate(emulator: Emulator, file: { name: string; type: string; size: number }): Promise<Entry> {
    const res = await fetch(`${emulator.url}${GENERATE_PRESIGNED_PATH}`, {
      method: 'POST',
      headers: { 'x-api-key': emulator.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ files: [file] })
    })
    expect(res.status).toBe(200)
    return ((await res.json()) as { presigned_urls: Entry[] }).presigned_urls[0]
  }

  async function confirmBody(
    emulator: Emulator,
    entry: Entry,
    size: number
  ): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${emulator.url}${UPLOAD_FILE_PATH}`, {
      method: 'POST',
      headers: { 'x-api-key': emulator.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ is_presigned: true, ...entry, file_size: size })
    })
    return { status: res.status, body: await res.json() }
  }

  async function confirm(emulator: Emulator, entry: Entry, size: number): Promise<number> {
    return (await confirmBody(emulator, entry, size)).status
  }

  /** A plain node:http PUT of a small body, as any client would send it. */
  async function put(
    url: string,
    contentType: string,
    body: Buffer
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return await new Promise((resolve, reject) => {
      const req = http.request(
        url,
        { method: 'PUT', headers: { 'content-type': contentType, 'content-length': body.length }, agent: false },
        res => {
          let text = ''
          res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
          res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
        }
      )
      req.once('error', reject)
      req.end(body)
    })
  }

  /**
   * A PUT written to a socket by hand, so that what radosgw sends, and when, is seen as bytes:
   * how much of the body was written when the answer began, and whether the connection stays
   * usable after the whole body (a second request on it is answered).
   */
  async function rawPut(
    url: string,
    contentType: string,
    size: number
  ): Promise<{ head: string; body: string; bodyBytesSentBeforeAnswer: number; connectionKeptOpen: boolean }> {
    const target = new URL(url)
    const socket = net.connect(Number(target.port), target.hostname)
    await new Promise(resolve => socket.once('connect', resolve))
    let received = ''
    let sent = 0
    let sentBeforeAnswer = -1
    socket.on('data', (chunk: Buffer) => {
      if (sentBeforeAnswer < 0) sentBeforeAnswer = sent
      received += chunk.toString('latin1')
    })
    let closed = false
    socket.once('close', () => (closed = true))
    socket.on('error', () => undefined)
    socket.write(
      `PUT ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${size}\r\n\r\n`
    )
    const chunk = Buffer.alloc(256 * 1024, 0x5a)
    while (sent < size && !closed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, size - sent))
      sent += piece.length
      if (!socket.write(piece)) await drainedOrClosed(socket)
    }
    const first = received
    socket.write(`GET / HTTP/1.1\r\nHost: ${target.host}\r\n\r\n`)
    for (
      let waited = 0;
      waited < 5000 && !closed && !/HTTP\/1\.1 200/.test(received.slice(first.length));
      waited += 50
    ) {
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    socket.destroy()
    const [head, ...rest] = first.split('\r\n\r\n')
    return {
      head: `${head}\r\n`,
      body: rest.join('\r\n\r\n'),
      bodyBytesSentBeforeAnswer: sentBeforeAnswer,
      connectionKeptOpen: /HTTP\/1\.1 200/.test(received.slice(first.length))
    }
  }
}

/** Resolves when the socket can take more, or is gone (radosgw may close it mid-body). */
async function drainedOrClosed(socket: net.Socket): Promise<void> {
  await new Promise<void>(resolve => {
    const done = (): void => {
      socket.off('drain', done).off('close', done)
      resolve()
    }
    socket.on('drain', done).on('close', done)
  })
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}
