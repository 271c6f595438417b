/**
 * Every relative link in the documents (README.md, CONTRIBUTING.md, CHANGELOG.md,
 * bench/README.md, docs/**) points at a file that exists, and every #anchor at a heading that
 * exists in its target, as GitHub makes heading anchors. Moving a section between documents
 * cannot leave a reader at a dead link.
 */
import { describe, expect, it } from '@jest/globals'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { readDocuments } from '../../tools/documents.js'
import { REPO_ROOT } from '../../tools/readme-tables.js'

interface Link {
  line: number
  target: string
}

/** The Markdown's lines outside fenced code blocks, with their line numbers. */
function proseLines(markdown: string): Array<{ line: number; text: string }> {
  const lines: Array<{ line: number; text: string }> = []
  let fence: string | undefined
  markdown.split('\n').forEach((text, index) => {
    const marker = /^\s*(```+|~~~+)/.exec(text)?.[1]
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined
      return
    }
    if (fence === undefined) lines.push({ line: index + 1, text })
  })
  return lines
}

/** Inline links and images `[text](target)`, and reference definitions `[name]: target`, outside code. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = []
  for (const { line, text } of proseLines(markdown)) {
    const prose = text.replace(/`[^`]*`/g, '')
    for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      links.push({ line, target: match[1] })
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/.exec(prose)
    if (definition) links.push({ line, target: definition[1] })
  }
  return links
}

/** The anchors GitHub gives a document's headings: github-slugger's rules, duplicates numbered. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const { text } of proseLines(markdown)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1]
    const explicit = [...text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)].map(match => match[1])
    for (const id of explicit) anchors.add(id)
    if (heading === undefined) continue
    const base = slug(heading)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  return anchors
}

function slug(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*)/g, '')
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')
}

async function exists(file: string): Promise<boolean> {
  return await stat(file).then(
    () => true,
    () => false
  )
}

/** What is wrong with each relative link of one document, as `doc:line target: why`. */
async function brokenLinks(name: string, text: string, read: (file: string) => Promise<string>): Promise<string[]> {
  const problems: string[] = []
  for (const { line, target } of linksOf(text)) {
    if (isExternal(target)) continue
    const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined]
    const file = pathPart === '' ? name : path.posix.normalize(path.posix.join(path.posix.dirname(name), pathPart))
    const where = `${name}:${line} ${target}`
    if (file.startsWith('..') || !(await exists(path.join(REPO_ROOT, file)))) {
      problems.push(`${where}: no such file ${file}`)
      continue
    }
    if (anchor === undefined || anchor === '') continue
    if (!file.endsWith('.md')) {
      problems.push(`${where}: an anchor into a file that is not Markdown`)
      continue
    }
    const anchors = anchorsOf(await read(file))
    if (!anchors.has(decodeURIComponent(anchor))) problems.push(`${where}: ${file} has no heading #${anchor}`)
  }
  return problems
}

const documents = await readDocuments()
const byName = new Map(documents.map(({ name, text }) => [name, text]))
const read = async (file: string): Promise<string> => byName.get(file) ?? ''

describe('relative links in the documents', () => {
  it('covers every document, and finds their links (the check is not vacuous)', () => {
    const names = documents.map(document => document.name)
    expect(names).toEqual(
      expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'bench/README.md', 'docs/README.md'])
    )
    expect(names.filter(name => name.startsWith('docs/')).length).toBeGreaterThanOrEqual(9)
    const relative = documents.flatMap(({ text }) => linksOf(text).filter(link => !isExternal(link.target)))
    expect(relative.length).toBeGreaterThan(50)
    expect(relative.filter(link => link.target.includes('#')).length).toBeGreaterThan(20)
  })

  it.each(documents.map(document => [document.name, document.text] as const))(
    'every one in %s points at a file that exists, and at a heading that exists',
    async (name, text) => {
      expect(await brokenLinks(name, text, read)).toEqual([])
    }
  )
})

describe('the link check itself', () => {
  it('makes anchors as GitHub does', () => {
    const anchors = anchorsOf(
      [
        "# Large runs: the assets file, checksums and GitHub's limits",
        "## S3's early answers",
        '## The `api-key` and **plain** http',
        '## Retries',
        '```sh',
        '# not a heading',
        '```',
        '## Retries',
        '### Ünïcode — and [a link](x.md)'
      ].join('\n')
    )
    expect([...anchors]).toEqual([
      'large-runs-the-assets-file-checksums-and-githubs-limits',
      's3s-early-answers',
      'the-api-key-and-plain-http',
      'retries',
      'retries-1',
      'ünïcode--and-a-link'
    ])
  })

  it('reports a missing file, a missing heading, and a link that leaves the repository', async () => {
    const text = [
      'See [the manual](docs/files.md), [nothing](docs/nothing.md), [a heading](docs/files.md#no-such-heading),',
      '[up](../outside.md), [here](#the-title) and [there](#not-here), `[in code](missing.md)`,',
      '[external](https://example.com/x.md#y).',
      '```md',
      '[in a block](missing.md)',
      '```',
      '# The title'
    ].join('\n')
    expect(
      await brokenLinks('README.md', text, async file => (file === 'README.md' ? text : await read(file)))
    ).toEqual([
      'README.md:1 docs/nothing.md: no such file docs/nothing.md',
      'README.md:1 docs/files.md#no-such-heading: docs/files.md has no heading #no-such-heading',
      'README.md:2 ../outside.md: no such file ../outside.md',
      'README.md:2 #not-here: README.md has no heading #not-here'
    ])
  })
})
