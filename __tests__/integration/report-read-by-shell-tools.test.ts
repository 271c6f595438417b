/**
 * The report's files and outputs read back by the tools a later step uses: the checksums file
 * by GNU `sha256sum -c`, a full list output by the shell through one environment variable.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { checksumLine } from '../../src/report/assets-file.js'
import { OUTPUT_BUDGET, jsonArrayWithin } from '../../src/report/outputs.js'
import { posixOnly, removeDir, sha256 } from '../support/helpers.js'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netiks-report-'))
  cleanups.push(() => removeDir(dir))
  return dir
}

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

  posixOnly(it, 'Windows file names cannot hold \\, line feeds or carriage returns')(
    'escapes names as GNU sha256sum does, so that sha256sum -c reads every one back',
    async () => {
      const dir = await tempDir()
      let list = ''
      for (const [index, name] of names.entries()) {
        await writeFile(path.join(dir, name), `content ${index}`)
        list += checksumLine(sha256(`content ${index}`), name)
      }
      await writeFile(path.join(dir, 'checksums.sha256'), list)
      const check = spawnSync('sha256sum', ['--check', '--strict', 'checksums.sha256'], { cwd: dir, encoding: 'utf8' })
      if (check.error) {
        console.warn(`SKIPPED the sha256sum -c check: ${check.error.message}`)
        return
      }
      expect(check.stderr).toBe('')
      expect(check.status).toBe(0)
      expect(check.stdout.trimEnd().split('\n')).toHaveLength(names.length)
      // Byte for byte what sha256sum itself writes, for the escapes every GNU version has.
      for (const name of ['plain.txt', 'back\\slash.txt', 'line\nfeed.txt', ' leading space.txt']) {
        expect(checksumLine(sha256(`content ${names.indexOf(name)}`), name)).toBe(
          execFileSync('sha256sum', ['--', name], { cwd: dir, encoding: 'utf8' })
        )
      }
    }
  )
})

describe('the list outputs', () => {
  for (const [output, variable] of [
    ['asset-ids', 'ASSET_IDS'],
    ['failed', 'NETIKS_FAILED_FILES_OF_THIS_RUN']
  ] as const) {
    posixOnly(it, 'the 128 KiB limit on one environment string is Linux’s')(
      `a full '${output}' output still fits in one env: value (Linux refuses a NAME=value over 128 KiB)`,
      () => {
        // One long element, then empty strings (3 bytes each with the comma): they fill the
        // budget to the byte, as the worst case does.
        const first = 'x'.repeat(1000 + ((OUTPUT_BUDGET[output] - 1004) % 3))
        const items = [first, ...Array.from({ length: 100_000 }, () => '')]
        const { json, count } = jsonArrayWithin(items, OUTPUT_BUDGET[output])
        expect(count).toBeLessThan(items.length)
        expect(Buffer.byteLength(json)).toBe(OUTPUT_BUDGET[output])
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
