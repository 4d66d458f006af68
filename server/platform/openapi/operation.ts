import type { z } from 'zod'

/**
 * Who may call an operation: anyone; a signed-in user (session cookie); or also an API token
 * (`Authorization: Bearer`), which only read-only result and export routes accept.
 */
export type OperationAuth = 'public' | 'session' | 'session-or-token'

export type HttpMethod = 'get' | 'post' | 'put' | 'delete'

export interface ResponseSpec {
  description: string
  /** JSON body; omit for no body (204) or for `content`. */
  schema?: z.ZodType
  /** Non-JSON bodies: media type → what it holds. */
  content?: Record<string, string>
}

/** One endpoint, described next to the zod schemas its route validates with. */
export interface ApiOperation {
  method: HttpMethod
  /** The Hono route pattern, e.g. `/api/admin/surveys/:slug`; must match `app.routes`. */
  path: string
  tag: string
  summary: string
  description?: string
  auth: OperationAuth
  /** Only admins (researchers get 403 `forbidden`). */
  adminOnly?: boolean
  body?: z.ZodType
  /** Path parameters, by name; each `:name` of `path` must be one of its keys. */
  params?: z.ZodObject
  /** A non-JSON request body: media type -> what it holds. */
  rawBody?: Record<string, string>
  query?: z.ZodObject
  responses: Record<number, ResponseSpec>
  /** Error statuses beyond the authentication ones: status → when (codes). */
  errors?: Record<number, string>
}

/** `GET /api/admin/...` route patterns an API token may call, in `app.routes` form. */
export function tokenRoutes(operations: readonly ApiOperation[]): Set<string> {
  return new Set(
    operations
      .filter((op) => op.auth === 'session-or-token')
      .map((op) => `${op.method.toUpperCase()} ${op.path}`),
  )
}

/**
 * An operation with its precise type kept, so a route validating with `op.body`, `op.query` or
 * `op.params` gets the schema's own types (server/platform/contract/validation.ts).
 */
export const operation = <const O extends ApiOperation>(op: O): O => op
