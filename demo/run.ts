/**
 * npm run demo — the action's main job against the local Netiks emulator.
 * Starts the emulator, makes a workspace with sample build outputs, and runs the committed
 * bundle as a runner would: once in bulk mode (presigned URLs) and once in single mode.
 * Prints each run's outputs and checks that the emulator holds every file byte for byte.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startEmulator } from '../emulator/server.js'
import { runAction } from '../harness/run-action.js'
import { makeWorkspace, removeDir } from '../harness/workspace.js'

const SAMPLES: Record<string, string> = {
  'dist/app-linux-x64.tar.gz': 'pretend this is a linux build\n'.repeat(2000),
  'dist/app-macos-arm64.zip': 'pretend this is a macOS build\n'.repeat(3000),
  'dist/app-windows-x64.zip': 'pretend this is a windows build\n'.repeat(2500),
  'dist/checksums/SHA256SUMS.txt': 'abc123  app-linux-x64.tar.gz\n',
  'dist/debug.tmp': 'excluded by !dist/**/*.tmp',
  'docs/guide/getting started.html': '<h1>Getting started</h1>\n',
  'docs/img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n'
}

interface AssetOutput {
  path: string
  id: string
  size: number
  sha256: string
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

async function main(): Promise<number> {
  const emulator = await startEmulator()
  const workspace = await makeWorkspace(SAMPLES)
  console.log(`Netiks emulator on ${emulator.url}; workspace ${workspace}\n`)
  let problems = 0
  try {
    const jobs = [
      { title: 'bulk: release artifacts', inputs: { path: 'dist\n!dist/**/*.tmp', mode: 'bulk' } },
      { title: 'single: documentation assets', inputs: { path: 'docs', mode: 'single' } }
    ]
    for (const job of jobs) {
      const run = await runAction({
        workspace,
        inputs: {
          'api-key': emulator.apiKey,
          'base-url': emulator.url,
          concurrency: '8',
          'if-no-files-found': 'error',
          ...job.inputs
        }
      })
      console.log(`── ${job.title} ──`)
      console.log(
        run.stdout
          .split('\n')
          .filter(line => line && !line.startsWith('::debug::'))
          .join('\n')
      )
      if (run.stderr) console.log(run.stderr)
      console.log(`exit code: ${run.exitCode}`)
      console.log(`outputs.count:     ${run.outputs.count}`)
      console.log(`outputs.asset-ids: ${run.outputs['asset-ids']}`)
      const assets = JSON.parse(run.outputs.assets ?? '[]') as AssetOutput[]
      for (const asset of assets) {
        const held = emulator.state().assets.find(a => a.id === asset.id)
        const local = sha256(await readFile(path.join(workspace, asset.path)))
        const stored = held ? sha256(await readFile(emulator.assetDiskPath(held))) : 'missing'
        const ok = stored === local && asset.sha256 === local
        if (!ok) problems++
        console.log(`  ${ok ? 'held byte for byte' : 'MISMATCH'}: ${asset.path} (${asset.size} B) → ${asset.id}`)
      }
      if (run.exitCode !== 0 || assets.length === 0) problems++
      console.log('')
    }
    const { requests } = emulator.state()
    console.log(`Requests the emulator served: ${JSON.stringify(requests)}`)
  } finally {
    await emulator.close()
    await removeDir(workspace)
  }
  console.log(
    problems === 0 ? 'Demo OK: every file confirmed and held byte for byte.' : `Demo FAILED: ${problems} problem(s).`
  )
  return problems === 0 ? 0 : 1
}

process.exitCode = await main()
