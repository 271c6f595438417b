import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { getMaxListeners } from 'node:events'
import { Cancellation } from '../../src/transfer/cancel.js'

const TIMING = { reportAfterInterruptMs: 200, reportAfterTerminateMs: 20 }
let open: Cancellation | undefined
// The deadline is a timer: a fake clock says exactly when it fires, on any machine.
beforeEach(() => {
  jest.useFakeTimers()
})
afterEach(() => {
  open?.dispose()
  jest.useRealTimers()
})

function watch(): { cancelled: NodeJS.Signals[]; deadline: { reached: boolean } } {
  const cancelled: NodeJS.Signals[] = []
  const deadline = { reached: false }
  open = new Cancellation(
    { onCancel: signal => cancelled.push(signal), onDeadline: () => (deadline.reached = true) },
    TIMING
  )
  return { cancelled, deadline }
}

/** The deadline is reached after exactly `ms` of the fake clock, not a moment before. */
function expectDeadlineAfter(deadline: { reached: boolean }, ms: number): void {
  jest.advanceTimersByTime(ms - 1)
  expect(deadline.reached).toBe(false)
  jest.advanceTimersByTime(1)
  expect(deadline.reached).toBe(true)
}

/** What Node does when the signal arrives: call the listeners with its name. */
const deliver = (signal: NodeJS.Signals) => process.emit(signal as 'SIGINT', signal as 'SIGINT')

describe('Cancellation', () => {
  it('Ctrl-Break (SIGBREAK, Windows) cancels like Ctrl-C: nothing new starts, the report gets the long deadline', () => {
    const { cancelled, deadline } = watch()
    deliver('SIGBREAK')
    expect(open!.signal.aborted).toBe(true)
    expect(cancelled).toEqual(['SIGBREAK'])
    expectDeadlineAfter(deadline, TIMING.reportAfterInterruptMs)
  })

  it('Ctrl-C then Ctrl-Break, as the Windows runner sends them: the second hurries the report', () => {
    const { cancelled, deadline } = watch()
    deliver('SIGINT')
    deliver('SIGBREAK')
    expect(cancelled).toEqual(['SIGINT'])
    expectDeadlineAfter(deadline, TIMING.reportAfterTerminateMs)
  })

  it("takes a listener per request, retry wait and upload in flight on its signal without Node's leak warning", () => {
    watch()
    // Node 24's AbortSignal has no listener limit (0), so nothing raises it; Node 20's warned past 10.
    expect(getMaxListeners(open!.signal)).toBe(0)
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
