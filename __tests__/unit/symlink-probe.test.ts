/** The capability probe tests that need symbolic links use (withSymlinks in helpers.ts). */
import { describe, expect, it } from '@jest/globals'
import { lstatSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { canMakeSymlinks } from '../support/helpers.js'

describe('canMakeSymlinks', () => {
  it('says whether a link made here is there afterwards', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netiks-symlink-check-'))
    try {
      writeFileSync(path.join(dir, 'target'), 'x')
      let made: boolean
      try {
        symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'))
        made = lstatSync(path.join(dir, 'link'), { throwIfNoEntry: false })?.isSymbolicLink() === true
      } catch {
        made = false
      }
      expect(canMakeSymlinks()).toBe(made)
      // Linux and macOS always make links: the probe must not skip the link tests there.
      if (process.platform !== 'win32') expect(canMakeSymlinks()).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
