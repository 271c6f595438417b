import type { UploadStep } from '../model.js'

/** The server answered, but not with success. `serverMessage` is the server's own words. */
export class HttpError extends Error {
  constructor(
    readonly step: UploadStep,
    readonly status: number,
    readonly serverMessage: string,
    message: string,
    /** How long the server asked us to wait (Retry-After), if it did. */
    readonly retryAfterMs?: number,
    /** S3's error code (`AccessDenied`, `SignatureDoesNotMatch`, …) when S3 answered. */
    readonly s3Code?: string
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** The API refused the api-key: every further request would be refused too. */
export class AuthError extends HttpError {
  constructor(step: UploadStep, status: number, serverMessage: string, baseUrl: string) {
    super(
      step,
      status,
      serverMessage,
      `The Netiks API at ${baseUrl} rejected the api-key (HTTP ${status}: ${serverMessage}). ` +
        'Check that the secret passed as api-key holds a valid Netiks API key for this base-url.'
    )
    this.name = 'AuthError'
  }
}

/** The server answered with a redirect, which is not followed: the answer names where to. */
export class RedirectError extends HttpError {
  constructor(step: UploadStep, status: number, message: string) {
    super(step, status, 'a redirect', message)
    this.name = 'RedirectError'
  }
}

/** No HTTP answer at all: the connection failed, was reset, or stalled. */
export class NetworkError extends Error {
  constructor(
    readonly step: UploadStep,
    readonly code: string,
    message: string,
    /** If not, the server cannot have acted on it; if so, it may have (the answer was lost, not the request). */
    readonly requestSent = true,
    /** The proxy the request went through (its origin), when the failure was the proxy's. */
    readonly proxy?: string
  ) {
    super(message)
    this.name = 'NetworkError'
  }
}

/**
 * An https URL whose port answered in plain http (EPROTO, "wrong version number"): every
 * request to it would fail alike.
 */
export class WrongSchemeError extends NetworkError {
  constructor(step: UploadStep, message: string) {
    super(step, 'EPROTO', message, false)
    this.name = 'WrongSchemeError'
  }
}

/** The server answered 2xx but not with what the contract promises. */
export class ProtocolError extends Error {
  constructor(
    readonly step: UploadStep,
    message: string
  ) {
    super(message)
    this.name = 'ProtocolError'
  }
}

/** A presigned URL the action will not follow: the run stops, as every other URL from the API would be alike. */
export class InsecureUrlError extends ProtocolError {
  constructor(step: UploadStep, message: string) {
    super(step, message)
    this.name = 'InsecureUrlError'
  }
}
