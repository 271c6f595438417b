import type http from 'node:http'

/**
 * What the transport watches over its requests in flight: whether each still moves (stall),
 * whether its connection comes up (connect timeout), and the run's cancellation. One timer and
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
  /** No byte sent or received for the stall timeout, once connected. */
  onStall(): void
  /** The connection was not made within the connect timeout. */
  onConnectTimeout(): void
}

interface WatchState {
  /** Bytes the socket had read and written when they last changed. */
  progress: number
  /** When the request last moved (or was last waiting for a socket, or connecting). */
  movedAt: number
  /** When its socket was first seen connecting. */
  connectingSince: number | undefined
}

/** How often the watch looks, as a share of the stall timeout, within these bounds (ms). */
const LOOKS_PER_TIMEOUT = 10
const MIN_LOOK_MS = 10
const MAX_LOOK_MS = 1000

/**
 * Fails a request that sends and receives nothing for `stallMs` once its socket is connected,
 * or whose socket is not connected within `connectMs` (nor its proxy's tunnel made). A
 * request that may be waiting for a free socket (the agent's queue) is neither: the clock
 * starts when a socket is handed to it, as with a socket timeout. A request is failed between `stallMs` and `stallMs` plus two looks
 * (a look every `stallMs / 10`, at most every second) after it last moved.
 */
export class StallWatch {
  private readonly watched = new Map<Watched, WatchState>()
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

  /** Watches the request until `stop` is called for it (it settled, however). */
  start(request: Watched): void {
    this.watched.set(request, { progress: -1, movedAt: performance.now(), connectingSince: undefined })
    // Unref'd: a request in flight holds the process open through its socket, not through this.
    this.timer ??= setInterval(() => this.look(), this.lookMs).unref()
  }

  stop(request: Watched): void {
    this.watched.delete(request)
    if (this.watched.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer)
      this.timer = undefined
    }
  }

  private look(): void {
    const now = performance.now()
    const due: Array<() => void> = []
    for (const [request, state] of this.watched) {
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
      // Bytes the kernel took: bytesWritten counts a write once dispatched, and libuv may hold
      // it (writeQueueSize) long after, draining as a slow peer reads (as net.Socket's timeout checks).
      const queued = (socket as unknown as { _handle?: { writeQueueSize?: number } })._handle?.writeQueueSize ?? 0
      const progress = socket.bytesRead + (socket.bytesWritten ?? 0) - queued
      if (progress !== state.progress) {
        state.progress = progress
        state.movedAt = now
      } else if (now - state.movedAt >= this.stallMs) {
        due.push(() => request.onStall())
      }
    }
    // Failing a request stops watching it: not while the map is being walked.
    for (const fail of due) fail()
  }
}

/**
 * Calls back every request sharing an AbortSignal when it aborts, with one listener on the
 * signal for as long as any request uses it (an EventTarget listener is costly to add and to
 * take off). A signal no request uses any more is let go, so per-file signals do not pile up.
 */
export class AbortFanOut {
  private readonly bySignal = new Map<AbortSignal, { listener: () => void; requests: Set<() => void> }>()

  /**
   * Calls `onAbort` when the signal aborts (at once if it already has), until the returned
   * function is called.
   */
  watch(signal: AbortSignal, onAbort: () => void): () => void {
    if (signal.aborted) {
      onAbort()
      return noop
    }
    const entry = this.bySignal.get(signal) ?? this.listenTo(signal)
    const { requests } = entry
    requests.add(onAbort)
    return () => {
      requests.delete(onAbort)
      if (requests.size === 0 && this.bySignal.get(signal) === entry) {
        this.bySignal.delete(signal)
        signal.removeEventListener('abort', entry.listener)
      }
    }
  }

  private listenTo(signal: AbortSignal): { listener: () => void; requests: Set<() => void> } {
    const requests = new Set<() => void>()
    const listener = (): void => {
      this.bySignal.delete(signal)
      for (const abort of [...requests]) abort()
    }
    const entry = { listener, requests }
    this.bySignal.set(signal, entry)
    signal.addEventListener('abort', listener, { once: true })
    return entry
  }
}

const noop = (): void => undefined
