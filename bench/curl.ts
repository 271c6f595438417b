/**
 * The curl baselines: the same uploads as the action, made by raw curl against the same
 * emulator. curl runs asynchronously, since the emulator shares this process's event loop.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { GENERATE_PRESIGNED_PATH, UPLOAD_FILE_PATH, type Emulator } from '../emulator/server.js'
import type { SmallFile } from './tree.js'

const execFileAsync = promisify(execFile)

/** Files per generate call, as the action batches them. */
export const GENERATE_BATCH = 50

interface PresignedEntry {
  file_name: string
  presigned_url: string
  storage_url: string
  s3_path: string
  content_type: string
}

interface FileDescription {
  name: string
  type: string
  size: number
}

/** One presigned URL for `file`, asked for with fetch: the bulk baseline does not time it. */
export async function presign(emulator: Emulator, file: FileDescription): Promise<PresignedEntry> {
  const response = await fetch(emulator.url + GENERATE_PRESIGNED_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': emulator.apiKey },
    body: JSON.stringify({ files: [file] })
  })
  if (!response.ok) throw new Error(`generate: HTTP ${response.status}`)
  return ((await response.json()) as { presigned_urls: PresignedEntry[] }).presigned_urls[0]
}

/** `curl -T`: one PUT of `file` to its presigned URL. */
export async function curlPut(entry: PresignedEntry, file: string): Promise<void> {
  await curl([
    '-sS',
    '-f',
    '-o',
    '/dev/null',
    '-T',
    file,
    '-H',
    `Content-Type: ${entry.content_type}`,
    entry.presigned_url
  ])
}

/** `curl -F`: one multipart upload of `file`, as single mode sends it. */
export async function curlForm(emulator: Emulator, file: string): Promise<void> {
  await curl([
    '-sS',
    '-f',
    '-o',
    '/dev/null',
    '-H',
    `x-api-key: ${emulator.apiKey}`,
    '-F',
    `file=@${file};type=application/octet-stream`,
    emulator.url + UPLOAD_FILE_PATH
  ])
}

/**
 * Every file uploaded in three waves of `concurrency` parallel requests: every generate call,
 * then every PUT, then every confirm. Reading the answers and writing the next wave's list is
 * part of working in waves, so the caller times all of it.
 */
export async function curlThreeWaves(
  emulator: Emulator,
  files: SmallFile[],
  concurrency: number,
  dir: string
): Promise<void> {
  await mkdir(dir, { recursive: true })
  const batches: SmallFile[][] = []
  for (let i = 0; i < files.length; i += GENERATE_BATCH) batches.push(files.slice(i, i + GENERATE_BATCH))
  const answer = (i: number): string => path.join(dir, `generated-${i}.json`)
  const generates = batches.map((batch, i) =>
    [
      `url = ${quote(emulator.url + GENERATE_PRESIGNED_PATH)}`,
      `header = ${quote(`x-api-key: ${emulator.apiKey}`)}`,
      'header = "Content-Type: application/json"',
      `data = ${quote(JSON.stringify({ files: batch.map(describe) }))}`,
      `output = ${quote(answer(i))}`
    ].join('\n')
  )
  await wave(path.join(dir, 'generate.cfg'), generates, concurrency)

  const entries: PresignedEntry[] = []
  for (let i = 0; i < batches.length; i++) {
    const generated = JSON.parse(await readFile(answer(i), 'utf8')) as { presigned_urls: PresignedEntry[] }
    entries.push(...generated.presigned_urls)
  }
  // One operation of URL and file pairs: the small files are all described as octet-stream.
  const puts = entries.map(
    (e, i) => `upload-file = ${quote(files[i].path)}\nurl = ${quote(e.presigned_url)}\noutput = "/dev/null"`
  )
  await wave(
    path.join(dir, 'puts.cfg'),
    ['header = "Content-Type: application/octet-stream"\n' + puts.join('\n')],
    concurrency
  )

  const confirms = entries.map((e, i) =>
    [
      `url = ${quote(emulator.url + UPLOAD_FILE_PATH)}`,
      `header = ${quote(`x-api-key: ${emulator.apiKey}`)}`,
      'header = "Content-Type: application/json"',
      `data = ${quote(JSON.stringify({ is_presigned: true, ...e, file_size: files[i].size }))}`,
      'output = "/dev/null"'
    ].join('\n')
  )
  await wave(path.join(dir, 'confirms.cfg'), confirms, concurrency)
}

/**
 * One wave: a curl config of operations, run with `concurrency` requests in flight. `fail` in
 * each: `next` starts an operation afresh, without the command line's -f.
 */
async function wave(config: string, operations: string[], concurrency: number): Promise<void> {
  await writeFile(config, operations.map(op => `fail\n${op}`).join('\nnext\n') + '\n')
  await curl(['-sS', '-f', '--no-progress-meter', '--parallel', '--parallel-max', String(concurrency), '-K', config])
}

function describe(file: SmallFile): FileDescription {
  return { name: file.name, type: 'application/octet-stream', size: file.size }
}

async function curl(args: string[]): Promise<void> {
  await execFileAsync('curl', args, { maxBuffer: 64 * 1024 * 1024 })
}

/** A value for a curl config file, quoted as curl reads it. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}
