import type { MiddlewareHandler } from 'hono'
import { clientAddress } from '../platform/client-key.js'
import { createRateLimiter, type RateLimit } from '../platform/rate-limit.js'
import { createDailyClientKey } from './client-key-daily.js'
import { ApiError } from '../platform/errors.js'

// A hospital ward shares one address behind NAT: a team answering together must not hit this.
export const DEFAULT_SUBMISSION_RATE_LIMIT: RateLimit = { max: 120, windowMs: 10 * 60_000 }

export interface SubmissionLimitOptions {
  clock: () => Date
  limit?: RateLimit
  trustProxy?: boolean
}

/**
 * Counts every POST per client (before the body is read, so floods cost no validation work) and
 * refuses with 429 past the limit. Only a daily-keyed HMAC of the address is held, in memory.
 */
export const submissionLimit = ({
  clock,
  limit = DEFAULT_SUBMISSION_RATE_LIMIT,
  trustProxy = false,
}: SubmissionLimitOptions): MiddlewareHandler => {
  const limiter = createRateLimiter({ ...limit, clock })
  const keyOf = createDailyClientKey(clock)
  return async function submissionLimit(c, next) {
    const key = keyOf(clientAddress(c, trustProxy))
    const wait = limiter.retryAfter(key)
    if (wait > 0) {
      c.header('Retry-After', String(wait))
      throw new ApiError(429, 'too_many_requests', 'Too many submissions: try again later.')
    }
    limiter.hit(key)
    await next()
  }
}
