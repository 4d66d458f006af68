import type { Context, MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { ApiError } from '../errors.js'
import { limitBody, MAX_BODY_BYTES, readJson, requireJson } from '../json-body.js'

// Request validation through Hono's validator middleware, with the operation's own zod schemas
// (the ones the OpenAPI document is built from), so a handler reads `c.req.valid(...)` and the
// document cannot describe anything else. Refusals keep the one JSON error shape.

type Issue = z.core.$ZodIssue

const fieldOf = (issue: Issue) => issue.path.map(String).join('.')

/** 400 `invalid_body`, one detail per field; zod names fields and types, never the values. */
function invalidBody(error: z.ZodError, expected: string) {
  const details = error.issues.map((issue) => ({
    field: fieldOf(issue) || '(body)',
    message: issue.message,
  }))
  return new ApiError(400, 'invalid_body', expected, details)
}

/**
 * A query or path parameter outside its schema: 422 `invalid_<name>`, naming the accepted values
 * when the schema lists them (as the routes answered before they were validated by schema).
 */
function invalidParameter(error: z.ZodError, values: Record<string, unknown>) {
  const issue = error.issues[0]
  const field = fieldOf(issue) || '(query)'
  const raw = values[issue.path[0] as string]
  const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : undefined
  const message = allowed ? `Use one of: ${allowed.join(', ')}.` : issue.message
  const shown = typeof raw === 'string' ? ` "${raw}"` : ''
  return new ApiError(422, `invalid_${field.replace(/\W+/g, '_')}`, `Unknown ${field}${shown}.`, [
    { field, message },
  ])
}

/**
 * The JSON body: 415 unless `application/json`, 413 over `maxBytes` (by Content-Length or while
 * streaming), 400 `malformed_json` (also non-UTF-8, too deep, NUL or lone surrogates), then 400
 * `invalid_body` with `expected` as the message when the schema refuses it.
 */
export function jsonBody<S extends z.ZodType>(schema: S, expected: string, maxBytes = MAX_BODY_BYTES) {
  const limit = limitBody(maxBytes)
  const check = validator('json', (value) => {
    const parsed = schema.safeParse(value)
    if (!parsed.success) throw invalidBody(parsed.error, expected)
    return parsed.data as z.output<S>
  })
  const middleware: typeof check = async (c, next) => {
    await requireJson(c, async () => {})
    await limit(c, async () => {
      // The strict parse (server/platform/json-body.ts) is cached where Hono's validator reads it.
      const parsed = await readJson(c as Context)
      c.req.bodyCache.json = Promise.resolve(parsed)
      await check(c, next)
    })
  }
  return middleware
}

/** The first value of each query parameter (as `c.req.query(name)` reads it), by schema. */
function parseQuery<S extends z.ZodType>(schema: S, value: Record<string, string | string[]>) {
  const first = Object.fromEntries(
    Object.entries(value).map(([name, v]) => [name, Array.isArray(v) ? v[0] : v]),
  )
  const parsed = schema.safeParse(first)
  if (!parsed.success) throw invalidParameter(parsed.error, first)
  return parsed.data as z.output<S>
}

/** The query by schema, as middleware: handlers read `c.req.valid('query')`. */
export const queryOf = <S extends z.ZodType>(schema: S) =>
  validator('query', (value) => parseQuery(schema, value))

/**
 * The query by schema, read inside a handler, for routes whose other refusals come first (an
 * unknown survey is a 404 whatever its query says). Refused exactly as by `queryOf`.
 */
export const readQuery = <S extends z.ZodType>(c: Context, schema: S) =>
  parseQuery(schema, c.req.queries())

/** Path parameters by schema. */
export function paramsOf<S extends z.ZodType>(schema: S) {
  return validator('param', (value) => {
    const parsed = schema.safeParse(value)
    if (!parsed.success) throw invalidParameter(parsed.error, value)
    return parsed.data as z.output<S>
  })
}

export type { MiddlewareHandler }
