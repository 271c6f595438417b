/**
 * The shard partition: stable (a file's shard is fixed by its path, on every runner and in every
 * release: a changed hash would move files between shards and their manifests), balanced, and a
 * partition (every file in exactly one shard). And what `shard` accepts.
 */
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { MAX_SHARDS } from '../../src/config/constants.js'
import { InputError } from '../../src/model.js'
import { parseShard, shardOf, takeShard } from '../../src/files/shard.js'

/** 10,000 paths shaped like a docs tree: nested folders, shared base names, a few non-ASCII. */
const PATHS = Array.from({ length: 10_000 }, (_, i) => {
  const section = ['guide', 'api', 'blog', 'ref', 'häufig'][i % 5]
  return `docs/${section}/${Math.floor(i / 50)}/page-${i}.${i % 3 === 0 ? 'png' : 'html'}`
})

describe('shardOf', () => {
  it('puts known paths where this release put them (a changed hash would re-shard every tree)', () => {
    const expected: Array<[string, number[]]> = [
      // path, then its shard out of 2, 3, 4, 7 and 256
      ['docs/index.html', [0, 0, 0, 6, 212]],
      ['docs/img/logo.svg', [1, 0, 3, 3, 175]],
      ['dist/app-linux.zip', [0, 1, 2, 1, 226]],
      ["dist/with space/ünïcødé name '()+[]&.txt", [0, 2, 2, 5, 150]],
      ['C:/out/app.zip', [1, 1, 1, 0, 101]]
    ]
    for (const [path, shards] of expected) {
      expect([2, 3, 4, 7, 256].map(total => shardOf(path, total))).toEqual(shards)
    }
  })

  it('is the first 4 bytes of sha256 modulo TOTAL, as docs/sharding.md tells users to compute it', () => {
    // printf %s docs/img/logo.svg | sha256sum | cut -c1-8
    const hex = createHash('sha256').update('docs/img/logo.svg').digest('hex').slice(0, 8)
    expect(hex).toBe('9448dcaf')
    expect(shardOf('docs/img/logo.svg', 4)).toBe(Number.parseInt(hex, 16) % 4)
  })

  it('hashes the NFC spelling, so a decomposed name (as HFS+ gives) lands where the composed one does', () => {
    const composed = 'docs/ünïcødé.html'.normalize('NFC')
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    for (const total of [2, 3, 7, 256]) expect(shardOf(decomposed, total)).toBe(shardOf(composed, total))
  })

  it('is always 0 for one shard', () => {
    expect(PATHS.every(path => shardOf(path, 1) === 0)).toBe(true)
  })

  it.each([3, 4, 7])('spreads 10,000 paths evenly over %i shards (each within 5%% of an even share)', total => {
    const counts = new Array<number>(total).fill(0)
    for (const path of PATHS) counts[shardOf(path, total)]++
    const even = PATHS.length / total
    for (const count of counts) expect(Math.abs(count - even) / even).toBeLessThan(0.05)
  })
})

describe('takeShard', () => {
  const files = PATHS.map(relativePath => ({ relativePath }))

  it('hands every file to exactly one shard, each in the order it came', () => {
    for (const total of [1, 3, 4, 7]) {
      const shards = Array.from({ length: total }, (_, index) => takeShard(files, { index, total }).files)
      const all = shards.flat().map(file => file.relativePath)
      expect(all).toHaveLength(PATHS.length)
      expect(new Set(all).size).toBe(PATHS.length)
      const position = new Map(PATHS.map((path, i) => [path, i]))
      for (const shard of shards) {
        const order = shard.map(file => position.get(file.relativePath)!)
        expect(order).toEqual([...order].sort((a, b) => a - b))
      }
    }
  })

  it('never moves a file to another shard when files are added or removed', () => {
    const before = takeShard(files.slice(0, 5000), { index: 2, total: 7 }).files
    const after = takeShard(files.slice(2500), { index: 2, total: 7 }).files
    const kept = new Set(files.slice(2500, 5000).map(file => file.relativePath))
    expect(before.filter(file => kept.has(file.relativePath))).toEqual(
      after.filter(file => kept.has(file.relativePath))
    )
  })

  it('says how many of the matched files the shard took', () => {
    const taken = takeShard(files, { index: 1, total: 3 })
    expect(taken.line).toBe(`Shard 1/3: ${taken.files.length} of 10000 matched files.`)
    expect(takeShard([{ relativePath: 'docs/index.html' }], { index: 1, total: 2 })).toEqual({
      files: [],
      line: 'Shard 1/2: 0 of 1 matched files; nothing to upload in this shard.'
    })
  })

  it('without a shard, returns every file and no line', () => {
    expect(takeShard(files, undefined)).toEqual({ files })
  })
})

describe('parseShard', () => {
  it('reads INDEX/TOTAL, with spaces around the slash allowed; empty is no sharding', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, total: 4 })
    expect(parseShard(' 3 / 4 \n')).toEqual({ index: 3, total: 4 })
    expect(parseShard('0/1')).toEqual({ index: 0, total: 1 })
    expect(parseShard(`255/${MAX_SHARDS}`)).toEqual({ index: 255, total: 256 })
    expect(parseShard('')).toBeUndefined()
    expect(parseShard('  \n')).toBeUndefined()
  })

  it.each([
    ['4/4', 'INDEX must be less than TOTAL (0 to 3)'],
    ['1/1', 'INDEX must be less than TOTAL (0 to 0)'],
    ['0/0', 'TOTAL is out of range'],
    ['0/257', 'TOTAL is out of range'],
    ['0/99999999999999999999', 'TOTAL is out of range'],
    ['-1/4', 'got "-1/4".'],
    ['1.5/4', 'got "1.5/4".'],
    ['1 of 4', 'got "1 of 4".'],
    ['1/', 'got "1/".'],
    ['/4', 'got "/4".'],
    ['0/4/8', 'got "0/4/8".'],
    ['${{ strategy.job-index }}', 'got "${{ strategy.job-index }}".']
  ])('refuses "%s", naming the input, the value and what to write', (raw, why) => {
    let thrown: unknown
    try {
      parseShard(raw)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    const message = (thrown as Error).message
    expect(message).toContain(why)
    expect(message).toMatch(
      /^Input 'shard' must be INDEX\/TOTAL such as 0\/4 \(from \$\{\{ strategy\.job-index \}\}\/\$\{\{ strategy\.job-total \}\}\), with INDEX counted from 0 and TOTAL from 1 to 256; got /
    )
  })
})
