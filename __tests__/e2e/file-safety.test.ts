/**
 * What the file search lets leave the runner (issue 23, points 1, 2, 11, 12), proved through the
 * committed bundle as a runner runs it, against the emulator: what Netiks holds afterwards, and
 * what the step says about what it left out.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import { runAction, type ActionRun } from '../../harness/run-action.js'
import { Cleanups, assetsOf, failedOf, posixOnly } from '../support/helpers.js'

const cleanups = new Cleanups()
afterEach(async () => await cleanups.run())

let emulator: Emulator

async function run(ws: string, inputs: Record<string, string>): Promise<ActionRun> {
  emulator ??= await cleanups.emulator({})
  return await runAction({
    workspace: ws,
    inputs: {
      'api-key': emulator.apiKey,
      'base-url': emulator.url,
      mode: 'auto',
      'if-no-files-found': 'error',
      'asset-name': 'relative',
      ...inputs
    }
  })
}

afterEach(() => {
  emulator = undefined as unknown as Emulator
})

/** What Netiks holds: each asset's name and the bytes it holds. */
function held(): Record<string, string> {
  const assets: Record<string, string> = {}
  for (const asset of emulator.state().assets) {
    assets[asset.asset_name] = readFileSync(emulator.assetDiskPath(asset), 'utf8')
  }
  return assets
}

const lines = (run: ActionRun, kind: string): string[] =>
  run.stdout.split('\n').filter(line => line.startsWith(`::${kind}`))

