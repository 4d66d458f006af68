import type { MiddlewareHandler } from 'hono'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { ApiError } from '../platform/errors.js'

/**
 * Hono's csrf(): an unsafe request whose Content-Type a plain HTML form can send (form-urlencoded,
 * multipart, text/plain, or none at all) passes only with `Origin` equal to the request's origin
 * or `Sec-Fetch-Site: same-origin`; without either header it is refused. JSON requests are not
 * checked: a browser cannot send them cross-site without a CORS preflight, which this server never
 * approves. Refusals are rendered in the API's error shape.
 */
export const refuseCrossSite = (): MiddlewareHandler => {
  const check = csrf()
  return async (c, next) => {
    try {
      await check(c, async () => {})
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) {
        throw new ApiError(403, 'forbidden', 'Cross-site requests are refused.')
      }
      throw error
    }
    await next()
  }
}
