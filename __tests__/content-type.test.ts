import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import mime from 'mime-types'
import { FALLBACK_CONTENT_TYPE, contentTypeFor } from '../src/content-type.js'
import { CONTENT_TYPES } from '../src/content-types.generated.js'
import { TABLE_FILE, mimeTypesTable, renderTable } from '../tools/content-types.js'

/** What the action answered when it called mime-types itself. */
const mimeTypesFor = (name: string): string => mime.lookup(name) || FALLBACK_CONTENT_TYPE

describe('contentTypeFor', () => {
  it('has the table mime-types builds: run `npm run content-types` after updating mime-types or mime-db', async () => {
    expect([...CONTENT_TYPES]).toEqual(mimeTypesTable())
    expect(await readFile(TABLE_FILE, 'utf8')).toBe(await renderTable())
  })

  it('answers as mime-types does for every extension mime-db knows, however the name is spelled', () => {
    const extensions = Object.keys(mime.types)
    expect(extensions.length).toBeGreaterThan(1000)
    for (const extension of extensions) {
      for (const name of [
        `x.${extension}`,
        `x.${extension.toUpperCase()}`,
        `a.b.${extension}`,
        `.${extension}`,
        extension,
        `x.${extension}x`
      ]) {
        expect([name, contentTypeFor(name)]).toEqual([name, mimeTypesFor(name)])
      }
    }
  })

  it('answers as mime-types does for names without a known extension', () => {
    const names = ['README', 'Makefile', '.bashrc', 'a.', '.', '..', 'x..', 'no extension', '', 'a.tar.gz', 'é.HTML']
    const notTypes = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']
    for (const name of [...names, ...notTypes, ...notTypes.map(word => `x.${word}`)]) {
      expect([name, contentTypeFor(name)]).toEqual([name, mimeTypesFor(name)])
    }
    expect(contentTypeFor('index.html')).toBe('text/html')
    expect(contentTypeFor('x.constructor')).toBe(FALLBACK_CONTENT_TYPE)
  })
})
