/** Every slot is taken and the queue is full: the caller answers 503 with Retry-After. */
export class HashingBusy extends Error {
  constructor() {
    super('Too many password checks at once')
  }
}

/**
 * At most `concurrency` jobs at once, `maxQueue` more waiting in order, others refused with
 * HashingBusy. Password hashes run on libuv's thread pool (4 threads), which gzip and file reads
 * share: without a bound, a burst of sign-ins (scrypt, 128 MiB and ~0.2 s each) takes every thread
 * and stalls every compressed response behind it.
 */
export function createSlots({ concurrency, maxQueue }: { concurrency: number; maxQueue: number }) {
  let active = 0
  const waiting: (() => void)[] = []
  // A finished job hands its slot straight to the next waiter, so `active` never overshoots.
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }
  return async function run<T>(job: () => Promise<T>): Promise<T> {
    if (active < concurrency) active++
    else if (waiting.length < maxQueue) await new Promise<void>((go) => waiting.push(go))
    else throw new HashingBusy()
    try {
      return await job()
    } finally {
      release()
    }
  }
}
