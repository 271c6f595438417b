/** The emulator action's inputs and metadata: what main passes to the emulator CLI, and what action.yml declares. */
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { EmulatorInput, EmulatorOutput, cliArgs, getEmulatorInputs } from '../../emulator/action/inputs.js'
import { REPO_ROOT } from '../../harness/run-action.js'
import { setInputs } from '../support/helpers.js'

describe('emulator action: inputs', () => {
  it('passes every input to the emulator CLI flag of the same name', () => {
    const given: Record<EmulatorInput, string> = {
      [EmulatorInput.ApiKey]: 'ne-Other',
      [EmulatorInput.Port]: '9123',
      [EmulatorInput.UrlTtl]: '60',
      [EmulatorInput.Faults]: 'rate=0.1,seed=7',
      [EmulatorInput.ExpiredBatches]: '2',
      [EmulatorInput.AlwaysFail]: 'a.zip\nb.zip, c.zip',
      [EmulatorInput.LatencyMs]: '15',
      [EmulatorInput.ThrottleKibps]: '512',
      [EmulatorInput.Idempotency]: 'true',
      [EmulatorInput.S3EarlyAnswer]: 'true',
      [EmulatorInput.S3Dialect]: 'radosgw'
    }
    const unset = setInputs(given)
    try {
      const args = cliArgs(getEmulatorInputs(), { dataDir: 'D', readyFile: 'R' })
      expect(args.join(' ')).toBe(
        '--host 127.0.0.1 --port 9123 --api-key ne-Other --url-ttl 60 --data-dir D --ready-file R ' +
          '--faults rate=0.1,seed=7 --expired-batches 2 --always-fail a.zip --always-fail b.zip ' +
          '--always-fail c.zip --latency-ms 15 --throttle-kibps 512 --s3-dialect radosgw --idempotency --s3-early-answer'
      )
      for (const name of Object.values(EmulatorInput)) expect(args).toContain(`--${name}`)
    } finally {
      unset()
    }
  })

  it('the e2e workflow starts it with inputs it declares and reads outputs it writes', async () => {
    // actionlint does not read local actions' metadata, so this is checked here.
    const text = await readFile(path.join(REPO_ROOT, '.github', 'workflows', 'e2e.yml'), 'utf8')
    const workflow = parse(text) as { jobs: Record<string, { steps?: Array<{ uses?: string; with?: object }> }> }
    const steps = Object.values(workflow.jobs).flatMap(job => job.steps ?? [])
    const emulatorSteps = steps.filter(step => step.uses === './emulator')
    expect(emulatorSteps.length).toBeGreaterThan(0)
    const declared: string[] = Object.values(EmulatorInput)
    for (const step of emulatorSteps)
      expect(Object.keys(step.with ?? {}).filter(n => !declared.includes(n))).toEqual([])
    const read = [...text.matchAll(/steps\.emulator\.outputs\.([a-z-]+)/g)].map(match => match[1])
    expect(read.length).toBeGreaterThan(0)
    expect(read.filter(name => !(Object.values(EmulatorOutput) as string[]).includes(name))).toEqual([])
  })

  it('emulator/action.yml declares exactly the inputs and outputs the code reads and writes', async () => {
    const action = parse(await readFile(path.join(REPO_ROOT, 'emulator', 'action.yml'), 'utf8')) as {
      runs: Record<string, string>
      inputs: Record<string, { description: string; default?: string }>
      outputs: Record<string, { description: string }>
    }
    expect(action.runs).toEqual({
      using: 'node24',
      main: '../dist/emulator/main/index.js',
      post: '../dist/emulator/post/index.js'
    })
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(EmulatorInput).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(EmulatorOutput).sort())
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect(entry.description.trim().length).toBeGreaterThan(20)
    }
  })
})
