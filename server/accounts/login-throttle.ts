import { createRateLimiter, type RateLimit } from '../platform/rate-limit.js'

export interface LoginRateLimits {
  perUsername?: RateLimit
  perClient?: RateLimit
  /** Failures with one valid device cookie: they lock out that cookie only. */
  perDevice?: RateLimit
}

const FIFTEEN_MINUTES = 15 * 60_000
export const DEFAULT_LOGIN_RATE_LIMITS: Required<LoginRateLimits> = {
  perUsername: { max: 5, windowMs: FIFTEEN_MINUTES },
  perClient: { max: 20, windowMs: FIFTEEN_MINUTES },
  perDevice: { max: 5, windowMs: FIFTEEN_MINUTES },
}

/** A counted sign-in attempt, to be settled once the password has been checked (or not). */
export interface LoginAttempt {
  /** The password was right. */
  succeeded(): void
  /** No password was checked (too busy to): the attempt is taken back. */
  cancelled(): void
}

/** Refused: seconds to wait before trying again. */
export interface RetryAfter {
  retryAfter: number
}

/**
 * Failed sign-ins, OWASP's device-cookie way. Without a valid device cookie for the username
 * (untrusted), failures are counted by username and, separately, by client key. With one
 * (`device`: its nonce), only by that cookie: whoever fails with a username elsewhere cannot
 * lock out a browser that signed in as that user before. An attempt is counted before the (slow)
 * password check, so parallel guesses cannot slip past the limit, and settled after it.
 */
export const createLoginThrottle = (clock: () => Date, limits: LoginRateLimits = {}) => {
  const { perUsername, perClient, perDevice } = { ...DEFAULT_LOGIN_RATE_LIMITS, ...limits }
  const usernames = createRateLimiter({ ...perUsername, clock })
  const clients = createRateLimiter({ ...perClient, clock })
  const devices = createRateLimiter({ ...perDevice, clock })

  const trusted = (device: string): LoginAttempt | RetryAfter => {
    const retryAfter = devices.retryAfter(device)
    if (retryAfter > 0) return { retryAfter }
    devices.hit(device)
    return {
      // The untrusted count stays: the owner signing in must not give a guesser fresh tries.
      succeeded: () => devices.reset(device),
      cancelled: () => devices.forgive(device),
    }
  }

  const untrusted = (username: string, client: string): LoginAttempt | RetryAfter => {
    const retryAfter = Math.max(usernames.retryAfter(username), clients.retryAfter(client))
    if (retryAfter > 0) return { retryAfter }
    usernames.hit(username)
    clients.hit(client)
    return {
      succeeded: () => {
        usernames.reset(username)
        clients.forgive(client)
      },
      cancelled: () => {
        usernames.forgive(username)
        clients.forgive(client)
      },
    }
  }

  return {
    /** The counted attempt, or the seconds to wait before trying again. */
    begin(username: string, client: string, device?: string): LoginAttempt | RetryAfter {
      return device === undefined ? untrusted(username, client) : trusted(device)
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
