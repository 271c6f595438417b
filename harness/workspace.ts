/** Workspaces full of files for tests, the demo and the benchmark. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export async function makeWorkspace(files: Record<string, string | Buffer> = {}): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'netiks-ws-'))
  for (const [relative, content] of Object.entries(files)) await writeWorkspaceFile(root, relative, content)
  return root
}

export async function writeWorkspaceFile(root: string, relative: string, content: string | Buffer): Promise<string> {
  const target = path.join(root, relative)
  await mkdir(path.dirname(target), { recursive: true })
  await writeFile(target, content)
  return target
}

/** Writes `bytes` of pseudo-random data in 1 MiB chunks (never one big buffer). */
export async function writeRandomFile(target: string, bytes: number): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true })
  const handle = await open(target, 'w')
  try {
    const chunk = Buffer.alloc(1024 * 1024)
    for (let written = 0; written < bytes; written += chunk.length) {
      for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((Math.random() * 0xffffffff) >>> 0, i)
      await handle.write(chunk, 0, Math.min(chunk.length, bytes - written))
    }
  } finally {
    await handle.close()
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
