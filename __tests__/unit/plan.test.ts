import { describe, expect, it } from '@jest/globals'
import { UploadMode } from '../../src/config/constants.js'
import { InputError } from '../../src/model.js'
import type { LocalFile } from '../../src/model.js'
import { choosePlan } from '../../src/transfer/plan.js'
import { planBatches } from '../../src/transfer/presigned.js'

const MiB = 1024 * 1024
const file = (name: string, size: number): LocalFile => ({
  absolutePath: `/ws/${name}`,
  relativePath: name,
  name,
  size,
  contentType: 'application/octet-stream'
})

describe('choosePlan', () => {
  it('auto: exactly one file under 10 MiB goes single', () => {
    expect(choosePlan(UploadMode.Auto, [file('a', 10 * MiB - 1)]).strategy).toBe(UploadMode.Single)
  })
  it('auto: one file of 10 MiB goes bulk', () => {
    expect(choosePlan(UploadMode.Auto, [file('a', 10 * MiB)]).strategy).toBe(UploadMode.Bulk)
  })
  it('auto: two small files go bulk', () => {
    expect(choosePlan(UploadMode.Auto, [file('a', 1), file('b', 1)]).strategy).toBe(UploadMode.Bulk)
  })
  it('explicit modes are obeyed', () => {
    expect(choosePlan(UploadMode.Single, [file('a', 20 * MiB), file('b', 1)]).strategy).toBe(UploadMode.Single)
    expect(choosePlan(UploadMode.Bulk, [file('a', 1)]).strategy).toBe(UploadMode.Bulk)
  })
  it('refuses a file over 5 GiB in bulk mode, naming it and the way out', () => {
    const huge = file('huge.iso', 5 * 1024 * MiB + 1)
    expect(() => choosePlan(UploadMode.Bulk, [huge])).toThrow(InputError)
    expect(() => choosePlan(UploadMode.Auto, [huge, file('b', 1)])).toThrow(
      /huge\.iso \(5368709121 bytes\) is larger than 5 GiB.*mode: single, or split/
    )
    expect(choosePlan(UploadMode.Single, [huge]).strategy).toBe(UploadMode.Single)
  })
})

describe('planBatches', () => {
  it('groups 50 files per generate call, and caps a batch at 1 GiB', () => {
    const many = Array.from({ length: 120 }, (_, i) => file(`f${i}`, 10))
    expect(planBatches(many).map(b => b.length)).toEqual([50, 50, 20])
    const big = [file('a', 700 * MiB), file('b', 700 * MiB), file('c', 1)]
    expect(planBatches(big).map(b => b.map(f => f.name))).toEqual([['a'], ['b', 'c']])
    expect(planBatches([])).toEqual([])
  })
})
