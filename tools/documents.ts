/**
 * The repository's documents, for the tests that keep them true: README.md, CONTRIBUTING.md,
 * CHANGELOG.md, bench/README.md and every Markdown file under docs/.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { REPO_ROOT } from './readme-tables.js'

export interface DocumentText {
  /** Relative to the repository root, with `/`. */
  name: string
  text: string
}

export async function documentNames(): Promise<string[]> {
  const docs = await readdir(path.join(REPO_ROOT, 'docs'), { recursive: true })
  return [
    'README.md',
    'CONTRIBUTING.md',
    'CHANGELOG.md',
    'bench/README.md',
    ...docs
      .filter(name => name.endsWith('.md'))
      .map(name => `docs/${name.split(path.sep).join('/')}`)
      .sort()
  ]
}

export async function readDocuments(): Promise<DocumentText[]> {
  return await Promise.all(
    (await documentNames()).map(async name => ({ name, text: await readFile(path.join(REPO_ROOT, name), 'utf8') }))
  )
}
