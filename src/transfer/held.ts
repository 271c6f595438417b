import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import type { ConfirmedUpload, LocalFile } from '../netiks/types.js'
import { WindowedReader } from '../windowed-reader.js'

/** What Netiks answered for a confirmed file, beyond what the run needs to decide anything. */
export interface AssetDetails {
  assetId: string
  storageUrl: string
  contentType: string
  sha256: string
}

/**
 * A confirmed file as the run keeps it until the report: the file, the name Netiks recorded
 * and whether it may be registered twice, in memory; the asset's details on demand.
 */
export interface HeldUpload {
  readonly file: LocalFile
  readonly recordedName: string
  readonly possibleDuplicate: boolean
  details(): AssetDetails
}

/** Keeps a confirmed upload until the report. */
export type Holder = (upload: ConfirmedUpload) => HeldUpload

/** Everything in memory: for a handful of files, and for tests. */
export function holdInMemory(upload: ConfirmedUpload): HeldUpload {
  const { assetId, storageUrl, contentType, sha256 } = upload
  return {
    file: upload.file,
    recordedName: upload.recordedName,
    possibleDuplicate: upload.possibleDuplicate,
    details: () => ({ assetId, storageUrl, contentType, sha256 })
  }
}

/**
 * The details of every confirmed file past the first `inMemory`, written to a file as they are
 * confirmed and read back for the report, so that memory does not grow with the number of
 * files: an asset's id, storage URL and sha256 take some 300 bytes of heap each, 30 MiB at
 * 100,000 files, and a garbage-collected heap holds about twice its live size. The first ones
 * stay in memory (a bounded MiB or so): the write and the four or five reads the report makes
 * of each record cost a run of a thousand small files about 4 % of its CPU. Writes and reads
 * are synchronous: a line of a few hundred bytes to a local file costs microseconds, and a
 * confirmed file is then on disk before anything else runs, whenever the run is cut short.
 */
export class DetailsSpool {
  private readonly fd: number
  private end = 0
  private closed = false

  private failed = false
  /** Confirmed uploads held in memory so far, up to `inMemory`. */
  private heldInMemory = 0
  /** Reads back only what was written whole: nothing at or after `end`. */
  private readonly reader: WindowedReader

  constructor(
    private readonly path: string,
    /** Told once, when a write fails and confirmed uploads are kept in memory from then on. */
    private readonly onFallback: (error: unknown) => void = () => undefined,
    /** Confirmed uploads kept in memory before the spool takes the rest. */
    private readonly inMemory = 0
  ) {
    this.fd = openSync(path, 'w+', 0o600)
    this.reader = new WindowedReader(this.fd, `the details spool ${path}`, () => this.end)
  }

  /**
   * Writes the details and hands back a handle; if the spool cannot be written (disk full, an
   * I/O error), keeps this and every later upload in memory instead: a confirmed asset is
   * never lost because the spool failed. A record is only ever read once written whole.
   */
  readonly hold: Holder = upload => {
    if (this.heldInMemory < this.inMemory) {
      this.heldInMemory++
      return holdInMemory(upload)
    }
    if (this.failed || this.closed) return holdInMemory(upload)
    const line = Buffer.from(
      `${JSON.stringify([upload.assetId, upload.storageUrl, upload.contentType, upload.sha256])}\n`
    )
    try {
      for (let done = 0; done < line.length;) {
        done += writeSync(this.fd, line, done, line.length - done, this.end + done)
      }
    } catch (error) {
      // Nothing at or after `end` is ever read: a partial line there is harmless.
      this.failed = true
      this.onFallback(error)
      return holdInMemory(upload)
    }
    const held = new SpooledUpload(
      this,
      upload.file,
      upload.recordedName,
      upload.possibleDuplicate,
      this.end,
      line.length - 1
    )
    this.end += line.length
    return held
  }

  /**
   * The details written at `offset`. The report reads every record several times over (outputs,
   * assets file, checksums, summary), in path order, which is close to the order they were
   * written in: a record is cut from a window of the file read in one call, rather than read
   * with one call of its own each (a thousand files were five thousand reads).
   */
  read(offset: number, length: number): AssetDetails {
    if (this.closed) throw new Error('the details spool was read after it was closed')
    const [assetId, storageUrl, contentType, sha256] = JSON.parse(this.reader.text(offset, length)) as string[]
    return { assetId, storageUrl, contentType, sha256 }
  }

  /** Closes and removes the file; only once the report is written. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.reader.clear()
    closeSync(this.fd)
    rmSync(this.path, { force: true })
  }
}

/** One confirmed file whose details are in the spool: a few fields, no strings of its own. */
class SpooledUpload implements HeldUpload {
  constructor(
    private readonly spool: DetailsSpool,
    readonly file: LocalFile,
    readonly recordedName: string,
    readonly possibleDuplicate: boolean,
    private readonly offset: number,
    private readonly length: number
  ) {}

  details(): AssetDetails {
    return this.spool.read(this.offset, this.length)
  }
}
