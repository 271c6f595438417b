/**
 * A found file whose name something else took before it was read: a FIFO (made with mkfifo,
 * with a writer process that would open it late) or a folder. The body refuses it as no file at
 * all, at once, and never waits for a writer.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Writable } from 'node:stream'
import { describeFile } from '../../src/files/find.js'
import { FileChangedError, FileReadError, type LocalFile } from '../../src/model.js'
import { SLICE_BYTES, openFileBody, openMultipartBody, type StreamedBody } from '../../src/netiks/body.js'
import { restat } from '../../src/transfer/file-state.js'
import { Cleanups, posixOnly, writeWorkspaceFile } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

/** Runs a body into memory. */
async function drain(body: StreamedBody): Promise<Buffer> {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk))
      setImmediate(callback)
    }
  })
  await body.writeTo(sink)
  return Buffer.concat(chunks)
}

describe('a found file whose name something else took since', () => {
  /**
   * Replaces the found file with a FIFO. A writer opens it (ten times) from 5 s on whatever
   * happens, leaving a mark first, so that an open that waits for one (the fault this guards
   * against) is seen to end only after the writer came, and frees the thread it held.
   */
  async function fifoInPlaceOf(size: number): Promise<{ file: LocalFile; writerCame: () => boolean }> {
    const ws = await cleanups.workspace()
    const target = await writeWorkspaceFile(ws, 'found.bin', Buffer.alloc(size, 3))
    const file = describeFile(target, size, ws, statSync(target).mtimeMs)
    unlinkSync(target)
    execFileSync('mkfifo', [target])
    const mark = path.join(ws, 'writer-came')
    const script = 'sleep 5; : > "$1"; for i in 1 2 3 4 5 6 7 8 9 10; do : > "$0"; sleep 0.2; done'
    const writer = spawn('sh', ['-c', script, target, mark], { stdio: 'ignore' })
    cleanups.defer(() => {
      writer.kill()
    })
    return { file, writerCame: () => existsSync(mark) }
  }

  /**
   * Refused as no file at all, at once or (a streamed body, which compares sizes first) once
   * the strategies send the file as it is now after finding it changed. Never waits for a
   * writer: the refusal comes before the writer does.
   */
  async function refusedAtOnce(
    { file, writerCame }: { file: LocalFile; writerCame: () => boolean },
    send: (file: LocalFile) => Promise<unknown>
  ): Promise<void> {
    let now = file
    let error: unknown
    for (let attempt = 0; attempt < 2; attempt++) {
      error = await send(now).then(
        () => undefined,
        (failure: unknown) => failure
      )
      if (!(error instanceof FileChangedError)) break
      now = restat(now, error)
    }
    expect(error).toBeInstanceOf(FileReadError)
    expect((error as Error).message).toMatch(/found.bin: it is no longer a regular file/)
    expect(writerCame()).toBe(false)
  }

  posixOnly(it, 'no FIFOs')('refuses a FIFO without waiting for a writer: a small file, PUT or multipart', async () => {
    const fifo = await fifoInPlaceOf(5)
    await refusedAtOnce(fifo, async now => openFileBody(now).readWhole())
    await refusedAtOnce(fifo, async now => await drain(openMultipartBody(now, 'file')))
  })

  posixOnly(it, 'no FIFOs')(
    'refuses a FIFO without waiting for a writer: a streamed file, leaving no thread of the pool waiting',
    async () => {
      const fifo = await fifoInPlaceOf(SLICE_BYTES + 1)
      // More attempts than the pool has threads: a waiting open would hold one each.
      for (let attempt = 0; attempt < 5; attempt++) {
        await refusedAtOnce(fifo, async now => await drain(openFileBody(now)))
      }
      await stat(fifo.file.absolutePath)
    }
  )

  it('names a folder that took the name for what it is, small or streamed', async () => {
    const ws = await cleanups.workspace()
    for (const size of [5, SLICE_BYTES + 1]) {
      const target = await writeWorkspaceFile(ws, `was-${size}.bin`, Buffer.alloc(size))
      const file = describeFile(target, size, ws, statSync(target).mtimeMs)
      unlinkSync(target)
      mkdirSync(target)
      if (size <= SLICE_BYTES) expect(() => openFileBody(file).readWhole()).toThrow(/no longer a regular file/)
      await expect(drain(openFileBody(file))).rejects.toThrow(/no longer a regular file/)
      // Nor is it sent again from a fresh stat, as a file that changed would be.
      expect(() => restat(file, new FileChangedError('found changed'))).toThrow(
        new FileReadError(
          `Could not read was-${size}.bin: it is no longer a regular file (something else took its name after it ` +
            'was found). Nothing was sent or registered for it.'
        )
      )
    }
  })
})
