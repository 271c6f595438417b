import { randomUUID } from 'node:crypto'
import { ProtocolError } from '../netiks/errors.js'
import type { AssetReply } from '../netiks/types.js'
import type { FailedStep, LocalFile } from '../model.js'
import type { OutcomeRecorder, UploadOptions } from './outcome.js'
import { withRetries, type RetryHooks } from './retry.js'

/** A request that registers an asset: a single upload, or a confirm. */
export type AssetRequest = 'upload' | 'confirm'

/** The asset call failed for good after an attempt that may have registered the asset. */
export class MaybeRegisteredError extends Error {
  constructor(
    readonly request: AssetRequest,
    readonly last: unknown
  ) {
    super(`An earlier ${request} attempt may have registered the asset on Netiks: check before uploading again.`)
    this.name = 'MaybeRegisteredError'
  }
}

export interface AssetCallResult {
  reply: AssetReply
  possibleDuplicate: boolean
}

/**
 * Runs an asset-creating call with retries, exactly once where the server allows it and
 * honestly where it does not. Every attempt carries the same Idempotency-Key. A failure that
 * proves the request had no effect is simply retried; an ambiguous one (the request was sent,
 * its answer never came or was a 500/502/504) is retried too, since a missing asset is worse
 * than a duplicate, but the result is then marked as a possible duplicate. The recorder is
 * told while the request is out, so that a run ending early reports the file as possibly
 * registered rather than not uploaded.
 */
export async function callCreatingAsset(
  request: AssetRequest,
  file: LocalFile,
  attempt: (idempotencyKey: string, markSent: () => void) => Promise<AssetReply>,
  context: {
    recorder: OutcomeRecorder
    options: Pick<UploadOptions, 'retry' | 'onRetry'>
    signal?: AbortSignal
  }
): Promise<AssetCallResult> {
  const { recorder, options } = context
  const idempotencyKey = randomUUID()
  let ambiguous = false
  const hooks: RetryHooks = {
    signal: context.signal,
    onFailure: kind => {
      if (kind === 'ambiguous') ambiguous = true
      if (!ambiguous) recorder.awaiting(file, undefined)
    },
    onRetry: (retry, delay, error) => options.onRetry?.(file, request, retry, delay, error)
  }
  try {
    const reply = await withRetries(
      async () => await attempt(idempotencyKey, () => recorder.awaiting(file, request)),
      options.retry,
      hooks
    )
    return { reply, possibleDuplicate: ambiguous && !reply.replayed }
  } catch (error) {
    // A 2xx the client cannot read was still a success on the server's side.
    if (ambiguous || error instanceof ProtocolError) throw new MaybeRegisteredError(request, error)
    throw error
  }
}

/** The step a failed asset call is reported under, and the note that goes with it. */
export function failureOfAssetCall(
  error: unknown,
  fallback: FailedStep
): { step: FailedStep; error: unknown; note: string } {
  if (error instanceof MaybeRegisteredError) {
    return { step: `${error.request}-unknown`, error: error.last, note: error.message }
  }
  return { step: fallback, error, note: '' }
}
