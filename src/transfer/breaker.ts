import {
  AuthError,
  HttpError,
  InsecureUrlError,
  NetworkError,
  RedirectError,
  WrongSchemeError
} from '../netiks/errors.js'
import { errorMessage } from '../model.js'
import { isUnreachable } from './retry.js'

/** Every request goes to one API: a 404 from a documented endpoint means base-url is wrong. */
export class WrongBaseUrlError extends Error {
  constructor(baseUrl: string, error: HttpError) {
    super(
      `The Netiks API at ${baseUrl} answered HTTP 404 to ${error.step} (${error.serverMessage}): ` +
        "base-url is probably wrong. Give the URL the API's /api/v1/ paths follow, without /api/v1: its origin, " +
        'such as https://prod.backend.netikscloud.com, or the path a reverse proxy serves it under, such as ' +
        'https://proxy.example/netiks. No other file was started.'
    )
    this.name = 'WrongBaseUrlError'
  }
}

/** No connection could be made even after the retries: every other file would fail alike. */
export class UnreachableError extends Error {
  constructor(error: NetworkError) {
    const check =
      error.proxy === undefined
        ? ' Check base-url, that the server is up, and the runner’s proxy settings (https_proxy, no_proxy).'
        : ''
    super(`${error.message} No connection could be made after every retry, so no other file was started.${check}`)
    this.name = 'UnreachableError'
  }
}

/** Several files in a row failed the same transient way, after every retry, with none uploaded between. */
export class RepeatedFailureError extends Error {
  constructor(files: number, last: unknown) {
    super(
      `The last ${files} files failed the same way after every retry, with none uploaded in between ` +
        `(${errorMessage(last)}): the server is failing or throttling every request. No other file was ` +
        'started; try again later, or lower concurrency.'
    )
    this.name = 'RepeatedFailureError'
  }
}

/** The cause of a transient failure, to tell a streak of the same one; undefined for a file's own. */
export function transientCause(error: unknown): string | undefined {
  if (error instanceof HttpError)
    return [408, 429, 500, 502, 503, 504].includes(error.status) ? `HTTP ${error.status}` : undefined
  if (error instanceof NetworkError) return error.code
  return undefined
}

/** Files failing in a row from one transient cause that stop the run: at least a full pool of them. */
export function repeatedFailureLimit(concurrency: number): number {
  return Math.max(concurrency, 5)
}

/**
 * A failure that says the whole run cannot succeed — the key is refused, the API is not where
 * base-url points, nothing answers, an https port speaks plain http, a redirect (every request
 * there would get it), the API hands out presigned URLs that are not followed — as the error
 * that stops the run; undefined for a failure of this file alone.
 */
export function systemicCause(error: unknown, baseUrl: string): Error | undefined {
  if (error instanceof AuthError || error instanceof InsecureUrlError) return error
  if (error instanceof RedirectError || error instanceof WrongSchemeError) return error
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
    error instanceof RedirectError ||
    error instanceof WrongSchemeError ||
    error instanceof WrongBaseUrlError ||
    error instanceof UnreachableError ||
    error instanceof RepeatedFailureError
  )
}
