/**
 * What each of the action's features costs in CPU on many small files. Each patch in
 * bench/ablations/ takes one feature out of src/ (a measurement only: the bundle it makes must
 * never ship); this builds one bundle per patch, one with every upload patch together
 * (`all-features`), and measures them against the committed bundle and the bare node:http
 * client with bench/cpu-study.ts (interleaved, microseconds from wait4). `find-only` stops the
 * run once the files are found and is measured against a dry run of the committed bundle.
 *
 *   npx tsx bench/ablate.ts [--files 1000] [--runs 7] [--only no-watch,no-report]
 *
 * A patch that no longer applies to src/ is named and left out; refresh it with `git diff`
 * after making its change by hand.
 */
import { execFile, spawn } from 'node:child_process'
import { cp, mkdtemp, readdir, rm, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { REPO_ROOT } from '../harness/run-action.js'

const execFileAsync = promisify(execFile)
const PATCHES = path.join(REPO_ROOT, 'bench', 'ablations')
/** The patch that ends the run early: measured against a dry run, not an upload. */
const FIND_ONLY = 'find-only'
const NCC = path.join(REPO_ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '7' },
    only: { type: 'string' }
  }
})
const only = args.only?.split(',')
const names = (await readdir(PATCHES))
  .filter(file => file.endsWith('.patch'))
  .map(file => file.slice(0, -'.patch'.length))
  .filter(name => only === undefined || only.includes(name))
  .sort()

const scratch = await mkdtemp(path.join(os.tmpdir(), 'netiks-ablate-'))
try {
  const built = new Map<string, string>()
  for (const name of names) {
    const bundle = await buildWith(name, [name])
    if (bundle !== undefined) built.set(name, bundle)
  }
  const uploadPatches = [...built.keys()].filter(name => name !== FIND_ONLY)
  if (uploadPatches.length > 1) {
    const bundle = await buildWith('all-features', uploadPatches)
    if (bundle !== undefined) built.set('all-features', bundle)
  }
  const committed = path.join(REPO_ROOT, 'dist', 'index.js')
  const uploadVariants = [...built].filter(([name]) => name !== FIND_ONLY)
  if (uploadVariants.length > 0) {
    await cpuStudy(args.files, ['--baseline', ...variantArgs([['committed', committed], ...uploadVariants])])
  }
  const findOnly = built.get(FIND_ONLY)
  if (findOnly !== undefined) {
    // With 0 files too: the fixed cost of a run, to take out of the per-file figure.
    await cpuStudy(`0,${args.files}`, [
      '--dry-run',
      ...variantArgs([
        ['dry-run', committed],
        [FIND_ONLY, findOnly]
      ])
    ])
  }
} finally {
  await rm(scratch, { recursive: true, force: true })
}

/** A bundle of src/ with the patches applied, or undefined (said) when one does not apply. */
async function buildWith(label: string, patches: string[]): Promise<string | undefined> {
  const work = path.join(scratch, 'tree')
  await rm(work, { recursive: true, force: true })
  for (const part of ['src', 'stubs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(REPO_ROOT, part), path.join(work, part), { recursive: true })
  }
  await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir')
  // A repository of its own, so that git apply takes the patch's paths from here even when the
  // temp folder is inside another repository.
  await execFileAsync('git', ['init', '-q'], { cwd: work })
  for (const patch of patches) {
    try {
      await execFileAsync('git', ['apply', path.join(PATCHES, `${patch}.patch`)], { cwd: work })
    } catch (error) {
      console.log(`${label}: bench/ablations/${patch}.patch no longer applies to src/, left out (${firstLine(error)})`)
      return undefined
    }
  }
  const out = path.join(scratch, 'bundles', label)
  await execFileAsync(process.execPath, [NCC, 'build', 'src/index.ts', '-o', out, '--no-cache', '--quiet'], {
    cwd: work
  })
  console.log(`built ${label} (${patches.join(' + ')})`)
  return path.join(out, 'index.js')
}

function variantArgs(variants: Array<[label: string, bundle: string]>): string[] {
  return variants.flatMap(([label, bundle]) => ['--variant', `${label}=${bundle}`])
}

async function cpuStudy(files: string, extra: string[]): Promise<void> {
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
  const study = path.join(REPO_ROOT, 'bench', 'cpu-study.ts')
  const child = spawn(tsx, [study, '--files', files, '--runs', args.runs, ...extra], {
    cwd: REPO_ROOT,
    stdio: 'inherit'
  })
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  if (code !== 0) throw new Error(`bench/cpu-study.ts exited with ${code}`)
}

function firstLine(error: unknown): string {
  const text = (error as { stderr?: string }).stderr || String(error)
  return text.trim().split('\n')[0]
}
