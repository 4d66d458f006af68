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
  const attempts = new Map<string, number[]>()

  const recent = (key: string, now: number) => {
    const times = attempts.get(key)?.filter((time) => time > now - windowMs) ?? []
    if (times.length > 0) attempts.set(key, times)
    else attempts.delete(key)
    return times
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
      const times = recent(key, now)
      if (times.length < max) return 0
      return Math.max(1, Math.ceil((times[times.length - max] + windowMs - now) / 1000))
    },
    hit(key: string): void {
      const now = clock().getTime()
      const times = recent(key, now)
      if (times.length === 0) makeRoom(now)
      attempts.set(key, [...times, now])
    },
    /** Takes back the latest attempt (one that turned out not to be a failure). */
    forgive(key: string): void {
      const times = attempts.get(key)
      if (!times) return
      times.pop()
      if (times.length === 0) attempts.delete(key)
    },
    reset(key: string): void {
      attempts.delete(key)
    },
  }
}

export type RateLimiter = ReturnType<typeof createRateLimiter>
