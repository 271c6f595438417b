/**
 * A hostile review of issue 23's merge, through the committed bundle as a runner runs it: where
 * the file search's left-out entries meet the other report paths (a refused run, a run that
 * found nothing to upload, a manifest that cannot be written), the step says what happened,
 * once, with each name escaped once.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmod, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { workflowCommandsIn } from '../../harness/workflow-commands.js'
import { Cleanups, FAST_CLOCKS, NEEDS_MODE_BITS, failedOf, posixOnly } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

function inputs(emulator: Emulator, overrides: Record<string, string> = {}): Record<string, string> {
  return { 'api-key': emulator.apiKey, 'base-url': emulator.url, path: 'dist', retries: '1', ...overrides }
}

/** The data of each ::error:: line, as the runner decodes it (annotations with a title included). */
function errors(run: ActionRun): string[] {
  return workflowCommandsIn(run.stdout)
    .filter(command => command.name === 'error')
    .map(command => command.data)
}

/** A file whose name is not valid UTF-8: the search leaves it out and names it in 'failed'. */
function writeBadlyNamedFile(folder: string): void {
  // Through the shell: Node writes every path as UTF-8 and cannot make such a name itself.
  execFileSync('sh', ['-c', `printf x > "$1/$(printf 'bad\\377.txt')"`, 'sh', folder])
}

describe('left-out entries and the closing error', () => {
  posixOnly(it, 'Windows cannot hold a name that is not valid UTF-8')(
    'a run refused before any request (a 6 GiB file in bulk mode) names the left-out entries in its one error too',
    async () => {
      const emulator = await cleanups.emulator({})
      const ws = await cleanups.workspace({ 'dist/a.txt': 'aaa' })
      writeBadlyNamedFile(path.join(ws, 'dist'))
      const huge = path.join(ws, 'dist/huge.bin')
      await writeFile(huge, '')
      await truncate(huge, 6 * 1024 ** 3)
      const run = await runAction({ workspace: ws, inputs: inputs(emulator, { mode: 'bulk' }), env: FAST_CLOCKS })
      expect(run.exitCode).toBe(1)
      expect(emulator.state().requests).toEqual({ upload: 0, generate: 0, put: 0, confirm: 0, other: 0 })
      // The outputs list the left-out entry among the failures: so does the step's one error.
      expect(failedOf(run).map(failure => [failure.path, failure.step])).toEqual([
        ['dist/a.txt', 'not-started'],
        ['dist/bad\\xff.txt', 'not-started'],
        ['dist/huge.bin', 'refused']
      ])
      const said = errors(run)
      expect(said).toHaveLength(1)
      expect(said[0]).toMatch(/^dist\/huge\.bin \(6442450944 bytes\) is larger than 5 GiB/)
      expect(said[0]).toContain('1 matched entry was left out by the file search and not uploaded: dist/bad\\xff.txt')
    }
  )

  posixOnly(it, 'Windows cannot hold a name that is not valid UTF-8')(
    "if-no-files-found: error with only a left-out entry still writes the 'failed' output its warning points to",
    async () => {
      const emulator = await cleanups.emulator({})
      const ws = await cleanups.workspace({ 'dist/.keep-me-hidden': '' })
      writeBadlyNamedFile(path.join(ws, 'dist'))
      const run = await runAction({
        workspace: ws,
        inputs: inputs(emulator, { 'if-no-files-found': 'error' }),
        env: FAST_CLOCKS
      })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain("the one 'path' matched is in the 'failed' output")
      expect(run.outputs.count).toBe('0')
      expect(failedOf(run).map(failure => [failure.path, failure.step])).toEqual([['dist/bad\\xff.txt', 'not-started']])
      expect(errors(run)).toEqual([
        'No regular file to upload was found (dist/bad\\xff.txt cannot be looked at; dist/.keep-me-hidden is hidden) ' +
          'with the provided path: dist. No assets will be uploaded.'
      ])
    }
  )
})

describe('names in the error that nothing was found', () => {
  posixOnly(it, 'Windows has no FIFOs in the file system')(
    'are escaped once, as in the warning that names them',
    async () => {
      const emulator = await cleanups.emulator({})
      const ws = await cleanups.workspace({ 'dist/.gitkeep': '' })
      execFileSync('mkfifo', [path.join(ws, 'dist', 'p\nq%')])
      const run = await runAction({ workspace: ws, inputs: inputs(emulator), env: FAST_CLOCKS })
      expect(run.exitCode).toBe(1)
      const warnings = workflowCommandsIn(run.stdout).filter(command => command.name === 'warning')
      expect(warnings.map(command => command.data)).toEqual([
        'Skipping 1 matched entry that is not a regular file: dist/p%0Aq%25 (a FIFO). Only regular files are uploaded.'
      ])
      expect(errors(run)).toEqual([
        'No regular file to upload was found (dist/p%0Aq%25 is a FIFO; dist/.gitkeep is hidden) with the provided ' +
          'path: dist. No assets will be uploaded.'
      ])
    }
  )
})

describe('a manifest that cannot be written after the uploads', () => {
  // A folder with the sticky bit (as /tmp) lets the job write in it but not replace a file of
  // another user's: the check before the uploads passes, the write after them fails.
  posixOnly(it, NEEDS_MODE_BITS)(
    'fails the step with one closing error that says so, with the failed files',
    async () => {
      const emulator = await cleanups.emulator({ alwaysFail: ['b.txt'] })
      const ws = await cleanups.workspace({ 'dist/a.txt': 'aaa', 'dist/b.txt': 'bbbb' })
      await writeFile(
        path.join(ws, 'manifest.json'),
        JSON.stringify({ version: 2, 'base-url': 'https://elsewhere.example', assets: {} })
      )
      await chmod(ws, 0o1777)
      await chmod(path.join(ws, 'dist'), 0o755)
      await chmod(path.join(ws, 'manifest.json'), 0o644)
      const run = await runAction({
        workspace: ws,
        inputs: inputs(emulator, { manifest: 'manifest.json' }),
        env: FAST_CLOCKS,
        unprivileged: true
      })
      expect(run.exitCode).toBe(1)
      expect(emulator.state().assets.map(asset => asset.asset_name)).toEqual(['a.txt'])
      const closing = workflowCommandsIn(run.stdout).filter(
        command => command.name === 'error' && command.properties.title === undefined
      )
      expect(closing.map(command => command.data)).toEqual([
        '1 of 2 files was not uploaded; 1 was confirmed and is in the outputs. Every failed file and why is in the ' +
          "'failed' output and the 'assets-file', and the job summary groups them by cause. Could not write the " +
          'manifest manifest.json (EPERM): the next run will upload every file of this one again.'
      ])
    }
  )
})
