import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { isTransientError, TemporarilyUnavailable } from '../../db/transient.js'

export interface ErrorDetail {
  [key: string]: unknown
  message: string
}

/** The one error type routes throw; `onError` renders it as the one JSON error shape. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(status, { message })
  }
}

export function errorBody(code: string, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } }
}

const CODES_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
}

/** What node's request stream throws when the client disconnects before the body is complete. */
const isClientAbort = (error: Error) =>
  error.message === 'aborted' && (error as NodeJS.ErrnoException).code === 'ECONNRESET'

/** Never echoes internals: unexpected errors are logged (without request data) and masked. */
export function renderError(error: Error, c: Context, log: (message: string) => void) {
  if (error instanceof ApiError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status)
  }
  if (error instanceof HTTPException && error.status < 500) {
    const code = CODES_BY_STATUS[error.status] ?? 'error'
    return c.json(errorBody(code, error.message || code.replace(/_/g, ' ')), error.status)
  }
  // A client that hangs up mid-upload is not our error, and a log line would time-stamp it.
  if (isClientAbort(error)) {
    return c.json(errorBody('incomplete_body', 'The body ended before it was complete.'), 400)
  }
  // Retried inside the server already (db/transient.ts), or a read that lost its connection:
  // the client may simply try again, which it is told, never a 500.
  if (error instanceof TemporarilyUnavailable || isTransientError(error)) {
    const wait = error instanceof TemporarilyUnavailable ? error.retryAfterSeconds : 1
    c.header('Retry-After', String(wait))
    const message = 'The service is busy for a moment. Please try again.'
    return c.json(errorBody('service_unavailable', message), 503)
  }
  log(`unexpected error: ${error.stack ?? error.message}`)
  return c.json(errorBody('internal_error', 'Something went wrong on our side.'), 500)
}
