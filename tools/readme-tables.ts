/**
 * npm run docs — rewrites the inputs and outputs tables in README.md from action.yml, between
 * the <!-- inputs:start/end --> and <!-- outputs:start/end --> markers, and the emulator
 * action's from emulator/action.yml between <!-- emulator-inputs:… --> and
 * <!-- emulator-outputs:… -->. A test fails when the README and action.yml disagree, so the
 * two cannot drift apart.
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

/** README.md with both tables rendered from action.yml. */
export async function renderReadme(): Promise<{ current: string; rendered: string }> {
  const action = parse(await readFile(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
  const emulator = parse(await readFile(path.join(REPO_ROOT, 'emulator', 'action.yml'), 'utf8')) as ActionYml
  const readme = path.join(REPO_ROOT, 'README.md')
  const current = await readFile(readme, 'utf8')
  const tables: Array<[string, string]> = [
    ['inputs', renderInputsTable(action)],
    ['outputs', renderOutputsTable(action)],
    ['emulator-inputs', renderInputsTable(emulator)],
    ['emulator-outputs', renderOutputsTable(emulator)]
  ]
  const replaced = tables.reduce((text, [marker, table]) => replaceBetween(text, marker, table), current)
  // Formatted as `npm run format:write` would, so the two never fight over the file.
  const rendered = await prettier.format(replaced, { ...(await prettier.resolveConfig(readme)), filepath: readme })
  return { current, rendered }
}

function replaceBetween(text: string, marker: string, table: string): string {
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`)
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`
}

function cell(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\|/g, '\\|')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { current, rendered } = await renderReadme()
  if (current !== rendered) await writeFile(path.join(REPO_ROOT, 'README.md'), rendered)
  console.log(current === rendered ? 'README.md tables already match action.yml.' : 'README.md tables rewritten.')
}
