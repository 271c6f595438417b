import { describe, expect, it } from '@jest/globals'
import { DEFAULT_FAULTS, FaultInjector, describeFaults, parseFaultSpec } from '../emulator/faults.js'

describe('parseFaultSpec', () => {
  it('reads every setting', () => {
    expect(
      parseFaultSpec('rate=0.2, seed=7, endpoints=put+confirm, kinds=429+reset+expired, slow-ms=1500, retry-after=2')
    ).toEqual({
      rate: 0.2,
      seed: 7,
      endpoints: ['put', 'confirm'],
      kinds: ['429', 'reset', 'expired'],
      slowMs: 1500,
      retryAfterSeconds: 2
    })
  })
  it('round-trips through describeFaults', () => {
    const spec = 'rate=0.25,seed=3,endpoints=put,kinds=slow+reset,slow-ms=10,retry-after=4'
    expect(describeFaults(parseFaultSpec(spec))).toBe(spec)
    expect(describeFaults(DEFAULT_FAULTS)).toBe('')
  })
  it('keeps defaults for what is left out', () => {
    expect(parseFaultSpec('rate=0.5')).toEqual({ ...DEFAULT_FAULTS, rate: 0.5 })
  })
  it.each(['rate=2', 'rate=', 'kinds=418', 'endpoints=delete', 'colour=red'])('names the bad part of "%s"', spec => {
    expect(() => parseFaultSpec(spec)).toThrow(spec.split('=')[0])
  })
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
