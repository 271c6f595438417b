import {
  AuthError,
  HttpError,
  InsecureUrlError,
  NetworkError,
  RedirectError,
  WrongSchemeError
} from '../netiks/errors.js'
import { errorMessage } from '../model.js'
import { isTransientStatus, isUnreachable } from './retry.js'

/** A failure every other file would meet too: the run stops with it, named by `name` in each file not started. */
class SystemicError extends Error {
  constructor(name: string, message: string) {
    super(message)
    this.name = name
  }
}

/**
 * The wire's errors that every request of the run would meet: the key is refused, an https port
 * speaks plain http, a redirect, the API hands out presigned URLs that are not followed.
 */
const RUN_WIDE_ERRORS = [AuthError, InsecureUrlError, RedirectError, WrongSchemeError]

/** Stops a run at once, with one error that names the cause instead of one per file. */
export function isSystemic(error: unknown): boolean {
  return [...RUN_WIDE_ERRORS, SystemicError].some(type => error instanceof type)
}

/**
 * Trips on a failure that says the whole run cannot succeed: one of RUN_WIDE_ERRORS, a 404 from
 * an API endpoint (base-url is wrong), no connection at all, or a streak of files failing from
 * one transient cause after every retry with none confirmed between — at least a full pool of
 * them, since files sent together fail together.
 */
export class Breaker {
  private streak?: { cause: string; files: number }

  constructor(
    private readonly baseUrl: string,
    private readonly concurrency: number
  ) {}

  confirmed(): void {
    this.streak = undefined
  }

  /** The error that stops the run, if this file's failure trips the breaker; a cancelled run's failures start no streak. */
  failed(error: unknown, cancelled: boolean): Error | undefined {
    if (RUN_WIDE_ERRORS.some(type => error instanceof type)) return error as Error
    // Every request goes to one API: a 404 from a documented endpoint means base-url is wrong.
    if (error instanceof HttpError && error.status === 404 && error.step !== 'put') {
      return new SystemicError(
        'WrongBaseUrlError',
        `The Netiks API at ${this.baseUrl} answered HTTP 404 to ${error.step} (${error.serverMessage}): ` +
          "base-url is probably wrong. Give the URL the API's /api/v1/ paths follow, without /api/v1: its origin, " +
          'such as https://prod.backend.netikscloud.com, or the path a reverse proxy serves it under, such as ' +
          'https://proxy.example/netiks. No other file was started.'
      )
    }
    if (isUnreachable(error)) {
      const check =
        error.proxy === undefined
          ? ' Check base-url, that the server is up, and the runner’s proxy settings (https_proxy, no_proxy).'
          : ''
      const message = `${error.message} No connection could be made after every retry, so no other file was started.`
      return new SystemicError('UnreachableError', message + check)
    }
    const cause = transientCause(error)
    if (cause === undefined || cancelled) {
      this.streak = undefined
      return undefined
    }
    this.streak = { cause, files: this.streak?.cause === cause ? this.streak.files + 1 : 1 }
    if (this.streak.files < Math.max(this.concurrency, 5)) return undefined
    return new SystemicError(
      'RepeatedFailureError',
      `The last ${this.streak.files} files failed the same way after every retry, with none uploaded in between ` +
        `(${errorMessage(error)}): the server is failing or throttling every request. No other file was ` +
        'started; try again later, or lower concurrency.'
    )
  }
}

/** The cause of a transient failure, to tell a streak of the same one; undefined for a file's own. */
function transientCause(error: unknown): string | undefined {
  if (error instanceof HttpError) return isTransientStatus(error.status) ? `HTTP ${error.status}` : undefined
  return error instanceof NetworkError ? error.code : undefined
}
