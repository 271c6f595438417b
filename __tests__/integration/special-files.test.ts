/** findFiles on FIFOs, sockets and devices (made with mkfifo and a listening socket): named, never read. */
import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { symlink } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { findFiles, type FoundFiles } from '../../src/files/find.js'
import { canMakeFifos, canMakeSymlinks, makeWorkspace, removeDir, withCapability } from '../support/helpers.js'

const rel = (found: FoundFiles): string[] => found.files.map(file => file.relativePath)

describe('entries that are not regular files', () => {
  withCapability(
    it,
    canMakeFifos() && canMakeSymlinks() && existsSync('/dev/zero'),
    'this machine makes no FIFOs or symbolic links, or has no /dev/zero'
  )('are named with what they are, matched in a folder or by name', async () => {
    const tree = await makeWorkspace({ 'out/a.txt': 'a' })
    execFileSync('mkfifo', [path.join(tree, 'out/pipe')])
    const server = net.createServer().listen(path.join(tree, 'out/sock'))
    await new Promise(resolve => server.once('listening', resolve))
    await symlink('/dev/zero', path.join(tree, 'out/zero'))
    try {
      for (const patterns of [['out'], ['out/*']]) {
        const found = await findFiles(patterns, tree)
        expect(rel(found)).toEqual(['out/a.txt'])
        expect(found.special).toEqual([
          { path: 'out/pipe', kind: 'a FIFO' },
          { path: 'out/sock', kind: 'a socket' },
          { path: 'out/zero', kind: 'a character device' }
        ])
      }
      expect((await findFiles(['out/pipe'], tree)).special).toEqual([{ path: 'out/pipe', kind: 'a FIFO' }])
    } finally {
      server.close()
      await removeDir(tree)
    }
  })
})
