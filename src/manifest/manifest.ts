import { InputError, type LocalFile } from '../model.js'

/** Version 2 keys entries by the file's path; version 1 keyed them by asset name. */
export const MANIFEST_VERSION = 2

/** What a version 1 manifest remembered of an asset, under the name it was sent as. */
export interface LegacyEntry {
  sha256: string
  size: number
  id: string
  storage_url: string
  content_type: string
  uploaded_at: string
}

/** What the action remembers of one file it uploaded, under the file's path. */
export interface ManifestEntry extends LegacyEntry {
  /** The name the file was sent under: sent under another name now, it is sent again. */
  name: string
  /** The name Netiks recorded, when it is not the name sent. */
  recorded_name?: string
}

export interface Manifest {
  version: typeof MANIFEST_VERSION
  /** This run's, which `assets` and `legacy` were made against. */
  'base-url': string
  /** By the file's workspace-relative path, `/`-separated (absolute for a file outside it). */
  assets: Map<string, ManifestEntry>
  /** Version 1 entries, by asset name, that no file has claimed yet: a file that comes back is not sent again. */
  legacy: Map<string, LegacyEntry>
  /** Other base-urls' entries, written back as they were read: this run cannot judge them. */
  others: {
    /** The base-url the file names at its top, when it is not this run's: it stays there. */
    top?: string
    sections: Map<string, KeptSection>
  }
}

/** One base-url's entries as parsed, by key. */
export interface KeptSection {
  assets: Map<string, unknown>
  legacy: Map<string, unknown>
}

/** A matched file left alone because the manifest already holds its exact bytes. */
export interface UnchangedFile {
  file: LocalFile
  entry: ManifestEntry
}

/** The manifest cannot be read or replaced as it is: what is wrong (never what it holds) and what to do. */
export class ManifestError extends InputError {
  constructor(
    /** What is wrong, after "The manifest <path> ". */
    readonly problem: string,
    readonly advice: string
  ) {
    super(`The manifest ${problem}. ${advice}`)
    this.name = 'ManifestError'
  }
}
