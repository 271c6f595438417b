import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { NODE24, REPO_ROOT } from '../../harness/run-action.js'

const CLI = path.join(REPO_ROOT, 'dist', 'emulator', 'server', 'index.js')

function emulatorCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(NODE24, [CLI, ...args], { encoding: 'utf8', timeout: 30_000 })
  return { status, stdout, stderr }
}

describe('emulator command line', () => {
  it.each(['--help', '-h'])('%s prints every option and exits 0 without listening', flag => {
    const { status, stdout, stderr } = emulatorCli(flag)
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(stdout).toMatch(/^Usage: npm run emulator -- \[options\]/)
    for (const option of ['--port', '--faults', '--throttle-kibps', '--s3-endpoint', '--ready-file', '--help']) {
      expect(stdout).toContain(option)
    }
    // The fault kinds are listed from the code, so a new kind cannot be left out.
    expect(stdout).toContain('lost-reply')
    expect(stdout).not.toContain('Netiks emulator listening on')
  })

  it('an unknown option says where the options are listed', () => {
    const { status, stderr } = emulatorCli('--bogus')
    expect(status).toBe(2)
    expect(stderr).toContain("Unknown option '--bogus'")
    expect(stderr).toContain('--help lists the options')
  })
})
