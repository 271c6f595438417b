/**
 * Windows tier: the committed bundle run by a real Windows Node 24 (node.exe under Wine 10, set
 * up by tools/windows/wine.sh) as a Windows runner runs it, against the emulator on Linux
 * (127.0.0.1 is shared: the chroot keeps the host's network). GITHUB_WORKSPACE and every runner
 * path are Windows paths: on Z: (Wine's drive for /) and on a mapped drive spelt in lower case,
 * `w:\`, as a self-hosted runner may be given. Everything is checked against what the emulator
 * holds, and the assets and checksums files are read as the next step would read them.
 *
 * Run by `npm run test:windows` (not by `npm test`). Without root or a Wine setup the tier is
 * skipped, loudly, with the reason; NETIKS_REQUIRE_WINDOWS=1 (CI as root) makes that a failure.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Emulator } from '../../emulator/server.js'
import { inputEnvName, parseOutputFile } from '../../harness/run-action.js'
import type { AssetRecord as AssetOutput, FileRecord } from '../../src/report/records.js'
import { REPO_ROOT, WINE_ROOT, WineSession, findWine, type NodeExeRun } from '../../tools/windows/run.js'
import { Cleanups, sha256, sha256OfFile, writeRandomFile, writeWorkspaceFile } from '../support/helpers.js'

const REQUIRED = process.env.NETIKS_REQUIRE_WINDOWS === '1'
const BUNDLE = path.join(REPO_ROOT, 'dist', 'index.js')
/** The drive letter a self-hosted runner might be given, spelt as a workflow might spell it. */
const MAPPED_DRIVE = 'w:'

interface WindowsRun extends NodeExeRun {
  outputs: Record<string, string>
  /** The host path of a Windows path the run reported (under Z: or the mapped drive). */
  hostPathOf(windowsPath: string): string
}

/** A runner's folders for one job: `<root>\a\repo` is the workspace, `<root>\_temp` RUNNER_TEMP. */
interface RunnerFolders {
  /** Host paths. */
  workspace: string
  temp: string
  /** How the runner spells them: on Z: or on the mapped drive. */
  windowsWorkspace: string
  windowsTemp: string
  /** The workspace as the chroot sees it (the process's working folder). */
  chrootWorkspace: string
  hostPathOf(windowsPath: string): string
}

const found = await findWine()
if (found.setup === undefined) {
  const banner = '!'.repeat(100)
  console.warn(
    `${banner}\nWindows tier ${REQUIRED ? 'FAILS (NETIKS_REQUIRE_WINDOWS=1)' : 'SKIPPED'}: ${found.reason}\n` +
      `Set it up with 'sudo tools/windows/wine.sh install' (Wine 10 and node.exe in ${WINE_ROOT}).\n${banner}`
  )
}

