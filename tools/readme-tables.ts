/**
 * npm run docs — rewrites the inputs and outputs tables in README.md from action.yml, between
 * the <!-- inputs:start/end --> and <!-- outputs:start/end --> markers, and the emulator
 * action's in docs/emulator.md from emulator/action.yml between <!-- emulator-inputs:… --> and
 * <!-- emulator-outputs:… -->. A test fails when a document and its action.yml disagree, so
 * the two cannot drift apart.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'
import { parse } from 'yaml'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

export function renderInputsTable(action: ActionYml): string {
  const rows = Object.entries(action.inputs).map(([name, input]) => {
    const fallback = input.default === undefined ? '' : `\`${input.default}\``
    return `| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`
  })
  return ['| Input | Required | Default | Description |', '| --- | --- | --- | --- |', ...rows].join('\n')
}

export function renderOutputsTable(action: ActionYml): string {
  const rows = Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  return ['| Output | Description |', '| --- | --- |', ...rows].join('\n')
}

/** Each document with generated tables: the action.yml they come from, and their markers. */
const GENERATED = [
  { document: 'README.md', action: 'action.yml', markers: ['inputs', 'outputs'] },
  { document: 'docs/emulator.md', action: 'emulator/action.yml', markers: ['emulator-inputs', 'emulator-outputs'] }
] as const

export interface RenderedDocument {
  /** Relative to the repository root, with `/`. */
  document: string
  current: string
  rendered: string
}

/** Every document with its tables rendered from its action.yml. */
export async function renderDocuments(): Promise<RenderedDocument[]> {
  return await Promise.all(
    GENERATED.map(async ({ document, action, markers }) => {
      const declared = parse(await readFile(path.join(REPO_ROOT, action), 'utf8')) as ActionYml
      const file = path.join(REPO_ROOT, document)
      const current = await readFile(file, 'utf8')
      const [inputs, outputs] = markers
      const tables: Array<[string, string]> = [
        [inputs, renderInputsTable(declared)],
        [outputs, renderOutputsTable(declared)]
      ]
      const replaced = tables.reduce((text, [marker, table]) => replaceBetween(document, text, marker, table), current)
      // Formatted as `npm run format:write` would, so the two never fight over the file.
      const rendered = await prettier.format(replaced, { ...(await prettier.resolveConfig(file)), filepath: file })
      return { document, current, rendered }
    })
  )
}

function replaceBetween(document: string, text: string, marker: string, table: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${document} has no ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`
}

function cell(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\|/g, '\\|')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { document, current, rendered } of await renderDocuments()) {
    if (current !== rendered) await writeFile(path.join(REPO_ROOT, document), rendered)
    console.log(current === rendered ? `${document}: tables already match.` : `${document}: tables rewritten.`)
  }
}
