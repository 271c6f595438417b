import type http from 'node:http'

/**
 * What the transport watches over its requests in flight: whether each still moves (stall),
 * whether its answer comes whole in time (answer deadline), whether its connection comes up
 * (connect timeout), and the run's cancellation. One timer and
 * one listener per signal serve every request, rather than a socket timeout, a 'socket'
 * listener and an AbortSignal listener set up and taken down for each: on many small files
 * that bookkeeping cost more CPU than the rest of a request's own (`bench/cpu-study.ts`).
 */

/** A request the watch looks after, and what to do when it stops moving. */
export interface Watched {
  readonly req: http.ClientRequest
  /**
   * Whether the request may be waiting for a free socket: more requests are in flight on its
   * agent than it has sockets. If not, a request without a socket is still connecting (a
   * proxy's tunnel is made before the request gets its socket) and the connect timeout runs.
   */
  mayBeQueued(): boolean
  /** No byte of the request taken by the socket for the stall timeout, once connected. */
  onStall(): void
  /** The answer was not complete within the stall timeout of the answer phase's start. */
  onAnswerLate(): void
  /** The connection was not made within the connect timeout. */
  onConnectTimeout(): void
}

/**
 * A watched request's place in the watch, and what the watch last saw of it. Kept in an array
 * by index, not in a Map keyed by request: with a fresh key for every request, a Map cost more
 * CPU the more files a run had (about 80 µs a file more at 30,000 files, bench/cpu-study.ts).
 */
export class WatchEntry {
  /** Bytes the socket had read and written when they last changed. */
  progress = -1
  /** When the request last moved (or was last waiting for a socket, or connecting). */
  movedAt = performance.now()
  /** When its socket was first seen connecting. */
  connectingSince: number | undefined = undefined
  /** When the whole request was handed to the socket, or the answer began, if either has. */
  answerSince: number | undefined = undefined

  constructor(
    readonly request: Watched,
    /** Where it is in the watch's array; -1 once stopped. */
    public index: number
  ) {}
}

/** How often the watch looks, as a share of the stall timeout, within these bounds (ms). */
const LOOKS_PER_TIMEOUT = 10
const MIN_LOOK_MS = 10
const MAX_LOOK_MS = 1000

/**
 * Fails a request whose socket takes none of it for `stallMs` once connected, whose answer is
 * not complete `stallMs` after the request was sent whole (or after the answer began, for one
 * given early), or whose socket is not connected within `connectMs` (nor its proxy's tunnel
 * made). A request that may be waiting for a free socket (the agent's queue) is none of these:
 * the clock starts when a socket is handed to it, as with a socket timeout. A request is
 * failed between the timeout and the timeout plus two looks (a look every `stallMs / 10`, at
 * most every second).
 *
 * Why a deadline for the answer rather than a stall: a server that trickles its answer (a byte
 * a second) always moves, and would hold the request for ever. Once it has the whole request,
 * a server that is not done answering within the stall timeout is treated as one that stalled:
 * an answer is small, and a gateway in front of the API gives up at about that time too. For the same reason, what the server sends while the request is still going out does not
 * count as the request moving.
 */
export class StallWatch {
  private readonly entries: WatchEntry[] = []
  private timer: NodeJS.Timeout | undefined
  private readonly lookMs: number

  constructor(
    private readonly stallMs: number,
    private readonly connectMs: number
  ) {
    this.lookMs = Math.min(
      MAX_LOOK_MS,
      Math.max(MIN_LOOK_MS, Math.floor(Math.min(stallMs, connectMs) / LOOKS_PER_TIMEOUT))
    )
  }

  /** Watches the request until `stop` is called with what this returns (it settled, however). */
  start(request: Watched): WatchEntry {
    const entry = new WatchEntry(request, this.entries.length)
    this.entries.push(entry)
    // Unref'd: a request in flight holds the process open through its socket, not through this.
    this.timer ??= setInterval(() => this.look(), this.lookMs).unref()
    return entry
  }

