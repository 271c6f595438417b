import { describe, expect, it } from '@jest/globals'
import { FALLBACK_CONTENT_TYPE, contentTypeFor } from '../../src/files/content-type.js'

describe('contentTypeFor', () => {
  it('gives the media type of a known extension, however the name is spelled', () => {
    expect(contentTypeFor('index.html')).toBe('text/html')
    expect(contentTypeFor('site/INDEX.HTML')).toBe('text/html')
    expect(contentTypeFor('é.Html')).toBe('text/html')
    expect(contentTypeFor('a.b.json')).toBe('application/json')
    expect(contentTypeFor('logo.svg')).toBe('image/svg+xml')
    expect(contentTypeFor('release.zip')).toBe('application/zip')
    expect(contentTypeFor('a.tar.gz')).toBe('application/gzip')
  })

  it('gives octet-stream for names without a known extension, and for words an object has', () => {
    const names = ['README', 'Makefile', '.bashrc', 'a.', '.', '..', 'x..', 'no extension', '', 'x.unknownext']
    const notTypes = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']
    for (const name of [...names, ...notTypes, ...notTypes.map(word => `x.${word}`)]) {
      expect([name, contentTypeFor(name)]).toEqual([name, FALLBACK_CONTENT_TYPE])
    }
  })
})
