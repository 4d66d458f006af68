import type { TestContext } from '../helpers.js'

/** Everything needed to call one endpoint validly; see table.ts. */
export interface Call {
  /** Raw path segments (already URL-encoded where needed). */
  params?: Record<string, string>
  query?: Record<string, string>
  /** A JSON value sent as the body; undefined: no body. */
  body?: unknown
  /** A non-JSON body (an .xlsx upload) sent as is with its media type, instead of `body`. */
  raw?: { type: string; bytes: Uint8Array }
  cookie?: string
}

/** A request as sent: the body can be text, raw bytes (bad UTF-8) or a stream (chunked). */
export interface RawRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string | Uint8Array | ReadableStream<Uint8Array>
}

export function fillPath(template: string, call: Call): string {
  const path = template.replace(/:(\w+)/g, (_, name: string) => {
    const value = call.params?.[name]
    if (value === undefined) throw new Error(`no value for :${name} in ${template}`)
    return value
  })
  const query = new URLSearchParams(call.query ?? {}).toString()
  return query ? `${path}?${query}` : path
}

/** The request a well-behaved client (the admin app, the respondent page) sends for a call. */
export function requestFor(method: string, template: string, call: Call): RawRequest {
  const headers: Record<string, string> = {}
  if (call.cookie) headers.Cookie = call.cookie
  const path = fillPath(template, call)
  if (call.raw) {
    return { method, path, headers: { ...headers, 'Content-Type': call.raw.type }, body: call.raw.bytes }
  }
  if (call.body === undefined && (method === 'GET' || method === 'HEAD')) {
    return { method, path, headers }
  }
  // The admin app sends JSON ({} when there is nothing to say), which passes the CSRF check.
  headers['Content-Type'] = 'application/json'
  return { method, path, headers, body: JSON.stringify(call.body ?? {}) }
}

export const send = (app: TestContext['app'], request: RawRequest) =>
  app.request(request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    // Needed by fetch's Request for a stream body; harmless otherwise.
    duplex: 'half',
  } as RequestInit)