  /** The whole request is out, or the answer began: from now on its answer has `stallMs` to come whole. */
  answering(entry: WatchEntry): void {
    entry.answerSince ??= performance.now()
  }

  stop(entry: WatchEntry): void {
    if (!removeIndexed(this.entries, entry)) return
    if (this.entries.length === 0 && this.timer !== undefined) {
      clearInterval(this.timer)
      this.timer = undefined
    }
  }

  private look(): void {
    const now = performance.now()
    const due: Array<() => void> = []
    for (const state of this.entries) {
      const request = state.request
      const socket = request.req.socket
      if (!socket && request.mayBeQueued()) {
        // Queued for a socket: not the connection's fault.
        state.movedAt = now
        state.connectingSince = undefined
        continue
      }
      if (!socket || socket.connecting) {
        state.connectingSince ??= now
        state.movedAt = now
        if (now - state.connectingSince >= this.connectMs) due.push(() => request.onConnectTimeout())
        continue
      }
      if (state.answerSince !== undefined) {
        if (now - state.answerSince >= this.stallMs) due.push(() => request.onAnswerLate())
        continue
      }
      // Bytes the kernel took: bytesWritten counts a write once dispatched, and libuv may hold it
      // (writeQueueSize) long after, draining as a slow peer reads (net.Socket's timeout checks
      // the same).
      const queued = (socket as unknown as { _handle?: { writeQueueSize?: number } })._handle?.writeQueueSize ?? 0
      const progress = (socket.bytesWritten ?? 0) - queued
      if (progress !== state.progress) {
        state.progress = progress
        state.movedAt = now
      } else if (now - state.movedAt >= this.stallMs) {
        due.push(() => request.onStall())
      }
    }
    // Failing a request stops watching it: not while the array is being walked.
    for (const fail of due) fail()
  }
}

/**
 * Calls back every request sharing an AbortSignal when it aborts, with one listener on the
 * signal for as long as any request uses it (an EventTarget listener is costly to add and to
 * take off). A signal no request uses any more is let go, so per-file signals do not pile up.
 */
export class AbortFanOut {
  private readonly bySignal = new Map<AbortSignal, SignalWatchers>()

  /**
   * Calls `onAbort` when the signal aborts (at once if it already has), until the returned
   * function is called.
   */
  watch(signal: AbortSignal, onAbort: () => void): () => void {
    if (signal.aborted) {
      onAbort()
      return noop
    }
    const watchers = this.bySignal.get(signal) ?? this.listenTo(signal)
    // In an array by index, as the stall watch keeps its requests (see WatchEntry).
    const watcher = { abort: onAbort, index: watchers.list.length }
    watchers.list.push(watcher)
    return () => {
      if (!removeIndexed(watchers.list, watcher)) return
      if (watchers.list.length === 0 && this.bySignal.get(signal) === watchers) {
        this.bySignal.delete(signal)
        signal.removeEventListener('abort', watchers.listener)
      }
    }
  }

  private listenTo(signal: AbortSignal): SignalWatchers {
    const watchers: SignalWatchers = {
      list: [],
      listener: () => {
        this.bySignal.delete(signal)
        for (const { abort } of [...watchers.list]) abort()
      }
    }
    this.bySignal.set(signal, watchers)
    signal.addEventListener('abort', watchers.listener, { once: true })
    return watchers
  }
}

interface SignalWatchers {
  listener: () => void
  list: Array<{ abort: () => void; index: number }>
}

/**
 * Takes `item` out of `list`, where each item knows its index, by moving the last item into
 * its place: false if it was taken out before.
 */
function removeIndexed<T extends { index: number }>(list: T[], item: T): boolean {
  if (item.index < 0) return false
  const last = list.pop()!
  if (last !== item) {
    list[item.index] = last
    last.index = item.index
  }
  item.index = -1
  return true
}

const noop = (): void => undefined
