import { describe, expect, it } from '@jest/globals'
import { runPool } from '../../src/pool.js'

const tick = async (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('runPool', () => {
  it.each([1, 3, 8])('never has more than %i items in flight, and reaches that cap', async cap => {
    let inFlight = 0
    let peak = 0
    const done: number[] = []
    await runPool(
      Array.from({ length: 20 }, (_, i) => i),
      cap,
      async item => {
        inFlight++
        peak = Math.max(peak, inFlight)
        await tick(5 + (item % 3))
        inFlight--
        done.push(item)
      }
    )
    expect(peak).toBe(cap)
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('handles fewer items than workers', async () => {
    const seen: number[] = []
    await runPool([1, 2], 8, async item => {
      seen.push(item)
    })
    expect(seen.sort()).toEqual([1, 2])
  })

  it('pulls from an async source only when a worker is free', async () => {
    let produced = 0
    let started = 0
    let mostAhead = 0
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 10; i++) {
        produced++
        mostAhead = Math.max(mostAhead, produced - started)
        yield i
      }
    }
    await runPool(source(), 2, async () => {
      started++
      await tick(2)
    })
    expect(produced).toBe(10)
    expect(mostAhead).toBeLessThanOrEqual(2)
  })

  it('stops starting items once told to stop', async () => {
    const started: number[] = []
    await runPool(
      Array.from({ length: 10 }, (_, i) => i),
      2,
      async item => {
        started.push(item)
      },
      () => started.length >= 3
    )
    expect(started.length).toBeLessThanOrEqual(4)
  })

  it('rejects a concurrency below 1', async () => {
    await expect(runPool([1], 0, async () => undefined)).rejects.toThrow(RangeError)
  })
})
