/**
 * Where the time of one large bulk upload goes: one or more action bundles against `curl -T`
 * of the same file to a presigned URL, interleaved round by round (round 0 is a warm-up and is
 * not counted), on the in-process emulator. Prints per variant the wire time (median, min–max
 * and every run), its ratio to curl's, and the CPU (user + system) of the client's process and
 * of this process, the emulator, over the same runs.
 *
 *   npx tsx bench/large-study.ts --mib 512 --runs 6 --variant committed=dist/index.js
 *   npx tsx bench/large-study.ts --pin --variant committed=dist/index.js --variant nohash=/tmp/nohash/index.js
 *
 * `--pin` runs this process (the emulator) on CPU 0 and every client on CPU 1 (taskset), as if
 * the server were another machine: the client then has one core to itself, and what it does
 * per byte is what limits it. A variant is LABEL=BUNDLE; a bundle with a change to try (say,
 * `this.hash.update(slice)` taken out of dist/index.js) shows what that part costs.
 */
import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { GENERATE_PRESIGNED_PATH, startEmulator } from '../emulator/server.js'
import { REPO_ROOT, runAction } from '../harness/run-action.js'
import { writeRandomFile } from '../harness/workspace.js'
import { curlPutArgs } from './curl.js'
import { TIME_V, median, parseTimeV, span, spread } from './stats.js'
import { makeScratch } from './tree.js'

const execFileAsync = promisify(execFile)
const MiB = 1024 * 1024

const { values: args } = parseArgs({
  options: {
    mib: { type: 'string', default: '512' },
    runs: { type: 'string', default: '6' },
    variant: { type: 'string', multiple: true, default: ['committed=dist/index.js'] },
    pin: { type: 'boolean', default: false }
  }
})
const size = Number(args.mib) * MiB
const runs = Number(args.runs)
const variants = args.variant.map(text => ({
  label: text.slice(0, text.indexOf('=')),
  bundle: path.resolve(REPO_ROOT, text.slice(text.indexOf('=') + 1))
}))
if (args.pin) await execFileAsync('taskset', ['-a', '-p', '-c', '0', String(process.pid)])
const onClientCore = args.pin ? ['taskset', '-c', '1'] : []

interface Sample {
  wireMs: number
  clientCpuMs: number
  emulatorCpuMs: number
}

const scratch = await makeScratch(3 * size)
const emulator = await startEmulator({ dataDir: path.join(scratch, 'emulator') })
const ws = path.join(scratch, 'ws')
const file = path.join(ws, 'large', 'big.bin')
try {
  await writeRandomFile(file, size)
  const samples = new Map<string, Sample[]>([
    ['curl -T', []],
    ...variants.map(v => [v.label, []] as [string, Sample[]])
  ])
  for (let round = 0; round <= runs; round++) {
    const curl = await measureCurl()
    if (round > 0) samples.get('curl -T')!.push(curl)
    for (const variant of variants) {
      const sample = await measureAction(variant.label, variant.bundle)
      if (round > 0) samples.get(variant.label)!.push(sample)
    }
  }
  report(samples)
} finally {
  await emulator.close()
  await rm(scratch, { recursive: true, force: true })
}

/** The emulator's CPU while `work` runs: this process's, in ms. */
async function emulatorCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = process.cpuUsage()
  const result = await work()
  const used = process.cpuUsage(before)
  return { result, cpuMs: (used.user + used.system) / 1000 }
}

async function measureCurl(): Promise<Sample> {
  await emulator.reset()
  const response = await fetch(emulator.url + GENERATE_PRESIGNED_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': emulator.apiKey },
    body: JSON.stringify({ files: [{ name: 'big.bin', type: 'application/octet-stream', size }] })
  })
  const [entry] = (
    (await response.json()) as { presigned_urls: Array<{ presigned_url: string; content_type: string }> }
  ).presigned_urls
  const from = emulator.timeline().length
  const [time, ...timeArgs] = TIME_V
  const { result, cpuMs } = await emulatorCpu(
    async () =>
      await execFileAsync(time, [
        ...timeArgs,
        ...onClientCore,
        'curl',
        ...curlPutArgs(file, entry.content_type, entry.presigned_url)
      ])
  )
  return {
    wireMs: span(emulator.timeline().slice(from)),
    clientCpuMs: parseTimeV(result.stderr).cpuMs,
    emulatorCpuMs: cpuMs
  }
}

async function measureAction(label: string, bundle: string): Promise<Sample> {
  await emulator.reset()
  const { result: run, cpuMs } = await emulatorCpu(
    async () =>
      await runAction({
        workspace: ws,
        bundle,
        wrapper: [...TIME_V, ...onClientCore],
        inputs: {
          'api-key': emulator.apiKey,
          'base-url': emulator.url,
          path: 'large',
          mode: 'bulk',
          concurrency: '8',
          retries: '0'
        }
      })
  )
  if (run.exitCode !== 0 || emulator.store.assets.length !== 1) {
    throw new Error(`${label}: exit ${run.exitCode}\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`)
  }
  return { wireMs: span(emulator.timeline()), clientCpuMs: parseTimeV(run.stderr).cpuMs, emulatorCpuMs: cpuMs }
}

function report(samples: Map<string, Sample[]>): void {
  const curlMs = median(samples.get('curl -T')!.map(s => s.wireMs))
  console.log(
    `${args.mib} MiB, bulk, ${runs} runs${args.pin ? ', emulator on CPU 0, clients on CPU 1' : ''}: median (min–max)`
  )
  for (const [label, list] of samples) {
    const wire = list.map(s => s.wireMs)
    console.log(
      `  ${label.padEnd(12)} wire ${median(wire).toFixed(0)} ms (${spread(wire, 0)})  curl/it ${(curlMs / median(wire)).toFixed(3)}` +
        `  client cpu ${median(list.map(s => s.clientCpuMs)).toFixed(0)} ms  emulator cpu ${median(list.map(s => s.emulatorCpuMs)).toFixed(0)} ms`
    )
    console.log(`  ${''.padEnd(12)} wire ms: ${wire.map(ms => ms.toFixed(0)).join(' ')}`)
  }
}
