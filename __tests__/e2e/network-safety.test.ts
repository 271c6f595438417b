/**
 * Issue 23, points 3, 10, 13 and 14: the api key never goes out in clear text by accident, no
 * server can hold the run by trickling its answer, network errors say what is likely wrong,
 * and the base-url advice agrees with itself. Through the committed bundle, run as a runner
 * runs it, against the emulator and small loopback servers.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { parse } from 'yaml'
import { startConnectProxy } from '../../harness/connect-proxy.js'
import { REPO_ROOT, runAction, type ActionRun, type RunActionOptions } from '../../harness/run-action.js'
import { startTrickleProxy, type TrickleProxy } from '../../harness/trickle-proxy.js'
import type { BodySink } from '../../src/netiks/body.js'
import { HttpError, RedirectError } from '../../src/netiks/errors.js'
import { NetiksClient } from '../../src/netiks/client.js'
import { Breaker } from '../../src/transfer/breaker.js'
import { Cleanups, failedOf, freePort } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const FILES = { 'build/a.txt': 'alpha', 'build/b.txt': 'bravo', 'build/c.txt': 'charlie' }

function inputs(baseUrl: string, apiKey: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'api-key': apiKey,
    path: 'build',
    mode: 'bulk',
    'base-url': baseUrl,
    'allow-insecure-http': 'false',
    concurrency: '8',
    'if-no-files-found': 'error',
    retries: '4',
    'fail-fast': 'false',
    'dry-run': 'false',
    'asset-name': 'basename',
    manifest: '',
    shard: '',
    ...overrides
  }
}

const errorLines = (run: ActionRun): string[] => run.stdout.split('\n').filter(line => line.startsWith('::error'))

/** Runs the bundle, killed if it is still running after `budgetMs`: a run that hangs fails the test. */
async function runWithin(budgetMs: number, options: RunActionOptions): Promise<ActionRun> {
  let timer: NodeJS.Timeout | undefined
  const onSpawn = (child: ChildProcess): void => {
    timer = setTimeout(() => child.kill('SIGKILL'), budgetMs)
  }
  try {
    return await runAction({ ...options, onSpawn })
  } finally {
    clearTimeout(timer)
  }
}

describe('3: an http base-url to another host is refused before any request', () => {
  it('names why and the one input that allows it; with that input, the same run uploads', async () => {
    // A host name that only the proxy knows, so that nothing leaves the machine either way.
    const emulator = await cleanups.emulator({ publicHost: 'netiks.remote.test' })
    const proxy = await startConnectProxy(emulator.port)
    cleanups.defer(() => proxy.close())
    const ws = await cleanups.workspace(FILES)
    const remote = `http://netiks.remote.test:${emulator.port}`
    const env = { http_proxy: proxy.url }

    const refused = await runAction({ workspace: ws, inputs: inputs(remote, emulator.apiKey), env })
    expect(refused.exitCode).toBe(1)
    expect(errorLines(refused)).toEqual([
      `::error::Input 'base-url' is plain http to netiks.remote.test:${emulator.port}, which is not this machine: ` +
        'the api key would travel unencrypted, readable by anyone on the way. Use https. Only for a private test ' +
        'server on a network you trust, set "allow-insecure-http: true" to allow it.'
    ])
    expect(proxy.tunnels).toEqual([])
    expect(emulator.state().requests).toMatchObject({ upload: 0, generate: 0, put: 0, confirm: 0 })

    const allowed = await runAction({
      workspace: ws,
      inputs: inputs(remote, emulator.apiKey, { 'allow-insecure-http': 'true' }),
      env
    })
    expect(errorLines(allowed)).toEqual([])
    expect(allowed.exitCode).toBe(0)
    expect(allowed.outputs.count).toBe('3')
    expect(new Set(proxy.tunnels)).toEqual(new Set([`netiks.remote.test:${emulator.port}`]))
  }, 60_000)

  it('accepts the emulator on loopback as localhost, without the input', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(FILES)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(`http://LOCALHOST:${emulator.port}/`, emulator.apiKey)
    })
    expect(errorLines(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(emulator.state().assets).toHaveLength(3)
  }, 30_000)
})

