/**
 * Where a process's CPU went, from `perf record -g` (cpu-clock: on-CPU time only, kernel
 * included, every thread: the main thread, V8's GC/compiler workers, libuv's pool), which a
 * --cpu-prof profile cannot show (it samples wall time: a syscall that is preempted by the
 * emulator on a 2-core machine looks expensive there). Per thread; on the main thread, the
 * leaf's kind and the first frame of user code up the stack (a bundle mapped to src/ and npm
 * packages by its source map), so node:http's work is charged to the src function that asked.
 *
 *   npx tsx bench/cpu-study.ts --files 3000 --runs 0 \
 *     --variant 'a=dist/index.js@--perf-basic-prof,--interpreted-frames-native-stack' \
 *     --wrap perf,record,-F,2999,-g,-o,/tmp/perf.data
 *   perf script -i /tmp/perf.data > /tmp/perf.txt
 *   node bench/perf-owner.mjs /tmp/perf.txt /tmp/sm/index.js.map 3000   # '-' for no source map
 *
 * (the warm-up round is the one recorded with --runs 0; figures are µs per file: samples ×
 * the sampling period / files; the map from `ncc build src/index.ts -o /tmp/sm --source-map`.)
 */
import { readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
const [file, mapFile, perFiles = '1', period = '333.444'] = process.argv.slice(2)
const sm = mapFile && mapFile !== '-' ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined
const text = readFileSync(file, 'utf8')
const samples = text.split('\n\n')
const threads = new Map(),
  leaf = new Map(),
  owner = new Map(),
  ownerFn = new Map()
const add = (m, k) => m.set(k, (m.get(k) ?? 0) + 1)
let total = 0
function mapJs(frame) {
  // perf-basic-prof names: JS:<tier>'<function> <url>:<line>:<column>, or JS:<tier> <url>:… when anonymous
  const m = /JS:\S?'?(\S*) (\S+):(\d+):(\d+)/.exec(frame)
  if (!m) return undefined
  const [, name, url, line, col] = m
  if (url.includes('dist/index.js') && sm) {
    const e = sm.findEntry(+line - 1, +col - 1)
    const src = e.originalSource ?? '?'
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(src)?.[1]
    const s = /(src\/.*)$/.exec(src)?.[1]
    return {
      mod: pkg ? 'npm:' + pkg : (s ?? 'bundle'),
      fn: `${name || '(anon)'} ${s ?? pkg}:${(e.originalLine ?? 0) + 1}`
    }
  }
  if (url.startsWith('file://'))
    return { mod: url.replace(/.*\//, ''), fn: `${name} ${url.replace(/.*\//, '')}:${line}` }
  return { mod: 'node:', fn: `${name} ${url}`, internal: url }
}
for (const s of samples) {
  const lines = s.split('\n').filter(Boolean)
  if (!lines.length || !/cpu-clock/.test(lines[0])) continue
  total++
  const thread = lines[0].split(/\s+/)[0]
  add(threads, thread)
  if (thread !== 'MainThread') continue
  const frames = lines.slice(1).map(l => l.trim().replace(/^[0-9a-f]+ /, ''))
  const f0 = frames[0] ?? ''
  let cat = 'other native'
  if (/kernel\.kallsyms/.test(f0)) cat = 'kernel'
  else if (/Scaveng|MarkCompact|Heap::|GCTracer|Sweeper|ConcurrentMarking|MemoryAllocator|Mark/.test(f0)) cat = 'v8 gc'
  else if (/compiler::|Compile|Parse|Scanner|Maglev|Turbofan|interpreter::|Baseline/.test(f0)) cat = 'v8 compile/parse'
  else if (/JS:/.test(f0)) cat = 'JS (jit/interp)'
  else if (/Builtins_|v8::internal::Runtime|Runtime_/.test(f0)) cat = 'v8 builtins/runtime'
  else if (/libc\.so|libstdc/.test(f0)) cat = 'libc'
  else if (/node::|uv_|uv__|llhttp|sha256/.test(f0)) cat = 'node/libuv native'
  else if (/v8::/.test(f0)) cat = 'v8 other'
  add(leaf, cat)
  let own = undefined,
    firstNode = undefined
  for (const fr of frames) {
    const j = fr.includes('JS:') ? mapJs(fr) : undefined
    if (!j) continue
    if (j.internal) {
      firstNode ??= j.internal.replace(/:\d+.*$/, '')
      continue
    }
    own = j
    break
  }
  if (own) {
    add(owner, own.mod)
    add(ownerFn, own.fn)
  } else add(owner, firstNode ? `(no user frame) ${firstNode}` : `(no JS frame) ${cat}`)
}
const us = n => ((n * +period) / +perFiles).toFixed(1)
const show = (title, m, top = 25) => {
  console.log(`${title}  (µs per file at ${perFiles} files; ${period} µs per sample)`)
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${us(v).padStart(8)}  ${k}`)
}
console.log(`${total} samples`)
show('threads', threads)
show('main thread, leaf', leaf)
show('main thread, owner (first user frame up the stack)', owner, 30)
show('main thread, owner function', ownerFn, 30)
