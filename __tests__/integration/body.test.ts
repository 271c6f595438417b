import { afterEach, describe, expect, it } from '@jest/globals'
import busboy from 'busboy'
import { execFileSync, spawn } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { stat, truncate, utimes } from 'node:fs/promises'
import path from 'node:path'
import { Writable, type Readable } from 'node:stream'
import { FileChangedError, FileReadError } from '../../src/model.js'
import type { LocalFile } from '../../src/model.js'
import { fileForAttempt } from '../../src/transfer/asset-call.js'
import { SLICE_BYTES, openFileBody, openMultipartBody, type StreamedBody } from '../../src/netiks/body.js'
import { filePartHeaders } from '../../src/netiks/django-names.js'
import {
  Cleanups,
  canMakeFifos,
  canMakeSymlinks,
  describeFile,
  sha256,
  withCapability,
  writeWorkspaceFile
} from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

/** A sink that keeps a copy of each chunk (the body reuses its buffers). */
function memorySink(onChunk: (chunk: Buffer, index: number) => void = () => undefined) {
  const chunks: Buffer[] = []
  const sink = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      onChunk(chunk, chunks.length - 1)
      setImmediate(callback)
    }
  })
  return { sink, received: () => Buffer.concat(chunks) }
}

/** Runs a body into memory. */
async function drain(body: StreamedBody): Promise<Buffer> {
  const { sink, received } = memorySink()
  await body.writeTo(sink)
  return received()
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function parseMultipart(body: Buffer, contentType: string) {
  return await new Promise<{ field: string; filename: string; mimeType: string; data: Buffer }>((resolve, reject) => {
    const parser = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8' })
    parser.on('file', (field, stream, info) => {
      readAll(stream).then(
        data => resolve({ field, filename: info.filename ?? '', mimeType: info.mimeType, data }),
        reject
      )
    })
    parser.on('error', reject)
    parser.end(body)
  })
}

const NO_FIFOS = 'this file system makes no FIFOs (mkfifo is missing or refused)'

describe('openFileBody', () => {
  it('streams the exact bytes and their sha256, across several reused slices', async () => {
    const ws = await cleanups.workspace()
    const content = Buffer.alloc(3 * 1024 * 1024 + 123)
    for (let i = 0; i < content.length; i++) content[i] = (i * 31) % 251
    const target = await writeWorkspaceFile(ws, 'a.bin', content)
    const body = openFileBody(describeFile(target, content.length, ws))
    expect(body.length).toBe(content.length)
    expect((await drain(body)).equals(content)).toBe(true)
    expect(body.sha256()).toBe(sha256(content))
  })

  it('streams an empty file', async () => {
    const ws = await cleanups.workspace({ 'empty.txt': '' })
    const body = openFileBody(describeFile(path.join(ws, 'empty.txt'), 0, ws))
    expect((await drain(body)).length).toBe(0)
    expect(body.sha256()).toBe(sha256(''))
  })

  it.each([SLICE_BYTES, SLICE_BYTES - 1, SLICE_BYTES + 1])(
    'streams a file of %i bytes, at the edge of one slice, exactly',
    async size => {
      const ws = await cleanups.workspace()
      const content = Buffer.alloc(size)
      for (let i = 0; i < content.length; i++) content[i] = (i * 7) % 253
      const target = await writeWorkspaceFile(ws, 'edge.bin', content)
      const file = describeFile(target, size, ws, statSync(target).mtimeMs)
      const body = openFileBody(file)
      expect((await drain(body)).equals(content)).toBe(true)
      expect(body.sha256()).toBe(sha256(content))
      const multipart = openMultipartBody(file)
      expect((await parseMultipart(await drain(multipart), multipart.contentType)).data.equals(content)).toBe(true)
      expect(multipart.sha256()).toBe(sha256(content))
    }
  )

  it.each([
    [0, []],
    [5, [5]],
    [SLICE_BYTES, [SLICE_BYTES]],
    [SLICE_BYTES + 1, [SLICE_BYTES, 1]]
  ])('tells of a file of %i bytes each slice the sink took, %j', async (size, slices) => {
    const ws = await cleanups.workspace()
    const content = Buffer.alloc(size, 9)
    const target = await writeWorkspaceFile(ws, 'whole.bin', content)
    const sent: number[] = []
    const body = openFileBody(describeFile(target, size, ws, statSync(target).mtimeMs), bytes => sent.push(bytes))
    expect((await drain(body)).equals(content)).toBe(true)
    expect(body.sha256()).toBe(sha256(content))
    expect(sent).toEqual(slices)
  })

  it('refuses a file that grew, shrank or vanished since it was found, before writing anything', async () => {
    const ws = await cleanups.workspace({ 'grew.txt': 'hello', 'shrank.txt': 'hello' })
    const grew = describeFile(path.join(ws, 'grew.txt'), 5, ws)
    const shrank = describeFile(path.join(ws, 'shrank.txt'), 5, ws)
    appendFileSync(grew.absolutePath, '!')
    truncateSync(shrank.absolutePath, 2)
    for (const [file, error] of [
      [
        grew,
        new FileChangedError(
          'grew.txt changed after it was found: it grew from 5 to 6 bytes. Nothing was sent or registered for it.'
        )
      ],
      [shrank, /it shrank from 5 to 2 bytes/],
      [describeFile(path.join(ws, 'gone.txt'), 3, ws), /Could not read gone.txt: ENOENT/]
    ] as const) {
      const { sink, received } = memorySink()
      await expect(openFileBody(file).writeTo(sink)).rejects.toThrow(error)
      expect(received().length).toBe(0)
    }
  })

  describe('a found file whose name something else took since', () => {
    /**
     * Replaces the found file with a FIFO. A writer opens it (ten times) from 5 s on whatever
     * happens, so that an open that waits for one (the fault this guards against) fails the test
     * instead of hanging it, and frees the thread it held.
     */
    async function fifoInPlaceOf(size: number) {
      const ws = await cleanups.workspace()
      const target = await writeWorkspaceFile(ws, 'found.bin', Buffer.alloc(size, 3))
      const file = describeFile(target, size, ws, statSync(target).mtimeMs)
      unlinkSync(target)
      execFileSync('mkfifo', [target])
      const writer = spawn(
        'sh',
        ['-c', 'sleep 5; for i in 1 2 3 4 5 6 7 8 9 10; do : > "$0"; sleep 0.2; done', target],
        {
          stdio: 'ignore'
        }
      )
      cleanups.defer(() => {
        writer.kill()
      })
      return file
    }

    /**
     * Refused as no file at all, at once or (a streamed body, which compares sizes first) once
     * the strategies send the file as it is now after finding it changed. Never waits for a
     * writer.
     */
    async function refusedAtOnce(file: LocalFile, send: (file: LocalFile) => Promise<unknown>): Promise<void> {
      const started = Date.now()
      let now = file
      let error: unknown
      for (let attempt = 0; attempt < 2; attempt++) {
        error = await send(now).then(
          () => undefined,
          (failure: unknown) => failure
        )
        if (!(error instanceof FileChangedError)) break
        now = fileForAttempt(file, now, error, {})
      }
      expect(error).toBeInstanceOf(FileReadError)
      expect((error as Error).message).toMatch(/found.bin: it is no longer a regular file/)
      expect(Date.now() - started).toBeLessThan(2000)
    }

    withCapability(
      it,
      canMakeFifos(),
      NO_FIFOS
    )('refuses a FIFO without waiting for a writer: a small file, PUT or multipart', async () => {
      const file = await fifoInPlaceOf(5)
      await refusedAtOnce(file, async now => await drain(openFileBody(now)))
      await refusedAtOnce(file, async now => await drain(openMultipartBody(now)))
    })

    withCapability(
      it,
      canMakeFifos(),
      NO_FIFOS
    )(
      'refuses a FIFO without waiting for a writer: a streamed file, leaving no thread of the pool waiting',
      async () => {
        const file = await fifoInPlaceOf(SLICE_BYTES + 1)
        // More attempts than the pool has threads: a waiting open would hold one each.
        for (let attempt = 0; attempt < 5; attempt++) {
          await refusedAtOnce(file, async now => await drain(openFileBody(now)))
        }
        await stat(file.absolutePath)
      }
    )

    it('names a folder that took the name for what it is, small or streamed', async () => {
      const ws = await cleanups.workspace()
      for (const size of [5, SLICE_BYTES + 1]) {
        const target = await writeWorkspaceFile(ws, `was-${size}.bin`, Buffer.alloc(size))
        const file = describeFile(target, size, ws, statSync(target).mtimeMs)
        unlinkSync(target)
        mkdirSync(target)
        await expect(drain(openFileBody(file))).rejects.toThrow(/no longer a regular file/)
        // Nor is it sent again from a fresh stat, as a file that changed would be.
        expect(() => fileForAttempt(file, file, new FileChangedError('found changed'), {})).toThrow(
          new FileReadError(
            `Could not read was-${size}.bin: it is no longer a regular file (something else took its name after it ` +
              'was found). Nothing was sent or registered for it.'
          )
        )
      }
    })
  })

  it('stops with an error when the sink closes mid-body, releasing the file', async () => {
    const ws = await cleanups.workspace()
    const target = await writeWorkspaceFile(ws, 'big.bin', Buffer.alloc(5 * 1024 * 1024, 1))
    const body = openFileBody(describeFile(target, 5 * 1024 * 1024, ws))
    let writes = 0
    const sink = new Writable({
      write(_chunk, _encoding, callback) {
        if (++writes === 2) sink.destroy()
        else setImmediate(callback)
      }
    })
    await expect(body.writeTo(sink)).rejects.toThrow()
    expect(writes).toBeLessThanOrEqual(3)
  })

  it('fails with FileReadError when the file vanished', async () => {
    const ws = await cleanups.workspace()
    const file = describeFile(path.join(ws, 'gone.txt'), 3, ws)
    await expect(drain(openFileBody(file))).rejects.toThrow(/Could not read gone.txt: ENOENT/)
  })
})

describe('openMultipartBody', () => {
  it.each([
    'app.zip',
    "ünï cøde (1)+[x]&'.txt",
    'quote"d.txt',
    'say "hello" it\'s.txt',
    'a";b.txt',
    'semi;colon.txt',
    'say %22hello%22.txt',
    '100%.txt',
    'e\u0301te\u0301 NFD.txt',
    '😀 party 🎉.txt',
    'line\r\nbreak.txt',
    ' spaced .txt ',
    'empty.bin'
  ])("builds a body busboy (the emulator's parser) reads back exactly: %j", async name => {
    const ws = await cleanups.workspace()
    const content = name === 'empty.bin' ? Buffer.alloc(0) : Buffer.from(`content of ${name}`)
    const target = path.join(ws, 'file.bin')
    writeFileSync(target, content)
    const body = openMultipartBody({ ...describeFile(target, content.length, ws), name })
    const bytes = await drain(body)
    expect(bytes.length).toBe(body.length)
    const part = await parseMultipart(bytes, body.contentType)
    expect(part.field).toBe('file')
    expect(part.filename).toBe(name)
    expect(part.data.equals(content)).toBe(true)
    expect(body.sha256()).toBe(sha256(content))
  })

  it.each([
    ['report.pdf', 'filename="report.pdf"'],
    ['ünïcödé 名前.txt', 'filename="ünïcödé 名前.txt"'],
    ['back\\slash.txt', 'filename="back\\\\slash.txt"'],
    ["it's 100%.txt", 'filename="it\'s 100%.txt"'],
    ['say "hi".txt', 'filename="say %22hi%22.txt"; filename*=UTF-8\'\'say%20%22hi%22.txt'],
    ['a\r\nb', 'filename="a%0D%0Ab"; filename*=UTF-8\'\'a%0D%0Ab'],
    ['"é\'*', "filename=\"%22é'*\"; filename*=UTF-8''%22%C3%A9%27%2A"],
    ['R&D.txt', 'filename="R&D.txt"'],
    ['a&amp;b &notes &#34; &x;.txt', 'filename="a&amp;amp;b &amp;notes &amp;#34; &amp;x;.txt"']
  ])('writes the filename of %j as %s', (name, parameters) => {
    expect(filePartHeaders('file', name, 'text/plain')).toBe(
      `Content-Disposition: form-data; name="file"; ${parameters}\r\nContent-Type: text/plain\r\n\r\n`
    )
  })

  it("keeps a part's headers within the 1024 bytes Django reads them from, dropping the fallback if need be", async () => {
    const ws = await cleanups.workspace()
    const target = path.join(ws, 'file.bin')
    writeFileSync(target, 'x')
    const name = '😀'.repeat(60) + '".txt'
    const body = openMultipartBody({ ...describeFile(target, 1, ws), name })
    const bytes = await drain(body)
    const headers = bytes.subarray(bytes.indexOf('\r\n') + 2, bytes.indexOf('\r\n\r\n') + 4)
    expect(headers.length).toBeLessThanOrEqual(1022)
    expect(headers.toString()).not.toContain('filename="')
    expect((await parseMultipart(bytes, body.contentType)).filename).toBe(name)
  })
})

describe('a file that changes while it is uploaded', () => {
  const SIZE = 5 * 1024 * 1024

  async function bigFile() {
    const ws = await cleanups.workspace()
    const content = Buffer.alloc(SIZE, 3)
    const target = await writeWorkspaceFile(ws, 'big.bin', content)
    return { ws, file: describeFile(target, SIZE, ws, statSync(target).mtimeMs) }
  }

  it('is refused before any byte is written when it grew after it was found (5 → 27 bytes)', async () => {
    const ws = await cleanups.workspace({ 'log.txt': 'hello' })
    const file = describeFile(path.join(ws, 'log.txt'), 5, ws)
    const body = openMultipartBody(file)
    appendFileSync(file.absolutePath, ' and 22 more bytes....')
    const { sink, received } = memorySink()
    const error = await body.writeTo(sink).catch(e => e)
    expect(error).toBeInstanceOf(FileChangedError)
    expect(error.message).toBe(
      'log.txt changed after it was found: it grew from 5 to 27 bytes. Nothing was sent or registered for it.'
    )
    expect(received().length).toBe(0)
  })

  it('is refused before any byte is written when it shrank after it was found', async () => {
    const ws = await cleanups.workspace({ 'a.txt': 'hello world' })
    const file = describeFile(path.join(ws, 'a.txt'), 11, ws)
    await truncate(file.absolutePath, 5)
    await expect(drain(openFileBody(file))).rejects.toThrow(
      new FileChangedError(
        'a.txt changed after it was found: it shrank from 11 to 5 bytes. Nothing was sent or registered for it.'
      )
    )
  })

  it('multipart: is refused with nothing written, not even the part headers, when it grew after it was found', async () => {
    const ws = await cleanups.workspace({ 'log.txt': 'hello' })
    const file = describeFile(path.join(ws, 'log.txt'), 5, ws)
    appendFileSync(file.absolutePath, '!')
    const { sink, received } = memorySink()
    await expect(openMultipartBody(file).writeTo(sink)).rejects.toThrow(
      new FileChangedError(
        'log.txt changed after it was found: it grew from 5 to 6 bytes. Nothing was sent or registered for it.'
      )
    )
    expect(received().length).toBe(0)
  })

  withCapability(
    it,
    canMakeSymlinks() && existsSync('/dev/zero') && existsSync('/proc/self/status'),
    'this machine has no /dev/zero or /proc/self/status to link to (or makes no symbolic links)'
  )(
    'is refused at once as no regular file, with nothing written, when a device or a /proc file took its name',
    async () => {
      const ws = await cleanups.workspace()
      for (const [target, size] of [
        ['/dev/zero', 0],
        ['/dev/zero', 5],
        ['/proc/self/status', 5],
        ['/proc/self/status', SLICE_BYTES + 1]
      ] as const) {
        const found = await writeWorkspaceFile(ws, 'found.bin', Buffer.alloc(size, 7))
        const file = { ...describeFile(found, size, ws, statSync(found).mtimeMs), relativePath: 'found.bin' }
        unlinkSync(found)
        symlinkSync(target, found)
        for (const body of [openFileBody(file), openMultipartBody(file)]) {
          const { sink, received } = memorySink()
          const failure = await body.writeTo(sink).then(
            () => undefined,
            (error: unknown) => error
          )
          // Not a FileChangedError: that one is retried, as "changed (0 → 0 bytes)", four times.
          expect([target, size, failure]).toEqual([
            target,
            size,
            new FileReadError(
              'Could not read found.bin: it is no longer a regular file (something else took its name ' +
                'after it was found). Nothing was sent or registered for it.'
            )
          ])
          expect(failure).not.toBeInstanceOf(FileChangedError)
          expect(received().length).toBe(0)
        }
        unlinkSync(found)
      }
    }
  )

  it('is refused when it was rewritten in place (same size, new mtime)', async () => {
    const ws = await cleanups.workspace({ 'a.txt': 'hello' })
    const file = describeFile(path.join(ws, 'a.txt'), 5, ws, statSync(path.join(ws, 'a.txt')).mtimeMs)
    await utimes(file.absolutePath, new Date(), new Date(Date.now() + 5000))
    await expect(drain(openFileBody(file))).rejects.toThrow(
      /a.txt changed after it was found: it was modified \(same size/
    )
  })

  it('is not checked against an mtime it was not found with', async () => {
    const ws = await cleanups.workspace({ 'a.txt': 'hello' })
    const file = describeFile(path.join(ws, 'a.txt'), 5, ws)
    await utimes(file.absolutePath, new Date(), new Date(Date.now() + 5000))
    expect((await drain(openFileBody(file))).toString()).toBe('hello')
  })

  it.each([
    ['PUT', (file: Parameters<typeof openFileBody>[0]) => openFileBody(file)],
    ['multipart', (file: Parameters<typeof openFileBody>[0]) => openMultipartBody(file)]
  ])('%s: grown during a multi-slice write, the body stops before its last slice', async (_kind, open) => {
    const { file } = await bigFile()
    const body = open(file)
    const { sink, received } = memorySink((_chunk, index) => {
      if (index === 1) appendFileSync(file.absolutePath, 'appended while uploading')
    })
    const error = await body.writeTo(sink).catch(e => e)
    expect(error).toBeInstanceOf(FileChangedError)
    expect(error.message).toBe(
      'big.bin changed while it was being uploaded: it grew from 5242880 to 5242904 bytes. The upload was ' +
        'stopped before its last bytes, so the server kept nothing and nothing was registered for it.'
    )
    // The server sees a body short of its Content-Length: the last slice (and the closing
    // boundary) never left.
    expect(received().length).toBeLessThanOrEqual(body.length - 1024 * 1024)
  })

  it('stops before its last slice when it is rewritten in place during the write', async () => {
    const { file } = await bigFile()
    const body = openFileBody(file)
    const { sink, received } = memorySink((_chunk, index) => {
      if (index === 0) {
        writeFileSync(file.absolutePath, Buffer.alloc(SIZE, 4))
        utimesSync(file.absolutePath, new Date(), new Date(Date.now() + 5000))
      }
    })
    await expect(body.writeTo(sink)).rejects.toThrow(/big.bin changed while it was being uploaded: it was modified/)
    expect(received().length).toBeLessThan(body.length)
  })

  it('stops when it shrank during the write', async () => {
    const { file } = await bigFile()
    const body = openFileBody(file)
    const { sink, received } = memorySink((_chunk, index) => {
      if (index === 0) truncateSync(file.absolutePath, 2 * 1024 * 1024)
    })
    await expect(body.writeTo(sink)).rejects.toThrow(
      /big.bin changed while it was being uploaded: it shrank from 5242880 to 2097152 bytes/
    )
    expect(received().length).toBeLessThan(body.length)
  })

  it('sends a file that did not change, with its mtime checked', async () => {
    const { file } = await bigFile()
    const bytes = await drain(openFileBody(file))
    expect(bytes.equals(Buffer.alloc(SIZE, 3))).toBe(true)
  })
})
