import { AuthError, HttpError, InsecureUrlError, NetworkError } from '../errors.js'
import { isUnreachable } from './retry.js'

/** Every request goes to one API: a 404 from a documented endpoint means base-url is wrong. */
export class WrongBaseUrlError extends Error {
  constructor(baseUrl: string, error: HttpError) {
    super(
      `The Netiks API at ${baseUrl} answered HTTP 404 to ${error.step} (${error.serverMessage}): ` +
        'base-url is probably wrong. Give only the API origin, such as https://prod.backend.netikscloud.com, ' +
        'without /api/v1 or any other path. No other file was started.'
    )
    this.name = 'WrongBaseUrlError'
  }
}

/** No connection could be made even after the retries: every other file would fail alike. */
export class UnreachableError extends Error {
  constructor(error: NetworkError) {
    super(
      `${error.message} No connection could be made after every retry, so no other file was started. ` +
        'Check base-url, that the server is up, and the runner’s proxy settings (https_proxy, no_proxy).'
    )
    this.name = 'UnreachableError'
  }
}

/**
 * A failure that says the whole run cannot succeed — the key is refused, the API is not where
 * base-url points, nothing answers, the API hands out presigned URLs that are not followed — as
 * the error that stops the run; undefined for a failure of this file alone.
 */
export function systemicCause(error: unknown, baseUrl: string): Error | undefined {
  if (error instanceof AuthError || error instanceof InsecureUrlError) return error
  if (error instanceof HttpError && error.status === 404 && error.step !== 'put') {
    return new WrongBaseUrlError(baseUrl, error)
  }
  if (isUnreachable(error)) return new UnreachableError(error as NetworkError)
  return undefined
}

/** Stops a run at once, with one error that names the cause instead of one per file. */
export function isSystemic(error: unknown): boolean {
  return (
    error instanceof AuthError ||
    error instanceof InsecureUrlError ||
    error instanceof WrongBaseUrlError ||
    error instanceof UnreachableError
  )
}
