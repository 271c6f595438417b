/** The capability probe tests that need symbolic links use (withSymlinks in helpers.ts). */
import { describe, expect, it } from '@jest/globals'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { canMakeSymlinks } from '../support/helpers.js'

describe('canMakeSymlinks', () => {
  it.each(['file', 'junction'] as const)('says whether a %s link made here is there afterwards', kind => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netiks-symlink-check-'))
    try {
      mkdirSync(path.join(dir, 'target'))
      let made: boolean
      try {
        symlinkSync(path.join(dir, 'target'), path.join(dir, 'link'), kind === 'file' ? 'dir' : 'junction')
        made =
          lstatSync(path.join(dir, 'link'), { throwIfNoEntry: false })?.isSymbolicLink() === true &&
          existsSync(path.join(dir, 'link'))
      } catch {
        made = false
      }
      expect(canMakeSymlinks(kind)).toBe(made)
      // Linux and macOS always make links: the probe must not skip the link tests there.
      if (process.platform !== 'win32') expect(canMakeSymlinks(kind)).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
