/**
 * Sharding: splitting one sync across the jobs of a matrix. Each file belongs to exactly one
 * shard, chosen by a hash of its workspace-relative path alone, so the partition is the same on
 * every runner and every run, and adding or removing a file never moves another.
 */
import { createHash } from 'node:crypto'
import { Input, MAX_SHARDS } from '../config/constants.js'
import { InputError } from '../model.js'

/** This job's part of the files: shard `index` (0-based) of `total`. */
export interface Shard {
  index: number
  total: number
}

/** Reads `INDEX/TOTAL`; empty means no sharding. Throws an InputError that says what to write. */
export function parseShard(raw: string): Shard | undefined {
  const text = raw.trim()
  if (text === '') return undefined
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(text)
  const usage =
    `Input '${Input.Shard}' must be INDEX/TOTAL such as 0/4 (from \${{ strategy.job-index }}/\${{ strategy.job-total }}), ` +
    `with INDEX counted from 0 and TOTAL from 1 to ${MAX_SHARDS}`
  if (!match) throw new InputError(`${usage}; got "${text}".`)
  const index = Number(match[1])
  const total = Number(match[2])
  if (!Number.isSafeInteger(total) || total < 1 || total > MAX_SHARDS) {
    throw new InputError(`${usage}; got "${text}", whose TOTAL is out of range.`)
  }
  if (!Number.isSafeInteger(index) || index >= total) {
    throw new InputError(
      `${usage}; got "${text}": INDEX must be less than TOTAL (0 to ${total - 1}), as strategy.job-index is.`
    )
  }
  return { index, total }
}

/**
 * The shard (0 to total - 1) a path belongs to: the first four bytes of the SHA-256 of its
 * UTF-8 bytes (in Unicode NFC, so a macOS file system that hands out decomposed names agrees
 * with Linux), as a big-endian number, modulo total. Reproducible in a shell:
 * `printf %s "$path" | sha256sum | cut -c1-8`, then that hex number modulo TOTAL.
 */
export function shardOf(relativePath: string, total: number): number {
  const digest = createHash('sha256').update(relativePath.normalize('NFC'), 'utf8').digest()
  return digest.readUInt32BE(0) % total
}

/** The files come named over every matched file, so a file's name does not depend on which shard sends it. */
export function takeShard<T extends { relativePath: string }>(
  files: T[],
  shard: Shard | undefined
): { files: T[]; line?: string } {
  if (shard === undefined) return { files }
  const mine = files.filter(file => shardOf(file.relativePath, shard.total) === shard.index)
  const none = mine.length === 0 ? '; nothing to upload in this shard' : ''
  return {
    files: mine,
    line: `Shard ${shard.index}/${shard.total}: ${mine.length} of ${files.length} matched files${none}.`
  }
}
