import { afterEach, describe, expect, it } from '@jest/globals'
import { Cancellation } from '../../src/transfer/cancel.js'

const TIMING = { reportAfterInterruptMs: 200, reportAfterTerminateMs: 20 }
let open: Cancellation | undefined
afterEach(() => open?.dispose())

function watch(): { cancelled: NodeJS.Signals[]; deadline: Promise<number> } {
  const cancelled: NodeJS.Signals[] = []
  const started = Date.now()
  const deadline = new Promise<number>(resolve => {
    open = new Cancellation(
      { onCancel: signal => cancelled.push(signal), onDeadline: () => resolve(Date.now() - started) },
      TIMING
    )
  })
  return { cancelled, deadline }
}

/** What Node does when the signal arrives: call the listeners with its name. */
const deliver = (signal: NodeJS.Signals) => process.emit(signal as 'SIGINT', signal as 'SIGINT')

describe('Cancellation', () => {
  it('Ctrl-Break (SIGBREAK, Windows) cancels like Ctrl-C: nothing new starts, the report gets the long deadline', async () => {
    const { cancelled, deadline } = watch()
    deliver('SIGBREAK')
    expect(open!.signal.aborted).toBe(true)
    expect(cancelled).toEqual(['SIGBREAK'])
    expect(await deadline).toBeGreaterThanOrEqual(150)
  })

  it('Ctrl-C then Ctrl-Break, as the Windows runner sends them: the second hurries the report', async () => {
    const { cancelled, deadline } = watch()
    deliver('SIGINT')
    deliver('SIGBREAK')
    expect(cancelled).toEqual(['SIGINT'])
    expect(await deadline).toBeLessThan(150)
  })

  it('stops listening once disposed', () => {
    const before = process.listenerCount('SIGBREAK')
    const { cancelled } = watch()
    expect(process.listenerCount('SIGBREAK')).toBe(before + 1)
    open!.dispose()
    expect(process.listenerCount('SIGBREAK')).toBe(before)
    expect(cancelled).toEqual([])
  })
})
