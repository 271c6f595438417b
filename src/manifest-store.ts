import { closeSync, fstatSync, openSync, rmSync } from 'node:fs'
import { copyFile, mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import type { ManifestEntry } from './manifest.js'
import { WindowedReader } from './windowed-reader.js'

/**
 * The previous manifest's entries, left in a private copy of the file and read back when a
 * field is wanted, instead of 100,000 parsed entries on the heap (some 45 MB, more than the
 * list of files itself). The copy, not the manifest, is read: the manifest is replaced at the
 * end of the run while its entries are still being read, and Windows does not replace a file
 * that is open.
 */
export class EntryStore {
  private fd: number | undefined
  private reader: WindowedReader | undefined
  private lastOffset = -1
  private lastEntry: ManifestEntry | undefined

  private constructor(
    private readonly folder: string,
    /** The copy of the manifest. */
    readonly file: string
  ) {}

  /** A copy of `manifest` in a new folder under `parent`. */
  static async copyOf(manifest: string, parent: string): Promise<EntryStore> {
    const folder = await mkdtemp(path.join(parent, 'netiks-manifest-'))
    const store = new EntryStore(folder, path.join(folder, 'manifest.json'))
    try {
      await copyFile(manifest, store.file)
      const fd = openSync(store.file, 'r')
      store.fd = fd
      const size = fstatSync(fd).size
      store.reader = new WindowedReader(fd, `the copy of the manifest ${store.file}`, () => size)
      return store
    } catch (error) {
      store.close()
      throw error
    }
  }

  /** The entry whose JSON text is at bytes `offset` to `offset + length` of the copy. */
  entryAt(offset: number, length: number): ManifestEntry {
    if (offset === this.lastOffset) return this.lastEntry!
    if (this.reader === undefined) throw new Error('the manifest entries were read after they were released')
    const entry = JSON.parse(this.reader.text(offset, length)) as ManifestEntry
    this.lastOffset = offset
    this.lastEntry = entry
    return entry
  }

  /**
   * Closes and removes the copy. Never throws: the run is reported by then, and a copy that
   * cannot be removed yet (on Windows, while an antivirus or the indexer holds the file it saw
   * written) is left to the runner, which empties RUNNER_TEMP after the job.
   */
  close(): void {
    const fd = this.fd
    this.fd = undefined
    this.reader = undefined
    this.lastOffset = -1
    this.lastEntry = undefined
    try {
      if (fd !== undefined) closeSync(fd)
      rmSync(this.folder, { recursive: true, force: true })
    } catch {
      // Left in RUNNER_TEMP: see above.
    }
  }
}

/**
 * An entry of the previous manifest as the action wrote it, read from the store when one of
 * its fields is wanted: the same fields as a parsed entry, and the same JSON.
 */
export class StoredEntry implements ManifestEntry {
  constructor(
    private readonly store: EntryStore,
    private readonly offset: number,
    private readonly length: number
  ) {}

  get name(): string {
    return this.read().name
  }
  get recorded_name(): string | undefined {
    return this.read().recorded_name
  }
  get sha256(): string {
    return this.read().sha256
  }
  get size(): number {
    return this.read().size
  }
  get id(): string {
    return this.read().id
  }
  get storage_url(): string {
    return this.read().storage_url
  }
  get content_type(): string {
    return this.read().content_type
  }
  get uploaded_at(): string {
    return this.read().uploaded_at
  }

  /** What JSON.stringify writes: the entry as it is in the file. */
  toJSON(): ManifestEntry {
    return this.read()
  }

  private read(): ManifestEntry {
    return this.store.entryAt(this.offset, this.length)
  }
}
