import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from './errors.js'
import { decodeUtf8, jsonDepth, MAX_JSON_DEPTH, parseJsonText } from './json-text.js'

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

const malformed = (message: string) => new ApiError(400, 'malformed_json', message)

/**
 * Parses the body, turning malformed JSON into a 400 instead of a 500. Also refused (400): bytes
 * that are not UTF-8, nesting deeper than MAX_JSON_DEPTH, and NUL or lone surrogates in any
 * string or key, so no later step (validation, storage) ever sees them.
 */
export async function readJson(c: Context): Promise<unknown> {
  const text = decodeUtf8(await c.req.arrayBuffer())
  if (text === undefined) throw malformed('The body is not valid UTF-8.')
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new ApiError(400, 'invalid_body', `The body nests deeper than ${MAX_JSON_DEPTH} levels.`)
  }
  let parsed: ReturnType<typeof parseJsonText>
  try {
    parsed = parseJsonText(text)
  } catch {
    throw malformed('The body is not valid JSON.')
  }
  if (parsed.unsafeText) {
    const message = 'Text in the body must not contain NUL characters or unpaired surrogates.'
    throw new ApiError(400, 'invalid_body', message)
  }
  return parsed.value
}
