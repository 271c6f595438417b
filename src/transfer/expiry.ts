import { HttpError } from '../netiks/errors.js'

/** Fresh URLs a file may be given when S3 refuses its URL as expired, apart from `retries`. */
export const MAX_URL_REFRESHES = 3
/** Clocks differ: a URL this close to its end is taken as expired when S3 refuses it. */
const CLOCK_SKEW_MS = 60_000

/** When a SigV4 presigned URL stops being valid, from its X-Amz-Date and X-Amz-Expires; undefined if it does not say. */
function urlExpiresAt(url: string): number | undefined {
  const params = URL.parse(url)?.searchParams
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(params?.get('X-Amz-Date') ?? '')
  const expires = Number(params?.get('X-Amz-Expires') ?? NaN)
  if (date === null || !Number.isFinite(expires)) return undefined
  const [, y, mo, d, h, mi, s] = date.map(Number)
  return Date.UTC(y, mo - 1, d, h, mi, s) + expires * 1000
}

/**
 * A PUT refused with 403 because its URL expired. S3's words vary (AWS says "Request has expired",
 * radosgw only AccessDenied), so the URL's own expiry decides, and the words only add to it.
 */
export function isExpiredUrlRefusal(error: unknown, url: string, now = Date.now()): boolean {
  if (!(error instanceof HttpError) || error.step !== 'put' || error.status !== 403) return false
  if (/expired/i.test(error.serverMessage) || /expired/i.test(error.s3Code ?? '')) return true
  const expiresAt = urlExpiresAt(url)
  return expiresAt !== undefined && now >= expiresAt - CLOCK_SKEW_MS
}
