/**
 * Where a process's CPU went, from the `.cpuprofile` files `node --cpu-prof` writes: self time
 * summed by module (a src/ file, an npm package, Node's internals, GC, native) and by function.
 * A bundle's frames are mapped back to their sources with its source map: build one with
 * `ncc build src/index.ts -o /tmp/sm --source-map` (the same code as dist/index.js but for the
 * first line) and pass `--map /tmp/sm/index.js.map --bundle dist/index.js`.
 *
 *   npx tsx bench/cpu-profile-summary.ts [--map FILE --bundle FILE] [--top N] PROFILE_OR_DIR...
 *
 * Several profiles (e.g. of several runs) are summed; times are printed in ms and in % of all
 * samples, idle excluded.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { map: { type: 'string' }, bundle: { type: 'string' }, top: { type: 'string', default: '40' } }
})
const sourceMap = args.map ? new SourceMap(JSON.parse(readFileSync(args.map, 'utf8'))) : undefined
const bundleUrl = args.bundle ? pathToFileURL(path.resolve(args.bundle)).href : undefined

const files = positionals.flatMap(p =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter(f => f.endsWith('.cpuprofile'))
        .map(f => path.join(p, f))
    : [p]
)
const byModule = new Map<string, number>()
const byFunction = new Map<string, number>()
let total = 0
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const nodes = new Map(profile.nodes.map(n => [n.id, n]))
  const self = new Map<number, number>()
  // timeDeltas[i] is the time before sample i; charge it to the sample's node, as DevTools does.
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i + 1] ?? 0
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + delta)
  }
  for (const [id, us] of self) {
    const frame = nodes.get(id)!.callFrame
    if (frame.functionName === '(idle)') continue
    const { module, where } = locate(frame)
    total += us
    add(byModule, module, us)
    add(byFunction, `${frame.functionName || '(anonymous)'}  ${where}`, us)
  }
}

console.log(`${files.length} profile(s), ${(total / 1000).toFixed(0)} ms of samples (idle excluded)\n`)
print('by module', byModule)
print('by function (self)', byFunction)

function locate(frame: CallFrame): { module: string; where: string } {
  if (!frame.url) return { module: frame.functionName.startsWith('(') ? frame.functionName : '(native)', where: '' }
  if (frame.url.startsWith('node:')) return { module: 'node:internal', where: frame.url }
  if (sourceMap && frame.url === bundleUrl) {
    const entry = sourceMap.findEntry(frame.lineNumber, frame.columnNumber) as {
      originalSource?: string
      originalLine?: number
    }
    const source = entry.originalSource ?? '?'
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(source)?.[1]
    const src = /(src\/.*)$/.exec(source)?.[1]
    const module = pkg ? `npm:${pkg}` : src ? src : `bundle:${source.replace(/^.*webpack\//, 'webpack/')}`
    return { module, where: `${src ?? pkg ?? source}:${(entry.originalLine ?? 0) + 1}` }
  }
  const short = frame.url.replace(/^file:\/\/.*\/node_modules\//, 'npm:').replace(/^file:\/\/.*\/(bench|src)\//, '$1/')
  return { module: short.replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1'), where: `${short}:${frame.lineNumber + 1}` }
}

function add(map: Map<string, number>, key: string, us: number): void {
  map.set(key, (map.get(key) ?? 0) + us)
}

function print(title: string, map: Map<string, number>): void {
  console.log(title)
  const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top))
  for (const [key, us] of rows) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
  }
  console.log()
}
