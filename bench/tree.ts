/** The benchmark's scratch space, and the trees of small files it uploads. */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, statfs, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export interface SmallFile {
  path: string
  name: string
  size: number
}

/**
 * What one small file takes on tmpfs, counted twice (the workspace and the emulator's copy):
 * two pages for a 1–8 KiB file, with room for its inode.
 */
export const SMALL_FILE_FOOTPRINT = 2 * 12 * 1024

/**
 * A fresh scratch folder: memory-backed where there is room for `neededBytes`, so the disk is
 * not what gets measured; the system's temp folder otherwise.
 */
export async function makeScratch(neededBytes: number): Promise<string> {
  if (existsSync('/dev/shm')) {
    const fs = await statfs('/dev/shm')
    const free = fs.bavail * fs.bsize
    if (free > neededBytes * 1.25) return await mkdtemp('/dev/shm/netiks-bench-')
    console.log(
      `/dev/shm has ${(free / 2 ** 20).toFixed(0)} MiB free, ${(neededBytes / 2 ** 20).toFixed(0)} MiB needed: ` +
        `using ${os.tmpdir()} (slower: the disk may show in the numbers)`
    )
  }
  return await mkdtemp(path.join(os.tmpdir(), 'netiks-bench-'))
}

/**
 * `count` files of 1–8 KiB under `dir`, sizes from a fixed seed so every run writes the same
 * tree. Flat (`f0000.bin`) unless `perFolder` is given: then `d000/f000000.bin`, as a docs
 * tree is spread over folders, with base names that stay unique (the action's default
 * `asset-name: basename` would otherwise report clashes, which is not what is measured here).
 * Written by a small pool of concurrent writes: 100,000 files take seconds, not minutes.
 */
export async function writeSmallFiles(dir: string, count: number, perFolder?: number): Promise<SmallFile[]> {
  const digits = String(count - 1).length
  const files: SmallFile[] = []
  let seed = 12345
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    const size = 1024 + (seed % (7 * 1024 + 1))
    const name = `f${String(i).padStart(Math.max(4, digits), '0')}.bin`
    const folder = perFolder === undefined ? '' : `d${String(Math.floor(i / perFolder)).padStart(3, '0')}`
    files.push({ path: path.join(dir, folder, name), name, size })
  }
  const folders = [...new Set(files.map(f => path.dirname(f.path)))]
  for (const folder of folders) await mkdir(folder, { recursive: true })
  await inPool(files.length, 32, async i => await writeFile(files[i].path, Buffer.alloc(files[i].size, i % 251)))
  return files
}

async function inPool(count: number, width: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) await work(next++)
  }
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker))
}
