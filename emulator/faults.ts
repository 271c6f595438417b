/**
 * Deterministic fault injection. A seeded generator decides, request by request in arrival
 * order, whether a request to a faulted endpoint fails and how, and the counts let a test know
 * exactly how many requests of each endpoint were faulted.
 *
 * Most kinds strike before the request takes effect, so a retried request is never also a
 * processed one. The AFTER_EFFECT_KINDS strike once the request was handled (an asset created,
 * an object stored, URLs issued): the server did the work, the client never learns it. The
 * FORGED_ANSWER_KINDS strike then too, on an asset-creating call (a single upload, a confirm):
 * the asset is created, and its answer is sent with one field forged, as a hostile or broken
 * server (or something between) would send it.
 */
export const FAULT_ENDPOINTS = ['upload', 'generate', 'put', 'confirm'] as const
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number]

export const FAULT_KINDS = [
  '429',
  '500',
  '502',
  '503',
  'reset',
  'slow',
  'expired',
  'lost-reply',
  'late-reply',
  'commit-then-500',
  'forged-id',
  'forged-size',
  'forged-name'
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

/** Kinds that let the request take effect first, then spoil its answer. */
export const AFTER_EFFECT_KINDS: readonly FaultKind[] = [
  'lost-reply',
  'late-reply',
  'commit-then-500',
  'forged-id',
  'forged-size',
  'forged-name'
]

/**
 * Kinds that answer an asset-creating call with one field of its `asset` forged: `forged-id`
 * an id with a line break and a workflow command (`<id>\n::error::forged`), `forged-size` a
 * `file_size` one byte more than was stored, `forged-name` an `asset_name` with a line break and
 * a workflow command after the name. They strike `upload` and `confirm` only.
 */
export const FORGED_ANSWER_KINDS: readonly FaultKind[] = ['forged-id', 'forged-size', 'forged-name']

/** Whether a fault of this kind can strike a request to this endpoint. */
function strikes(kind: FaultKind, endpoint: FaultEndpoint): boolean {
  if (kind === 'expired') return endpoint === 'put'
  if (FORGED_ANSWER_KINDS.includes(kind)) return endpoint === 'upload' || endpoint === 'confirm'
  return true
}

export function strikesAfterEffect(kind: FaultKind): boolean {
  return AFTER_EFFECT_KINDS.includes(kind)
}

export interface FaultOptions {
  /** Probability, 0 to 1, that a request to one of `endpoints` is faulted. */
  rate: number
  seed: number
  endpoints: FaultEndpoint[]
  /** `expired` applies to PUTs only, the forged answers to uploads and confirms; other endpoints draw from the rest. */
  kinds: FaultKind[]
  /** A `slow` fault holds the request this long, then drops the connection unanswered. */
  slowMs: number
  /**
   * A `late-reply` fault holds the answer of a handled request this long (longer than the
   * client's stall timeout, to be of use), then sends it if the client is still there.
   */
  lateMs: number
  /** Retry-After (seconds) sent with a 429. */
  retryAfterSeconds: number
}

export const DEFAULT_FAULTS: FaultOptions = {
  rate: 0,
  seed: 1,
  endpoints: [...FAULT_ENDPOINTS],
  kinds: ['429', '500', '502', '503', 'reset', 'slow'],
  slowMs: 3000,
  lateMs: 5000,
  retryAfterSeconds: 1
}

export class FaultInjector {
  private readonly random: () => number
  private readonly counts: Record<FaultEndpoint, Partial<Record<FaultKind, number>>> = {
    upload: {},
    generate: {},
    put: {},
    confirm: {}
  }

  constructor(readonly options: FaultOptions) {
    this.random = mulberry32(options.seed)
  }

  /** The fault for this request, or undefined to let it through. */
  pick(endpoint: string): FaultKind | undefined {
    if (!isFaultEndpoint(endpoint) || !this.options.endpoints.includes(endpoint) || this.options.rate <= 0) {
      return undefined
    }
    const roll = this.random()
    const kinds = this.options.kinds.filter(kind => strikes(kind, endpoint))
    const kind = kinds[Math.floor(this.random() * kinds.length)]
    if (roll >= this.options.rate || kind === undefined) return undefined
    this.counts[endpoint][kind] = (this.counts[endpoint][kind] ?? 0) + 1
    return kind
  }

  /** Faults injected so far, per endpoint and kind, with a total per endpoint. */
  summary(): Record<FaultEndpoint, { total: number } & Partial<Record<FaultKind, number>>> {
    const result = {} as Record<FaultEndpoint, { total: number } & Partial<Record<FaultKind, number>>>
    for (const endpoint of FAULT_ENDPOINTS) {
      const byKind = this.counts[endpoint]
      const total = Object.values(byKind).reduce((sum, n) => sum + (n ?? 0), 0)
      result[endpoint] = { ...byKind, total }
    }
    return result
  }
}

function isFaultEndpoint(endpoint: string): endpoint is FaultEndpoint {
  return (FAULT_ENDPOINTS as readonly string[]).includes(endpoint)
}

/**
 * Reads `rate=0.2,seed=7,endpoints=put+confirm,kinds=429+503+reset,slow-ms=3000,late-ms=5000,retry-after=1`.
 * Anything left out keeps its default. Throws with the offending part named.
 */
export function parseFaultSpec(spec: string): FaultOptions {
  const options: FaultOptions = {
    ...DEFAULT_FAULTS,
    endpoints: [...DEFAULT_FAULTS.endpoints],
    kinds: [...DEFAULT_FAULTS.kinds]
  }
  for (const part of spec
    .split(',')
    .map(p => p.trim())
    .filter(Boolean)) {
    const [key, value = ''] = part.split('=').map(p => p.trim())
    switch (key) {
      case 'rate':
        options.rate = numberIn(part, value, 0, 1)
        break
      case 'seed':
        options.seed = numberIn(part, value, 0, 2 ** 32 - 1)
        break
      case 'slow-ms':
        options.slowMs = numberIn(part, value, 0, 600_000)
        break
      case 'late-ms':
        options.lateMs = numberIn(part, value, 0, 600_000)
        break
      case 'retry-after':
        options.retryAfterSeconds = numberIn(part, value, 0, 3600)
        break
      case 'endpoints':
        options.endpoints = listOf(part, value, FAULT_ENDPOINTS)
        break
      case 'kinds':
        options.kinds = listOf(part, value, FAULT_KINDS)
        break
      default:
        throw new Error(
          `unknown fault setting "${part}" (use rate, seed, endpoints, kinds, slow-ms, late-ms, retry-after)`
        )
    }
  }
  return options
}

/** The spec string parseFaultSpec reads, or '' when nothing is injected. `late-ms` only with `late-reply`. */
export function describeFaults(options: FaultOptions): string {
  if (options.rate <= 0) return ''
  return [
    `rate=${options.rate}`,
    `seed=${options.seed}`,
    `endpoints=${options.endpoints.join('+')}`,
    `kinds=${options.kinds.join('+')}`,
    `slow-ms=${options.slowMs}`,
    ...(options.kinds.includes('late-reply') ? [`late-ms=${options.lateMs}`] : []),
    `retry-after=${options.retryAfterSeconds}`
  ].join(',')
}

function numberIn(part: string, value: string, min: number, max: number): number {
  const n = Number(value)
  if (value === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new Error(`fault setting "${part}" needs a number from ${min} to ${max}`)
  }
  return n
}

function listOf<T extends string>(part: string, value: string, allowed: readonly T[]): T[] {
  const items = value
    .split('+')
    .map(item => item.trim())
    .filter(Boolean)
  const unknown = items.filter(item => !(allowed as readonly string[]).includes(item))
  if (items.length === 0 || unknown.length > 0) {
    throw new Error(`fault setting "${part}" takes ${allowed.join(', ')} joined by +`)
  }
  return items as T[]
}

/** A small, fast, seedable PRNG: the same seed gives the same sequence on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
