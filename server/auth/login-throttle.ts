import { createRateLimiter, type RateLimit } from './rate-limit.js'

export interface LoginRateLimits {
  perUsername?: RateLimit
  perClient?: RateLimit
}

const FIFTEEN_MINUTES = 15 * 60_000
export const DEFAULT_LOGIN_RATE_LIMITS: Required<LoginRateLimits> = {
  perUsername: { max: 5, windowMs: FIFTEEN_MINUTES },
  perClient: { max: 20, windowMs: FIFTEEN_MINUTES },
}

/**
 * Failed sign-ins counted by username and, separately, by client key. An attempt is counted
 * before the (slow) password check, so parallel guesses cannot slip past the limit, and taken
 * back when it succeeds.
 */
export const createLoginThrottle = (clock: () => Date, limits: LoginRateLimits = {}) => {
  const { perUsername, perClient } = { ...DEFAULT_LOGIN_RATE_LIMITS, ...limits }
  const usernames = createRateLimiter({ ...perUsername, clock })
  const clients = createRateLimiter({ ...perClient, clock })

  return {
    /** Seconds to wait before trying again, or 0 after counting this attempt. */
    begin(username: string, client: string): number {
      const wait = Math.max(usernames.retryAfter(username), clients.retryAfter(client))
      if (wait > 0) return wait
      usernames.hit(username)
      clients.hit(client)
      return 0
    },
    succeeded(username: string, client: string): void {
      usernames.reset(username)
      clients.forgive(client)
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
