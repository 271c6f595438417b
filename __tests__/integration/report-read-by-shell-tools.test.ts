/**
 * The report's files and outputs read back by the tools a later step uses: the checksums file
 * by GNU `sha256sum -c`, a full list output by the shell through one environment variable.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseOutputFile } from '../../harness/run-action.js'
import { writeRecordFiles } from '../../src/report/assets-file.js'
import { OUTPUT_BUDGET, writeOutputs } from '../../src/report/outputs.js'
import type { RunResult } from '../../src/report/records.js'
import type { ConfirmedUpload } from '../../src/model.js'
import { Cleanups, posixOnly, sha256, withProgram } from '../support/helpers.js'
import { confirmed, failed } from '../support/records.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

const tempDir = async (): Promise<string> => await cleanups.tempDir('netiks-report-')

describe('the checksums file', () => {
  const names = [
    'plain.txt',
    ' leading space.txt',
    '*starts with a star.txt',
    'two  spaces.txt',
    'back\\slash.txt',
    'line\nfeed.txt',
    'carriage\rreturn.txt',
    'ünïcödé €.txt'
  ]

  withProgram(
    it,
    'sha256sum',
    'the checksums file is checked by GNU sha256sum -c'
  )('escapes names as GNU sha256sum does, so that sha256sum -c reads every one back', async () => {
    const dir = await tempDir()
    const uploads: ConfirmedUpload[] = []
    const made: string[] = []
    for (const [index, name] of names.entries()) {
      // A name the file system refuses (Windows: \, *, line feed, carriage return) names no file there.
      const written = await writeFile(path.join(dir, name), `content ${index}`).then(
        () => true,
        () => false
      )
      if (!written) continue
      made.push(name)
      uploads.push({ ...confirmed(name), sha256: sha256(`content ${index}`) })
    }
    expect(made).toEqual(expect.arrayContaining(names.filter(name => !/[\\*\n\r]/.test(name))))
    const { checksumsFile } = await writeRecordFiles({ confirmed: uploads, failed: [] }, await tempDir())
    const list = await readFile(checksumsFile, 'utf8')
    await writeFile(path.join(dir, 'checksums.sha256'), list)
    const check = spawnSync('sha256sum', ['--check', '--strict', 'checksums.sha256'], { cwd: dir, encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
    expect(check.stdout.trimEnd().split('\n')).toHaveLength(made.length)
    // Byte for byte what sha256sum itself writes, for the escapes every GNU version has.
    for (const name of ['plain.txt', 'back\\slash.txt', 'line\nfeed.txt', ' leading space.txt']) {
      if (made.includes(name)) {
        expect(list).toContain(execFileSync('sha256sum', ['--', name], { cwd: dir, encoding: 'utf8' }))
      }
    }
  })
})

describe('the list outputs', () => {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
  })
  afterEach(() => {
    process.env = saved
  })

  for (const [output, variable] of [
    ['asset-ids', 'ASSET_IDS'],
    ['failed', 'NETIKS_FAILED_FILES_OF_THIS_RUN']
  ] as const) {
    posixOnly(it, 'the 128 KiB limit on one environment string is Linux’s')(
      `a full '${output}' output still fits in one env: value (Linux refuses a NAME=value over 128 KiB)`,
      async () => {
        const dir = await tempDir()
        process.env.RUNNER_TEMP = dir
        process.env.GITHUB_OUTPUT = path.join(dir, 'output')
        await writeFile(process.env.GITHUB_OUTPUT, '')
        // Short elements after a long one: the list is cut within an element of its budget.
        const paths = ['x'.repeat(1000), ...Array.from({ length: 20_000 }, (_, i) => String(i))]
        const result: RunResult =
          output === 'failed'
            ? { confirmed: [], failed: paths.map(p => failed(p, '')) }
            : { confirmed: paths.map(p => ({ ...confirmed(p), assetId: p })), failed: [] }
        const written = await writeOutputs(result)
        expect(written.problem).toBeUndefined()
        const outputs = parseOutputFile(await readFile(process.env.GITHUB_OUTPUT, 'utf8'))
        const json = outputs[output]
        expect(outputs['outputs-truncated']).toBe('true')
        expect((JSON.parse(json) as unknown[]).length).toBeLessThan(paths.length)
        expect(Buffer.byteLength(json)).toBeLessThanOrEqual(OUTPUT_BUDGET[output])
        expect(Buffer.byteLength(json)).toBeGreaterThan(OUTPUT_BUDGET[output] - 80)
        const child = spawnSync('sh', ['-c', `printf %s "$${variable}" | wc -c`], {
          env: { PATH: process.env.PATH, [variable]: json },
          encoding: 'utf8'
        })
        expect(child.error).toBeUndefined()
        expect(child.status).toBe(0)
        expect(Number(child.stdout.trim())).toBe(Buffer.byteLength(json))
      }
    )
  }

  it('the three budgets stay within half of GitHub’s 1 MB of outputs per job', () => {
    expect(Object.values(OUTPUT_BUDGET).reduce((sum, budget) => sum + budget, 0)).toBeLessThanOrEqual(512 * 1024)
  })
})
