import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import { ApiError } from './errors.js'

export const MAX_BODY_BYTES = 64 * 1024

const isJsonContentType = (header: string | undefined) =>
  header !== undefined && /^application\/json\s*(;|$)/i.test(header.trim())

/** 415 before reading anything: only JSON bodies are accepted (also refuses cross-site forms). */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.')
  }
  await next()
}

/** 413 by Content-Length, or while streaming a chunked body, before it is all read. */
export const limitBody = (maxBytes = MAX_BODY_BYTES): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The body must be at most ${maxBytes} bytes.`)
    },
  })

/** Parses the body, turning malformed JSON into a 400 instead of a 500. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text()
  try {
    return JSON.parse(text)
  } catch {
    throw new ApiError(400, 'malformed_json', 'The body is not valid JSON.')
  }
}

/**
 * Parses the JSON body against a schema: malformed JSON is 400 `malformed_json`, a body of the
 * wrong shape 400 `invalid_body` with one detail per field. zod's messages name fields and types,
 * never the values, so nothing a client typed (a password) is echoed back.
 */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>, expected: string): Promise<T> {
  const parsed = schema.safeParse(await readJson(c))
  if (parsed.success) return parsed.data
  const details = parsed.error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }))
  throw new ApiError(400, 'invalid_body', expected, details)
}
