import { setTimeout as sleep } from 'node:timers/promises'

// PostgreSQL SQLSTATEs worth trying again: the transaction was rolled back through no fault of
// its own (serialization failure, deadlock), or its connection went away before it committed.
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '57P01', // admin_shutdown (pg_terminate_backend, a restarting server)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000', // connection_exception
  '08001',
  '08003',
  '08004',
  '08006',
])

const TRANSIENT_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'])

// node-postgres reports a lost connection by message only.
const LOST_CONNECTION =
  /Connection terminated|connection error and is not queryable|Client was closed|timeout exceeded when trying to connect/i

/** Errors after which the same transaction, run again, may well succeed. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string') {
    if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code)) return true
    // better-sqlite3: SQLITE_BUSY (another connection holds the write lock past busy_timeout),
    // its extended codes (SQLITE_BUSY_SNAPSHOT, ...) and SQLITE_LOCKED.
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true
  }
  return LOST_CONNECTION.test(error.message)
}

/** Raised once retries of a transient failure run out: the request may be sent again later. */
export class TemporarilyUnavailable extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly lastError?: unknown,
  ) {
    super('the database stayed unavailable through every retry')
  }
}

export interface RetryOptions {
  /** Runs in all, the first one included. */
  attempts?: number
  /** Upper bound of the first wait; each next one doubles it (full jitter). */
  baseDelayMs?: number
  maxDelayMs?: number
  random?: () => number
}

/** The wait before retry number `retry` (0-based): uniform in [0, min(max, base * 2^retry)]. */
export function backoffDelay(retry: number, options: RetryOptions = {}): number {
  const { baseDelayMs = 25, maxDelayMs = 1000, random = Math.random } = options
  return Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry))
}

/**
 * Runs `work` again after a transient failure, with jittered exponential backoff so that
 * transactions that collided do not collide again in step. Other errors pass through at once;
 * when the attempts run out, TemporarilyUnavailable (503 with Retry-After).
 */
export async function retryTransient<T>(
  work: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const { attempts = 6 } = options
  for (let attempt = 0; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (!isTransientError(error)) throw error
      if (attempt + 1 >= attempts) throw new TemporarilyUnavailable(2, error)
      await sleep(backoffDelay(attempt, options))
    }
  }
}
