/**
 * Workers pull from one shared iterator, so a slow item never holds up the others, and an async
 * source is asked for its next item only when a worker is free.
 */
export async function runPool<T>(
  items: Iterable<T> | AsyncIterable<T>,
  concurrency: number,
  worker: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false
): Promise<void> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a whole number of at least 1, got ${concurrency}`)
  }
  const iterator: Iterator<T> | AsyncIterator<T> =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]()
  const runWorker = async (): Promise<void> => {
    while (!shouldStop()) {
      const next = await iterator.next()
      if (next.done) return
      await worker(next.value)
    }
  }
  const results = await Promise.allSettled(Array.from({ length: concurrency }, runWorker))
  const failure = results.find(result => result.status === 'rejected')
  if (failure) throw failure.reason
}