describe('10: a server that trickles its answer cannot hold the run', () => {
  /** Stall timeout 2 s as in the issue; short backoff windows, so that the budget measures the deadline. */
  const CLOCKS = { NETIKS_STALL_TIMEOUT_MS: '2000', NETIKS_RETRY_BASE_MS: '200' }
  /** The bound: the run ends within 30 s at a 2 s stall timeout. */
  const BUDGET_MS = 30_000

  async function trickling(trickle: (req: http.IncomingMessage) => boolean): Promise<TrickleProxy> {
    const emulator = await cleanups.emulator()
    const proxy = await startTrickleProxy({ target: emulator.url, trickle })
    cleanups.defer(() => proxy.close())
    return proxy
  }

  it('a confirm answered a byte a second: retried, then reported confirm-unknown, within the budget', async () => {
    const proxy = await trickling(req => req.method === 'POST' && (req.url ?? '').endsWith('/developer-upload-file/'))
    const ws = await cleanups.workspace({ 'build/a.txt': 'alpha' })
    const run = await runWithin(BUDGET_MS, {
      workspace: ws,
      inputs: inputs(proxy.url, 'ne-EmulatorLocalKey0000001'),
      env: CLOCKS
    })
    expect(run.signal).toBeNull() // ended by itself, not by the budget
    expect(run.exitCode).toBe(1)
    expect(failedOf(run)).toEqual([expect.objectContaining({ path: 'build/a.txt', step: 'confirm-unknown' })])
    expect(failedOf(run)[0].message).toMatch(/no complete answer within 2 s, aborted/)
    // Retried: the first attempt and the four retries all reached the server.
    expect(proxy.seen.filter(request => request.trickled)).toHaveLength(5)
  }, 60_000)

  it('an S3 PUT answered a byte a second: retried, then reported failed at put, within the budget', async () => {
    const proxy = await trickling(req => req.method === 'PUT')
    const ws = await cleanups.workspace({ 'build/a.txt': 'alpha' })
    const run = await runWithin(BUDGET_MS, {
      workspace: ws,
      inputs: inputs(proxy.url, 'ne-EmulatorLocalKey0000001'),
      env: CLOCKS
    })
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(1)
    expect(failedOf(run)).toEqual([expect.objectContaining({ path: 'build/a.txt', step: 'put' })])
    expect(failedOf(run)[0].message).toMatch(/put failed: network error \(no complete answer within 2 s, aborted\)/)
    const puts = proxy.seen.filter(request => request.method === 'PUT')
    expect(puts).toHaveLength(5)
    // The api key goes to base-url only: never with a PUT, under any header.
    for (const put of puts) {
      expect(put.headers['x-api-key']).toBeUndefined()
      expect(put.headers.authorization).toBeUndefined()
      expect(JSON.stringify(put)).not.toContain('ne-EmulatorLocalKey0000001')
    }
  }, 60_000)
})

