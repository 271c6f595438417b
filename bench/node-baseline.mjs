/**
 * The benchmark's reference for what Node itself allows: the bulk flow (generate per 50
 * files, PUT, confirm) for every file in a directory, written with nothing but node:http and
 * a keep-alive agent: no retries, logging, progress, timeouts or cancellation. It runs on the
 * same Node 24 as the action, so the gap between its CPU and the action's is the action's own.
 *
 *   node bench/node-baseline.mjs <base-url> <api-key> <directory> <concurrency>
 */
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'

await uploadDirectory(...process.argv.slice(2))

async function uploadDirectory(baseUrl, apiKey, directory, concurrencyText) {
  const concurrency = Number(concurrencyText)
  const base = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const GENERATE = '/api/v1/assets/developer-generate-presigned-url/'
  const UPLOAD = '/api/v1/assets/developer-upload-file/'
  const BATCH = 50

  function send(method, requestPath, headers, body) {
    return new Promise((resolve, reject) => {
      const request = http.request({ host: base.hostname, port: base.port, method, path: requestPath, headers, agent })
      request.on('error', reject)
      request.on('response', response => {
        const chunks = []
        response.on('data', chunk => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString() }))
      })
      request.end(body)
    })
  }

  function postJson(requestPath, value) {
    const body = JSON.stringify(value)
    const headers = {
      'content-type': 'application/json',
      'x-api-key': apiKey,
      'content-length': Buffer.byteLength(body)
    }
    return send('POST', requestPath, headers, body)
  }

  function expectStatus(step, response, status) {
    if (response.status !== status) throw new Error(`${step}: HTTP ${response.status} ${response.body}`)
  }

  const files = readdirSync(directory)
    .sort()
    .map(name => ({ name, file: path.join(directory, name), size: statSync(path.join(directory, name)).size }))

  const tickets = []
  let generated = 0
  let generating
  async function generateBatch() {
    const batch = files.slice(generated, generated + BATCH)
    generated += batch.length
    const response = await postJson(GENERATE, {
      files: batch.map(f => ({ name: f.name, type: 'application/octet-stream', size: f.size }))
    })
    expectStatus('generate', response, 200)
    JSON.parse(response.body).presigned_urls.forEach((entry, i) => tickets.push({ ...batch[i], entry }))
  }
  function ensureBatch() {
    generating ??= generateBatch().finally(() => (generating = undefined))
    return generating
  }

  let next = 0
  async function worker() {
    for (;;) {
      while (next >= tickets.length && generated < files.length) await ensureBatch()
      if (next >= tickets.length) return
      // Ask for the next batch while this one still has work, as the action does.
      if (tickets.length - next <= concurrency && generated < files.length) void ensureBatch()
      const { file, size, entry } = tickets[next++]
      // Read whole: these files are a few KiB, and one read is the cheapest way for plain Node.
      const bytes = Buffer.allocUnsafe(size)
      const fd = openSync(file, 'r')
      try {
        readSync(fd, bytes, 0, size, 0)
      } finally {
        closeSync(fd)
      }
      createHash('sha256').update(bytes).digest('hex')
      const url = new URL(entry.presigned_url)
      const put = await send(
        'PUT',
        url.pathname + url.search,
        { 'content-type': entry.content_type, 'content-length': size },
        bytes
      )
      expectStatus('put', put, 200)
      const confirmed = await postJson(UPLOAD, {
        is_presigned: true,
        file_name: entry.file_name,
        storage_url: entry.storage_url,
        s3_path: entry.s3_path,
        content_type: entry.content_type,
        file_size: size
      })
      expectStatus('confirm', confirmed, 201)
    }
  }

  await Promise.all(Array.from({ length: concurrency }, worker))
  agent.destroy()
}
