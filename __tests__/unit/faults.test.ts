import { describe, expect, it } from '@jest/globals'
import {
  AFTER_EFFECT_KINDS,
  DEFAULT_FAULTS,
  FAULT_KINDS,
  FORGED_ANSWER_KINDS,
  FaultInjector,
  describeFaults,
  parseFaultSpec
} from '../../emulator/faults.js'

/** What seed 7 at rate 0.3 with the default kinds gave before the after-effect kinds were added. */
const SEED_7_SEQUENCE = [
  '429',
  undefined,
  undefined,
  undefined,
  undefined,
  '429',
  undefined,
  '502',
  '503',
  'slow',
  'slow',
  '429'
]

describe('parseFaultSpec', () => {
  it('reads every setting', () => {
    expect(
      parseFaultSpec(
        'rate=0.2, seed=7, endpoints=put+confirm, kinds=429+reset+expired+lost-reply, slow-ms=1500, late-ms=800, retry-after=2'
      )
    ).toEqual({
      rate: 0.2,
      seed: 7,
      endpoints: ['put', 'confirm'],
      kinds: ['429', 'reset', 'expired', 'lost-reply'],
      slowMs: 1500,
      lateMs: 800,
      retryAfterSeconds: 2
    })
  })
  it('round-trips through describeFaults', () => {
    const spec = 'rate=0.25,seed=3,endpoints=put,kinds=slow+reset,slow-ms=10,retry-after=4'
    expect(describeFaults(parseFaultSpec(spec))).toBe(spec)
    const late =
      'rate=0.5,seed=3,endpoints=upload+confirm,kinds=late-reply+commit-then-500,slow-ms=10,late-ms=2500,retry-after=4'
    expect(describeFaults(parseFaultSpec(late))).toBe(late)
    expect(describeFaults(DEFAULT_FAULTS)).toBe('')
  })
  it('leaves the faults that strike after the request out of the default kinds', () => {
    expect(DEFAULT_FAULTS.kinds).toEqual(['429', '500', '502', '503', 'reset', 'slow'])
    expect(AFTER_EFFECT_KINDS.filter(kind => DEFAULT_FAULTS.kinds.includes(kind))).toEqual([])
    expect(AFTER_EFFECT_KINDS.every(kind => FAULT_KINDS.includes(kind))).toBe(true)
  })
  it('keeps defaults for what is left out', () => {
    expect(parseFaultSpec('rate=0.5')).toEqual({ ...DEFAULT_FAULTS, rate: 0.5 })
  })
  it.each(['rate=2', 'rate=', 'kinds=418', 'kinds=lost', 'late-ms=-1', 'endpoints=delete', 'colour=red'])(
    'names the bad part of "%s"',
    spec => {
      expect(() => parseFaultSpec(spec)).toThrow(spec.split('=')[0])
    }
  )
})

describe('FaultInjector', () => {
  const sequence = (seed: number) => {
    const injector = new FaultInjector({
      ...DEFAULT_FAULTS,
      rate: 0.3,
      seed,
      kinds: ['429', '500', 'reset', 'expired']
    })
    return Array.from({ length: 200 }, (_, i) => injector.pick(['put', 'confirm', 'generate', 'upload'][i % 4]))
  }

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(sequence(42)).toEqual(sequence(42))
    expect(sequence(42)).not.toEqual(sequence(43))
  })

  it('faults about `rate` of the requests, and counts them exactly', () => {
    const injector = new FaultInjector({ ...DEFAULT_FAULTS, rate: 0.2, seed: 9 })
    const picks = Array.from({ length: 5000 }, () => injector.pick('put'))
    const faulted = picks.filter(Boolean).length
    expect(faulted / 5000).toBeGreaterThan(0.17)
    expect(faulted / 5000).toBeLessThan(0.23)
    expect(injector.summary().put.total).toBe(faulted)
  })

  it('keeps the sequence of the default kinds: a seed faults the same requests as before', () => {
    // Recorded before the after-effect kinds existed; adding kinds must not move a seeded run.
    const injector = new FaultInjector({ ...DEFAULT_FAULTS, rate: 0.3, seed: 7 })
    const picks = Array.from({ length: 12 }, (_, i) => injector.pick(['put', 'confirm', 'generate', 'upload'][i % 4]))
    expect(picks).toEqual(SEED_7_SEQUENCE)
  })

  it('draws the after-effect kinds for every endpoint, and counts them', () => {
    const injector = new FaultInjector({
      ...DEFAULT_FAULTS,
      rate: 1,
      kinds: ['lost-reply', 'late-reply', 'commit-then-500']
    })
    const endpoints = ['upload', 'confirm', 'generate', 'put']
    const picks = Array.from({ length: 60 }, (_, i) => injector.pick(endpoints[i % 4]))
    expect(new Set(picks)).toEqual(new Set(['lost-reply', 'late-reply', 'commit-then-500']))
    const summary = injector.summary()
    for (const endpoint of endpoints as Array<keyof typeof summary>) {
      const { total, ...byKind } = summary[endpoint]
      expect(total).toBe(15)
      expect(Object.values(byKind).reduce((sum, n) => sum + (n ?? 0), 0)).toBe(15)
    }
  })

  it('sends expired only to PUTs, and leaves other endpoints and other paths alone', () => {
    const injector = new FaultInjector({
      ...DEFAULT_FAULTS,
      rate: 1,
      kinds: ['expired'],
      endpoints: ['put', 'confirm']
    })
    expect(injector.pick('put')).toBe('expired')
    expect(injector.pick('confirm')).toBeUndefined()
    expect(injector.pick('generate')).toBeUndefined()
    expect(injector.pick('other')).toBeUndefined()
  })
})

describe('the emulator forges answers on asset-creating calls only', () => {
  it('forged kinds strike upload and confirm, never generate or put; the spec reads them back', () => {
    const options = parseFaultSpec('rate=1,seed=5,kinds=forged-id+forged-size+forged-name')
    expect(describeFaults(options)).toContain('kinds=forged-id+forged-size+forged-name')
    const faults = new FaultInjector(options)
    for (let i = 0; i < 30; i++) {
      expect(faults.pick('generate')).toBeUndefined()
      expect(faults.pick('put')).toBeUndefined()
      expect(['forged-id', 'forged-size', 'forged-name']).toContain(faults.pick('upload'))
      expect(['forged-id', 'forged-size', 'forged-name']).toContain(faults.pick('confirm'))
    }
    expect(FORGED_ANSWER_KINDS.every(kind => AFTER_EFFECT_KINDS.includes(kind))).toBe(true)
  })
})
