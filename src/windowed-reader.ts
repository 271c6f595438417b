import { readSync } from 'node:fs'

/** Bytes read in one call; a record (a manifest entry) is a few hundred. */
const WINDOW_BYTES = 64 * 1024
/**
 * How far before the requested record a window starts: records are read roughly in the order
 * they were written, shuffled a little (uploads in flight), so the next may lie just before.
 */
const WINDOW_BACK_BYTES = 8 * 1024
/**
 * Windows kept: a record far from its neighbours (a file retried, a large one) costs one window
 * read, and the next record is still found in the window it left.
 */
const WINDOWS = 2

/**
 * Reads records of a file by their byte offset and length, each cut from a window of the file
 * read in one call, rather than one call per record. Never reads at or past `limit()`: what
 * lies there may not be written whole yet.
 */
export class WindowedReader {
  private readonly windows: Window[] = []

  constructor(
    private readonly fd: number,
    /** What the file is, for the error when it ends early: "the copy of the manifest /…". */
    private readonly what: string,
    private readonly limit: () => number
  ) {}

  /** The record's text (UTF-8). */
  text(offset: number, length: number): string {
    const held = this.windows.find(window => window.holds(offset, length))
    if (held !== undefined) return held.text(offset, length)
    const back = Math.min(offset, WINDOW_BACK_BYTES)
    if (back + length > WINDOW_BYTES) {
      const buffer = Buffer.allocUnsafe(length)
      this.readUpTo(buffer, offset, length, length)
      return buffer.toString('utf8')
    }
    // The window that was filled longest ago gives way; the other keeps the place reads come back to.
    const window = this.windows.length < WINDOWS ? new Window() : this.windows.shift()!
    const start = offset - back
    window.fill(start, this.readUpTo(window.buffer, start, Math.min(WINDOW_BYTES, this.limit() - start), back + length))
    this.windows.push(window)
    return window.text(offset, length)
  }

  /** Lets go of the windows' buffers. */
  clear(): void {
    this.windows.length = 0
  }

  /** Reads `wanted` bytes at `position` into `buffer`, or at least `needed` if the file ends sooner. */
  private readUpTo(buffer: Buffer, position: number, wanted: number, needed: number): number {
    let done = 0
    while (done < wanted) {
      const read = readSync(this.fd, buffer, done, wanted - done, position + done)
      if (read === 0) break
      done += read
    }
    if (done < needed) throw new Error(`${this.what} ends early`)
    return done
  }
}

/** A copy of the file's bytes from `start`, all of them below the limit when it was read. */
class Window {
  readonly buffer = Buffer.allocUnsafe(WINDOW_BYTES)
  private start = 0
  private length = 0

  fill(start: number, length: number): void {
    this.start = start
    this.length = length
  }

  holds(offset: number, length: number): boolean {
    return offset >= this.start && offset + length <= this.start + this.length
  }

  text(offset: number, length: number): string {
    return this.buffer.toString('utf8', offset - this.start, offset - this.start + length)
  }
}
