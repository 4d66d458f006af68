// Edits of a valid JSON body that keep everything else valid, so only the edit is wrong.

const PLACEHOLDER = '\u0001PLACEHOLDER\u0001'

/** A copy of `body` with the value at `path` replaced (missing objects on the way are made). */
export function setAt(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[path[path.length - 1]] = value
  return copy
}

export function deleteAt(body: unknown, path: string[]): unknown {
  const copy = structuredClone(body) as Record<string, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>
  delete node[path[path.length - 1]]
  return copy
}

/** The body as JSON text with raw JSON text (possibly invalid on purpose) at `path`. */
export function withRawJson(body: unknown, path: string[], raw: string): string {
  return JSON.stringify(setAt(body, path, PLACEHOLDER)).replace(JSON.stringify(PLACEHOLDER), raw)
}

/** The body as bytes with raw bytes spliced into a string at `path` (invalid UTF-8 on purpose). */
export function withRawBytes(body: unknown, path: string[], bytes: number[]): Uint8Array {
  const [before, after] = JSON.stringify(setAt(body, path, PLACEHOLDER)).split(PLACEHOLDER)
  const encoder = new TextEncoder()
  return new Uint8Array([...encoder.encode(before), ...bytes, ...encoder.encode(after)])
}

/** Raw JSON text inserted as the first member of the top-level object. */
export function withFirstMember(body: unknown, member: string): string {
  return `{${member},${JSON.stringify(body).slice(1)}`
}

/** Valid JSON text padded with trailing whitespace (still valid JSON) to `bytes` bytes. */
export const paddedTo = (body: unknown, bytes: number) => {
  const text = JSON.stringify(body)
  return text + ' '.repeat(Math.max(0, bytes - Buffer.byteLength(text)))
}

/** A stream of `text` in chunks, as a chunked upload arrives (no Content-Length). */
export function chunked(text: string, chunkBytes = 16 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + chunkBytes))
      offset += chunkBytes
    },
  })
}
