import { open, type FileHandle } from 'node:fs/promises'

const CHUNK_CHARS = 64 * 1024

/** In chunks: never the whole text at once. */
export async function writeText(file: string, pieces: Iterable<string>): Promise<void> {
  const handle = await open(file, 'w')
  try {
    let chunk = ''
    for (const piece of pieces) {
      chunk += piece
      if (chunk.length >= CHUNK_CHARS) {
        await writeAll(handle, chunk)
        chunk = ''
      }
    }
    if (chunk !== '') await writeAll(handle, chunk)
  } finally {
    await handle.close()
  }
}

/** A full disk takes what fits and fails only the next write: the rest is written again until taken or refused. */
async function writeAll(handle: FileHandle, text: string): Promise<void> {
  let bytes = Buffer.from(text, 'utf8')
  while (bytes.length > 0) {
    const { bytesWritten } = await handle.write(bytes, 0, bytes.length)
    if (bytesWritten <= 0) throw new Error(`the file system took none of the last ${bytes.length} bytes`)
    bytes = bytes.subarray(bytesWritten)
  }
}
