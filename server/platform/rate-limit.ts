export interface RateLimit {
  /** Attempts allowed per window; the next one is refused until the oldest leaves the window. */
  max: number
  windowMs: number
}

export interface RateLimiterOptions extends RateLimit {
  clock: () => Date
  /** Bounds memory when many keys are tried: stale keys are swept, then the oldest dropped. */
  maxKeys?: number
}

/** A sliding-window counter per key, in memory (so per server instance). */
export const createRateLimiter = ({
  max,
  windowMs,
  clock,
  maxKeys = 100_000,
}: RateLimiterOptions) => {
  /**
   * Per key, its attempts in the window in the order they happened: `times` from `head` on.
   * Expired ones are at the front and are skipped by moving `head`, so a request costs the same
   * however many the key made in the window (a ward behind one address under a raised limit).
   * Should the clock step back, an attempt behind a later one leaves the window with it, at most
   * that step late (stricter, never looser).
   */
  const attempts = new Map<string, { times: number[]; head: number }>()

  const recent = (key: string, now: number) => {
    const entry = attempts.get(key)
    if (!entry) return undefined
    const { times } = entry
    while (entry.head < times.length && times[entry.head] <= now - windowMs) entry.head++
    if (entry.head === entry.times.length) {
      attempts.delete(key)
      return undefined
    }
    if (entry.head > 64 && entry.head * 2 > entry.times.length) {
      entry.times = entry.times.slice(entry.head)
      entry.head = 0
    }
    return entry
  }

  const makeRoom = (now: number) => {
    if (attempts.size < maxKeys) return
    for (const key of [...attempts.keys()]) recent(key, now)
    for (const key of attempts.keys()) {
      if (attempts.size < maxKeys) break
      attempts.delete(key)
    }
  }

  return {
    /** Seconds until another attempt is allowed; 0 when it is allowed now. */
    retryAfter(key: string): number {
      const now = clock().getTime()
      const entry = recent(key, now)
      const count = entry ? entry.times.length - entry.head : 0
      if (!entry || count < max) return 0
      const oldest = entry.times[entry.times.length - max]
      return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000))
    },
    hit(key: string): void {
      const now = clock().getTime()
      const entry = recent(key, now)
      if (entry) entry.times.push(now)
      else {
        makeRoom(now)
        attempts.set(key, { times: [now], head: 0 })
      }
    },
    /** Takes back the latest attempt (one that turned out not to be a failure). */
    forgive(key: string): void {
      const entry = attempts.get(key)
      if (!entry) return
      entry.times.pop()
      if (entry.times.length === entry.head) attempts.delete(key)
    },
    reset(key: string): void {
      attempts.delete(key)
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>