describe('13: network errors say what is likely wrong', () => {
  it('https to a port that speaks http: says so, once, and names base-url', async () => {
    const emulator = await cleanups.emulator()
    const ws = await cleanups.workspace(FILES)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(`https://127.0.0.1:${emulator.port}`, emulator.apiKey, { mode: 'single' })
    })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      `upload failed: https://127.0.0.1:${emulator.port} does not speak TLS (EPROTO, "wrong version number"): ` +
        'most likely a port that speaks plain http was given an https URL. Check base-url'
    )
  }, 30_000)

  it('a redirect: names its Location (escaped, query left out), says it is not followed, once per run', async () => {
    const location = '/moved/\u009b31m::error::x/api?X-Amz-Signature=s3cr3t'
    const api = await cleanups.server((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(301, { location }).end())
    })
    const ws = await cleanups.workspace(FILES)
    const run = await runAction({
      workspace: ws,
      inputs: inputs(api, 'ne-EmulatorLocalKey0000001', { mode: 'single' })
    })
    expect(run.exitCode).toBe(1)
    const said =
      `upload was answered HTTP 301, a redirect to "${api}/moved/%C2%9B31m::error::x/api" (query left out): ` +
      'redirects are not followed, so that the api key and the files go only where base-url says. ' +
      'If the API has moved (or serves only https), set base-url to where it is now.'
    // Once: one ::error:: for the run, however many files met the redirect.
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    // As the runner shows it: the log's escaping (a % written %25) undone once.
    expect(errors[0].replace(/%25/g, '%')).toContain(said.replace(/%/g, '%25'))
    expect(run.stdout + run.stderr).not.toContain('s3cr3t')
    expect(run.stdout).not.toContain('\u009b')
    const failed = failedOf(run)
    expect(failed).toHaveLength(3)
    // Escaped once as in the log: its % written %25.
    expect(failed.filter(failure => failure.message === said.replace(/%/g, '%25')).length).toBeGreaterThan(0)
  }, 30_000)

  it('an S3 redirect is named as the storage’s, not base-url’s', async () => {
    const storage = await cleanups.server((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(307, { location: 'https://bucket.s3.eu-west-3.amazonaws.com/k' }).end())
    })
    const client = new NetiksClient({
      baseUrl: storage,
      apiKey: 'ne-EmulatorLocalKey0000001',
      concurrency: 1,
      userAgent: 'test',
      stallTimeoutMs: 5000
    })
    cleanups.defer(() => client.close())
    const entry = {
      file_name: 'a.txt',
      presigned_url: `${storage}/bucket/a.txt?X-Amz-Signature=abc`,
      storage_url: '',
      s3_path: 'a.txt',
      content_type: 'text/plain'
    }
    const body = {
      length: 1,
      writeTo: async (sink: BodySink) => await new Promise(resolve => sink.write(Buffer.from('x'), resolve))
    }
    const error = await client.putObject(entry, body as never).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RedirectError)
    expect((error as Error).message).toBe(
      'put was answered HTTP 307, a redirect to "https://bucket.s3.eu-west-3.amazonaws.com/k": redirects are not ' +
        'followed, so that the api key and the files go only where the API said. The storage the API hands out ' +
        'presigned URLs for redirected the upload: a bucket in another region answers so.'
    )
  })

  it('an unreachable proxy is named as the proxy (without its password), not as the target, once', async () => {
    const port = await freePort()
    const ws = await cleanups.workspace(FILES)
    const run = await runAction({
      workspace: ws,
      inputs: inputs('https://netiks.behind-proxy.test', 'ne-EmulatorLocalKey0000001'),
      env: { https_proxy: `http://user:pr0xyPass@127.0.0.1:${port}`, NETIKS_RETRY_BASE_MS: '20' }
    })
    expect(run.exitCode).toBe(1)
    const errors = errorLines(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(
      `generate failed: the proxy http://127.0.0.1:${port} could not be reached (connect ECONNREFUSED ` +
        `127.0.0.1:${port}), on the way to https://netiks.behind-proxy.test. Check that the proxy is up and that ` +
        "the runner's https_proxy (and no_proxy) setting is right. No connection could be made after every retry"
    )
    expect(errors[0]).not.toMatch(/Check base-url/)
    expect(run.stdout + run.stderr).not.toContain('pr0xyPass')
  }, 30_000)
})

describe('14: the base-url advice agrees with itself and with the code', () => {
  /** The base-url description in action.yml and the 404 error, as a user reads them. */
  async function advice(): Promise<{ description: string; notFound: string }> {
    const action = parse(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string }>
    }
    const notFound = new Breaker('https://h', 1).failed(new HttpError('generate', 404, 'Not Found', 'HTTP 404'), false)
    return { description: action.inputs['base-url'].description, notFound: notFound!.message }
  }

  it('both say: without /api/v1, the origin or the path a reverse proxy serves the API under', async () => {
    const { description, notFound } = await advice()
    for (const text of [description, notFound]) {
      expect(text).toContain('without /api/v1')
      expect(text).toContain('https://prod.backend.netikscloud.com')
      expect(text).toMatch(/the path a reverse proxy serves it under, such as https:\/\/proxy\.example\/netiks/)
      expect(text).not.toMatch(/any other path|only the (API )?origin/)
    }
  })

  it('which the code does: a base-url with a path works behind a reverse proxy that serves the API there', async () => {
    const emulator = await cleanups.emulator()
    const target = new URL(emulator.url)
    const front = await cleanups.server((req, res) => {
      if (!(req.url ?? '').startsWith('/netiks/')) return void res.writeHead(404).end()
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: (req.url ?? '').slice('/netiks'.length),
          headers: { ...req.headers, host: target.host }
        },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      req.pipe(upstream)
    })
    const ws = await cleanups.workspace(FILES)
    const run = await runAction({ workspace: ws, inputs: inputs(`${front}/netiks/`, emulator.apiKey) })
    expect(errorLines(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(emulator.state().assets).toHaveLength(3)
  }, 30_000)
})