describe('hidden files and folders', () => {
  const TREE = {
    'site/index.html': 'home',
    'site/.nojekyll': '',
    'site/.well-known/security.txt': 'contact',
    '.git/config': '[http] extraheader = AUTHORIZATION: basic c2VjcmV0',
    '.env': 'TOKEN=secret',
    'notes.txt': 'notes'
  }

  it('path: . leaves out .git, .env and every dotfile, and says so in one line that tells how to take them in', async () => {
    const ws = await cleanups.workspace(TREE)
    const result = await run(ws, { path: '.' })
    expect(result.exitCode).toBe(0)
    expect(held()).toEqual({ 'notes.txt': 'notes', 'site/index.html': 'home' })
    const notices = lines(result, 'notice').filter(line => line.includes('hidden'))
    expect(notices).toEqual([
      '::notice::Left out 4 hidden files and folders (names starting with "."): .env, .git/, site/.nojekyll, ' +
        "site/.well-known/. To upload them, set include-hidden-files: true, or name them in 'path' without a " +
        'wildcard (such as .env).'
    ])
  })

  it('a dry run says the same', async () => {
    const ws = await cleanups.workspace(TREE)
    const result = await run(ws, { path: '.', 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(lines(result, 'notice').filter(line => line.includes('hidden'))).toEqual([
      expect.stringMatching(/^::notice::Left out 4 hidden files and folders .*: \.env, \.git\/, site\/\.nojekyll/)
    ])
    expect(emulator.state().assets).toEqual([])
  })

  it('a hidden file or folder named without a wildcard is taken in; a wildcard names none', async () => {
    const ws = await cleanups.workspace(TREE)
    const result = await run(ws, { path: 'site\nsite/.well-known\n**/*.env\n!site/index.html' })
    expect(result.exitCode).toBe(0)
    expect(held()).toEqual({ 'site/.well-known/security.txt': 'contact' })
    expect(lines(result, 'notice').find(line => line.includes('hidden'))).toMatch(
      /Left out 3 hidden files and folders .*: \.env, \.git\/, site\/\.nojekyll\./
    )
  })

  it('include-hidden-files: true takes them all in, exclusions still apply', async () => {
    const ws = await cleanups.workspace(TREE)
    const result = await run(ws, { path: '.\n!.git', 'include-hidden-files': 'true' })
    expect(result.exitCode).toBe(0)
    expect(Object.keys(held()).sort()).toEqual([
      '.env',
      'notes.txt',
      'site/.nojekyll',
      'site/.well-known/security.txt',
      'site/index.html'
    ])
    expect(result.stdout).not.toMatch(/hidden/)
  })
})

posixOnly(describe, 'symbolic links to files need a privilege on Windows')('links out of the workspace', () => {
  it('are not followed: one warning names each and where it leads; an absolute path is still uploaded', async () => {
    const elsewhere = await cleanups.workspace({ shadow: 'root:$6$hash', 'dir/id_rsa': 'PRIVATE KEY' })
    const ws = await cleanups.workspace({ 'out/page.html': 'page' })
    symlinkSync(path.join(elsewhere, 'shadow'), path.join(ws, 'out/shadow.txt'))
    symlinkSync(path.join(elsewhere, 'dir'), path.join(ws, 'out/keys'))
    symlinkSync('../out/shadow.txt', path.join(ws, 'out/chain.txt'))
    symlinkSync(path.join(ws, 'out/page.html'), path.join(ws, 'out/alias.html'))
    for (const pattern of ['out', 'out/**/*']) {
      const result = await run(ws, { path: pattern })
      expect(result.exitCode).toBe(0)
      expect(Object.values(held()).sort()).toEqual(['page', 'page'])
      const real = realpathSync(elsewhere)
      expect(lines(result, 'warning')).toEqual([
        '::warning::Skipping 3 symbolic links inside the workspace that lead out of it: ' +
          `out/chain.txt → ${real}/shadow, out/keys → ${real}/dir, out/shadow.txt → ${real}/shadow. ` +
          "Nothing reached through them is uploaded. To upload a file outside the workspace on purpose, give its absolute path in 'path'."
      ])
      await emulator.close()
      emulator = undefined as unknown as Emulator
    }
    const onPurpose = await run(ws, { path: path.join(elsewhere, 'shadow') })
    expect(onPurpose.exitCode).toBe(0)
    expect(Object.values(held())).toEqual(['root:$6$hash'])
  })
})

posixOnly(describe, 'NTFS and APFS refuse names that are not valid UTF-8')('entries the search cannot look at', () => {
  it('a bad name and a looping link are left out, named, and in failed; every other file is uploaded', async () => {
    const ws = await cleanups.workspace({ 'dist/ok.txt': 'ok', 'dist/sub/also.txt': 'also' })
    writeFileSync(
      Buffer.concat([Buffer.from(path.join(ws, 'dist/bad')), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]),
      'x'
    )
    symlinkSync(path.join(ws, 'dist/sub/loop'), path.join(ws, 'dist/sub/loop'))
    for (const pattern of ['dist', 'dist/**/*']) {
      const result = await run(ws, { path: pattern })
      expect(Object.keys(held()).sort()).toEqual(['ok.txt', 'sub/also.txt'])
      expect(lines(result, 'warning')).toEqual([
        '::warning::Left out 2 entries that cannot be looked at: dist/bad\\xff\\xfe.txt (its name is not valid UTF-8, ' +
          'so it cannot be named in the outputs or on Netiks), dist/sub/loop (a symbolic link that loops (ELOOP)). ' +
          "Rename or remove them, or exclude them with a ! line in 'path'; the 2 'path' matched are in the 'failed' output."
      ])
      expect(failedOf(result)).toEqual([
        {
          path: 'dist/bad\\xff\\xfe.txt',
          step: 'not-started',
          status: null,
          message:
            'Left out by the file search: its name is not valid UTF-8, so it cannot be named in the outputs or on ' +
            "Netiks. Rename or remove it, or exclude it with a ! line in 'path'."
        },
        expect.objectContaining({ path: 'dist/sub/loop', step: 'not-started' })
      ])
      expect(assetsOf(result).map(asset => asset.path)).toEqual(['dist/ok.txt', 'dist/sub/also.txt'])
      expect(result.exitCode).toBe(1)
      expect(lines(result, 'error')).toEqual([
        "::error::2 matched entries were left out by the file search and not uploaded: dist/bad\\xff\\xfe.txt, dist/sub/loop (see the warning above; listed in the 'failed' output)."
      ])
      expect(result.stdout + result.stderr).not.toMatch(/^\s+at |Fix its permissions/m)
      await emulator.close()
      emulator = undefined as unknown as Emulator
    }
  })
})

posixOnly(describe, 'no FIFOs on Windows')('entries that are not regular files', () => {
  it('a FIFO and a link to /dev/zero in a matched folder are named in a warning; the rest is uploaded', async () => {
    const ws = await cleanups.workspace({ 'dist/ok.txt': 'ok' })
    execFileSync('mkfifo', [path.join(ws, 'dist/pipe')])
    symlinkSync('/dev/zero', path.join(ws, 'dist/zero'))
    const result = await run(ws, { path: 'dist' })
    expect(result.exitCode).toBe(0)
    expect(held()).toEqual({ 'ok.txt': 'ok' })
    expect(lines(result, 'warning')).toEqual([
      '::warning::Skipping 2 matched entries that are not regular files: dist/pipe (a FIFO), dist/zero (a character ' +
        'device). Only regular files are uploaded.'
    ])
  })

  it('a FIFO named directly is said to be one, not "No files were found"', async () => {
    const ws = await cleanups.workspace({})
    execFileSync('mkfifo', [path.join(ws, 'pipe')])
    const result = await run(ws, { path: 'pipe' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).not.toMatch(/No files were found/)
    expect(lines(result, 'error')).toEqual([
      '::error::No regular file to upload was found (pipe is a FIFO) with the provided path: pipe. No assets will be uploaded.'
    ])
  })
})