if (found.setup === undefined) {
  const reason = found.reason
  if (REQUIRED) {
    describe('Windows tier (required: NETIKS_REQUIRE_WINDOWS=1)', () => {
      it('has node.exe under Wine to run the bundle with', () => {
        throw new Error(`the Windows tier cannot run: ${reason}`)
      })
    })
  } else {
    describe.skip(`Windows tier: SKIPPED, ${reason}`, () => {
      it('runs the bundle under node.exe', () => undefined)
    })
  }
} else {
  const setup = found.setup
  let session: WineSession
  let emulator: Emulator
  const suite = new Cleanups()
  const each = new Cleanups()

  beforeAll(async () => {
    session = await WineSession.open(setup)
    suite.defer(() => session.close())
    emulator = await suite.emulator()
  })
  afterAll(async () => await suite.run())

  /** A job's folders in the chroot's /tmp, spelt on Z: or on the mapped drive. */
  async function runnerFolders(drive: 'Z:' | 'w:'): Promise<RunnerFolders> {
    const root = await session.tempDir('netiks-runner-')
    each.defer(() => rm(root, { recursive: true, force: true }))
    const workspace = path.join(root, 'a', 'repo')
    const temp = path.join(root, '_temp')
    await mkdir(workspace, { recursive: true })
    await mkdir(temp, { recursive: true })
    const rootOnDrive = drive === 'Z:' ? session.windowsPath(root) : await mapDrive(root)
    const hostPathOf = (windowsPath: string): string => {
      const rest = windowsPath.slice(rootOnDrive.length).replace(/^\\/, '')
      expect(windowsPath.slice(0, rootOnDrive.length).toLowerCase()).toBe(rootOnDrive.toLowerCase())
      return path.join(root, ...rest.split('\\'))
    }
    return {
      workspace,
      temp,
      windowsWorkspace: `${rootOnDrive.replace(/\\$/, '')}\\a\\repo`,
      windowsTemp: `${rootOnDrive.replace(/\\$/, '')}\\_temp`,
      chrootWorkspace: session.chrootPath(workspace),
      hostPathOf
    }
  }

  /** Wine maps a drive letter through a symbolic link in the prefix's dosdevices folder. */
  async function mapDrive(root: string): Promise<string> {
    const link = path.join(setup.rootfs, setup.prefix, 'dosdevices', MAPPED_DRIVE)
    await rm(link, { force: true })
    await symlink(session.chrootPath(root), link)
    each.defer(() => rm(link, { force: true }))
    return `${MAPPED_DRIVE}\\`
  }

  /** The bundle under node.exe, as a Windows runner spawns it. */
  async function runBundle(folders: RunnerFolders, inputs: Record<string, string>): Promise<WindowsRun> {
    const env: Record<string, string> = {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      RUNNER_OS: 'Windows',
      GITHUB_WORKSPACE: folders.windowsWorkspace,
      GITHUB_OUTPUT: `${folders.windowsTemp}\\github_output`,
      GITHUB_STEP_SUMMARY: `${folders.windowsTemp}\\step_summary`,
      RUNNER_TEMP: folders.windowsTemp,
      [inputEnvName('api-key')]: emulator.apiKey,
      [inputEnvName('base-url')]: emulator.url
    }
    for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value
    // The runner makes both files, empty, for each step.
    await writeFile(path.join(folders.temp, 'github_output'), '')
    await writeFile(path.join(folders.temp, 'step_summary'), '')
    const run = await session.node({ args: [session.windowsPath(BUNDLE)], env, cwd: folders.chrootWorkspace })
    const outputText = await readFile(path.join(folders.temp, 'github_output'), 'utf8').catch(() => '')
    return { ...run, outputs: parseOutputFile(outputText), hostPathOf: folders.hostPathOf }
  }

  function assetsOf(run: WindowsRun): AssetOutput[] {
    return JSON.parse(run.outputs.assets) as AssetOutput[]
  }

  function explain(run: WindowsRun): string {
    return `exit ${run.exitCode}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`
  }

  function expectSucceeded(run: WindowsRun): void {
    expect({ exitCode: run.exitCode, log: run.exitCode === 0 ? '' : explain(run) }).toEqual({ exitCode: 0, log: '' })
    expect(run.stdout).not.toContain('::error::')
  }

  /**
   * What the run reported is what the emulator holds: each asset once, with the local bytes,
   * under the reported name; the assets file (LF) lists the same; the checksums file (LF)
   * verifies with sha256sum -c from the workspace.
   */
  async function expectHeldAsReported(run: WindowsRun, folders: RunnerFolders, paths: string[]): Promise<void> {
    const assets = assetsOf(run)
    expect(assets.map(asset => asset.path)).toEqual(paths)
    const state = emulator.state()
    for (const asset of assets) {
      const local = await sha256OfFile(path.join(folders.workspace, ...asset.path.split('/')))
      expect(asset.sha256).toBe(local)
      const held = state.assets.filter(a => a.id === asset.id)
      expect(held).toHaveLength(1)
      expect(held[0].asset_name).toBe(asset.name)
      expect(held[0].sha256).toBe(local)
      expect(await sha256OfFile(emulator.assetDiskPath(held[0]))).toBe(local)
    }
    const assetsFile = await readFile(run.hostPathOf(run.outputs['assets-file']), 'utf8')
    expect(assetsFile).not.toContain('\r')
    const records = JSON.parse(assetsFile) as FileRecord[]
    expect(records.map(record => [record.path, record.name, record.id, record.failure])).toEqual(
      assets.map(asset => [asset.path, asset.name, asset.id, null])
    )
    const checksums = await readFile(run.hostPathOf(run.outputs['checksums-file']), 'utf8')
    expect(checksums).not.toContain('\r')
    expect(checksums.split('\n').filter(Boolean)).toHaveLength(paths.length)
    const verified = execFileSync('sha256sum', ['-c', run.hostPathOf(run.outputs['checksums-file'])], {
      cwd: folders.workspace,
      encoding: 'utf8'
    })
    expect(verified.split('\n').filter(Boolean)).toEqual(paths.map(file => `${file}: OK`))
  }

  afterEach(async () => await each.run())

  describe.each(['Z:', 'w:'] as const)('the bundle under node.exe, workspace on %s', drive => {
    const TREE: Record<string, string> = {
      'dist/app.zip': 'app',
      'dist/nested/deep/lib.tar.gz': 'lib',
      'dist/with space/file name.txt': 'spaces',
      'dist/ünïcødé/名前 ü.txt': 'unicode',
      'dist/crlf.txt': 'line one\r\nline two\r\n',
      'dist/scratch.tmp': 'excluded'
    }
    const EXPECTED = [
      'dist/app.zip',
      'dist/crlf.txt',
      'dist/nested/deep/lib.tar.gz',
      'dist/with space/file name.txt',
      'dist/ünïcødé/名前 ü.txt'
    ]

    it('bulk, relative names and a manifest: uploads every file, then a re-run skips them all', async () => {
      const folders = await runnerFolders(drive)
      for (const [file, content] of Object.entries(TREE)) await writeWorkspaceFile(folders.workspace, file, content)
      await writeRandomFile(path.join(folders.workspace, 'dist', 'app.zip'), 3 * 1024 * 1024 + 17)
      const inputs = {
        path: 'dist\n!dist/**/*.tmp',
        mode: 'bulk',
        'asset-name': 'relative',
        manifest: '.netiks\\manifest.json'
      }
      const first = await runBundle(folders, inputs)
      expectSucceeded(first)
      expect(first.outputs).toMatchObject({ count: '5', 'uploaded-count': '5', 'skipped-count': '0', failed: '[]' })
      expect(assetsOf(first).map(asset => asset.name)).toEqual(EXPECTED.map(file => file.slice('dist/'.length)))
      await expectHeldAsReported(first, folders, EXPECTED)
      const crlf = assetsOf(first).find(asset => asset.path === 'dist/crlf.txt')!
      expect(crlf.sha256).toBe(sha256('line one\r\nline two\r\n'))
      const manifest = await readFile(path.join(folders.workspace, '.netiks', 'manifest.json'), 'utf8')
      expect(Object.keys((JSON.parse(manifest) as { assets: object }).assets).sort()).toEqual(EXPECTED)

      const held = emulator.state().assets.length
      const again = await runBundle(folders, inputs)
      expectSucceeded(again)
      expect(again.outputs).toMatchObject({ count: '5', 'uploaded-count': '0', 'skipped-count': '5' })
      expect(assetsOf(again).map(asset => [asset.path, asset.id, asset.skipped])).toEqual(
        assetsOf(first).map(asset => [asset.path, asset.id, true])
      )
      expect(emulator.state().assets).toHaveLength(held)
    })

    it('single mode with a build\\** pattern: every file below build, named by its base name', async () => {
      const folders = await runnerFolders(drive)
      await writeWorkspaceFile(folders.workspace, 'build/app.exe', 'MZ binary')
      await writeWorkspaceFile(folders.workspace, 'build/sub dir/notes ü.txt', 'notes\r\n')
      await writeWorkspaceFile(folders.workspace, 'other/skip.txt', 'not matched')
      const run = await runBundle(folders, { path: 'build\\**', mode: 'single' })
      expectSucceeded(run)
      expect(run.outputs).toMatchObject({ count: '2', 'uploaded-count': '2' })
      expect(assetsOf(run).map(asset => asset.name)).toEqual(['app.exe', 'notes ü.txt'])
      await expectHeldAsReported(run, folders, ['build/app.exe', 'build/sub dir/notes ü.txt'])
    })

    it('a pattern in another case (BUILD\\A\\*) reports the disk spelling: paths, names, files and manifest keys', async () => {
      const folders = await runnerFolders(drive)
      await writeWorkspaceFile(folders.workspace, 'build/a/README.txt', 'readme')
      await writeWorkspaceFile(folders.workspace, 'build/a/Notes ü.md', 'notes')
      const onDisk = ['build/a/Notes ü.md', 'build/a/README.txt']
      const inputs = { path: 'BUILD\\A\\*', mode: 'bulk', 'asset-name': 'relative', manifest: '.netiks.json' }
      const first = await runBundle(folders, inputs)
      expectSucceeded(first)
      expect(first.outputs).toMatchObject({ count: '2', 'uploaded-count': '2' })
      expect(assetsOf(first).map(asset => asset.name)).toEqual(['Notes ü.md', 'README.txt'])
      await expectHeldAsReported(first, folders, onDisk)
      const manifest = await readFile(path.join(folders.workspace, '.netiks.json'), 'utf8')
      expect(Object.keys((JSON.parse(manifest) as { assets: object }).assets)).toEqual(onDisk)

      const again = await runBundle(folders, { ...inputs, path: 'build\\a\\*' })
      expectSucceeded(again)
      expect(again.outputs).toMatchObject({ count: '2', 'uploaded-count': '0', 'skipped-count': '2' })
      expect(assetsOf(again).map(asset => [asset.path, asset.name, asset.id])).toEqual(
        assetsOf(first).map(asset => [asset.path, asset.name, asset.id])
      )
    })

    it('base names that differ only in case clash on Windows: both uploaded, with a warning', async () => {
      const folders = await runnerFolders(drive)
      await writeWorkspaceFile(folders.workspace, 'a/README.txt', 'first')
      await writeWorkspaceFile(folders.workspace, 'b/readme.txt', 'second')
      const run = await runBundle(folders, { path: 'a\nb', mode: 'bulk' })
      expectSucceeded(run)
      expect(run.outputs).toMatchObject({ count: '2', 'uploaded-count': '2' })
      const warnings = run.stdout.split(/\r?\n/).filter(line => line.startsWith('::warning'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('a/README.txt and b/readme.txt would all be uploaded as')
      await expectHeldAsReported(run, folders, ['a/README.txt', 'b/readme.txt'])
    })
  })
}
