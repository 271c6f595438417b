/**
 * undici is left out of the bundles (stubs/undici/index.cjs says why): tsconfig.json maps it to
 * a stub that only throws. This holds while the bundled packages use no more of undici than the
 * ProxyAgent of @actions/http-client's getAgentDispatcher, which the action never calls.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { REPO_ROOT } from '../tools/readme-tables.js'

const require = createRequire(import.meta.url)
const BUNDLES = ['dist/index.js', 'dist/emulator/main/index.js', 'dist/emulator/post/index.js']

/** The runtime dependencies, and theirs, as installed: what ncc may bundle. */
function bundledPackages(): string[] {
  const folders = new Set<string>()
  const visit = (name: string, from: string): void => {
    const folder = installedFolder(name, from)
    const manifest = path.join(folder, 'package.json')
    if (folders.has(folder)) return
    folders.add(folder)
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object }
    for (const dependency of Object.keys(dependencies)) if (dependency !== 'undici') visit(dependency, folder)
  }
  const root = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: object }
  for (const name of Object.keys(root.dependencies)) visit(name, REPO_ROOT)
  return [...folders]
}

/** Where Node finds package `name` from `from`, by the node_modules folders (exports maps aside). */
function installedFolder(name: string, from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed (from ${from})`)
  }
}

function scripts(folder: string): string[] {
  return readdirSync(folder).flatMap(entry => {
    const full = path.join(folder, entry)
    if (entry === 'node_modules') return []
    if (statSync(full).isDirectory()) return scripts(full)
    return /\.(c|m)?js$/.test(entry) ? [full] : []
  })
}

describe('undici, left out of the bundles', () => {
  it('is imported by the bundled packages for ProxyAgent only, in @actions/http-client', () => {
    const imports: string[] = []
    for (const folder of bundledPackages()) {
      for (const file of scripts(folder)) {
        const text = readFileSync(file, 'utf8')
        for (const match of text.matchAll(
          /import\s*([^;]*?)\s*from\s*['"]undici['"]|require\(\s*['"]undici['"]\s*\)/g
        )) {
          imports.push(`${path.relative(path.join(REPO_ROOT, 'node_modules'), file)}: ${match[1] ?? match[0]}`)
        }
      }
    }
    expect(imports).toEqual(['@actions/http-client/lib/index.js: { ProxyAgent }'])
  })

  it.each(BUNDLES)('%s holds the stub, not undici', bundle => {
    const text = readFileSync(path.join(REPO_ROOT, bundle), 'utf8')
    expect(text).toContain('undici is not in this bundle')
    expect(text).not.toContain('DispatcherBase')
    expect(text).not.toContain('UND_ERR_CONNECT_TIMEOUT')
  })

  it('says what happened if its ProxyAgent is ever built', () => {
    const { ProxyAgent } = require(path.join(REPO_ROOT, 'stubs', 'undici', 'index.cjs')) as {
      ProxyAgent: new () => unknown
    }
    expect(() => new ProxyAgent()).toThrow(/undici is not in this bundle .*getAgentDispatcher/)
  })
})
