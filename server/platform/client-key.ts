import { createHmac, randomBytes } from 'node:crypto'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

// Random per process and never stored or logged: without it, a key cannot be turned back into an
// address by hashing every possible IPv4 address.
const PROCESS_KEY = randomBytes(32)

const remoteAddress = (c: Context): string | undefined => {
  try {
    return getConnInfo(c).remote.address
  } catch {
    return undefined // not served by @hono/node-server (e.g. app.request() in tests)
  }
}

// The nearest proxy appends the last entry; earlier entries are whatever the client sent.
const forwardedFor = (c: Context) =>
  c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || undefined

/** The client's address, only to be keyed at once: never store or log it. */
export const clientAddress = (c: Context, trustProxy = false): string =>
  (trustProxy ? forwardedFor(c) : undefined) ?? remoteAddress(c) ?? 'unknown'

/** An opaque key for the client's address, for rate limiting only; the address is not kept. */
export function clientKey(c: Context, trustProxy = false): string {
  const address = clientAddress(c, trustProxy)
  return createHmac('sha256', PROCESS_KEY).update(address).digest('base64url')
}
