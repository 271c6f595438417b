/**
 * Whether dist/ was built from the source as it is now. `npm run bundle` ends with
 * `node tools/bundle-stamp.js --write`, which writes dist/source.sha256: a hash of what ncc
 * builds from (src/ and emulator/, tsconfig.json, package-lock.json and ncc's version). Before
 * the end-to-end tests run the committed bundle, jest calls this module's default export, which
 * fails naming `npm run bundle` when the stamp no longer matches: a stale bundle would test
 * yesterday's code and pass or fail for the wrong reason. CI still compares dist/ with a fresh
 * bundle; this check is the seconds-cheap one a maintainer gets on every e2e run.
 */
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const STAMP = path.join(ROOT, 'dist', 'source.sha256')
const FOLDERS = ['src', 'emulator']
const FILES = ['tsconfig.json', 'package-lock.json']
const NCC_PACKAGE = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'package.json')

/** The files ncc reads from this repository, relative and with /, in a fixed order. */
function sourceFiles() {
  const found = FOLDERS.flatMap(folder =>
    readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile() && /\.(ts|json)$/.test(entry.name))
      .map(entry => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  )
  return [...found.sort(), ...FILES]
}

/** The hash a bundle built from the current source carries. */
export function sourceHash() {
  const hash = createHash('sha256')
  hash.update(`ncc ${JSON.parse(readFileSync(NCC_PACKAGE, 'utf8')).version}\0`)
  for (const file of sourceFiles()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0')
  }
  return hash.digest('hex')
}

function readStamp() {
  try {
    return readFileSync(STAMP, 'utf8').trim()
  } catch {
    return undefined
  }
}

/** jest's globalSetup for the projects that run the committed bundle. */
export default function checkBundleIsFresh() {
  const stamp = readStamp()
  if (stamp === sourceHash()) return
  const why =
    stamp === undefined
      ? 'dist/source.sha256 is missing, so nothing says what dist/ was built from'
      : 'dist/ was built from other source than src/, emulator/, tsconfig.json, package-lock.json and ncc as they are now'
  const stale = new Error(
    `${why}: the end-to-end tests would run a stale bundle. Run \`npm run bundle\`, then the tests again.`
  )
  // The message is the whole story: no stack into this file.
  stale.stack = stale.message
  throw stale
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] !== '--write') {
    console.error('usage: node tools/bundle-stamp.js --write   (run by `npm run bundle`)')
    process.exit(2)
  }
  writeFileSync(STAMP, `${sourceHash()}\n`)
}
