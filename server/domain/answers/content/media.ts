// Values that carry binary data as text: file uploads and signatures.
import type { Question } from 'survey-core'
import { childPath, indexPath, report, type CheckContext, type Checked, INVALID } from '../context'
import { describeType, isPlainObject } from '../json'

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+)?((?:;[a-z0-9-]+=[^;,]*)*)(;base64)?,(.*)$/is
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const SIGNATURE_TYPES = new Set(['image/png', 'image/jpeg', 'image/svg+xml'])

interface DataUrl {
  mediaType: string
  bytes: number
}

function parseDataUrl(text: string): DataUrl | undefined {
  const match = DATA_URL.exec(text)
  if (!match) return undefined
  const payload = match[4]
  if (match[3]) {
    if (payload.length % 4 !== 0 || !BASE64.test(payload)) return undefined
    const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0
    return { mediaType: (match[1] ?? '').toLowerCase(), bytes: (payload.length / 4) * 3 - padding }
  }
  return { mediaType: (match[1] ?? '').toLowerCase(), bytes: payload.length }
}

/** acceptedTypes is the HTML accept list: ".pdf,.docx,image/*". */
function isAccepted(accept: string, name: string, type: string): boolean {
  const tokens = accept
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean)
  if (tokens.length === 0 || (!name && !type)) return true
  return tokens.some((token) => {
    if (token.startsWith('.')) return name.toLowerCase().endsWith(token)
    if (token.endsWith('/*')) return type.toLowerCase().startsWith(token.slice(0, -1))
    return type.toLowerCase() === token
  })
}

function checkContent(q: Question, content: string, path: string, ctx: CheckContext) {
  if (q.storeDataAsText === false) {
    // content is whatever the upload handler returned (usually a URL)
    return content.trim() ? true : report(ctx, path, 'invalid_format', 'File content is empty.')
  }
  const parsed = parseDataUrl(content)
  if (!parsed) return report(ctx, path, 'invalid_format', 'File content must be a data URL.')
  const maxSize = Number(q.maxSize)
  if (maxSize > 0 && parsed.bytes > maxSize) {
    return report(
      ctx,
      path,
      'out_of_range',
      `The file is ${parsed.bytes} bytes; at most ${maxSize} allowed.`,
    )
  }
  return true
}

function checkFileEntry(q: Question, entry: unknown, path: string, ctx: CheckContext): boolean {
  if (typeof entry === 'string') return checkContent(q, entry, path, ctx) === true
  if (!isPlainObject(entry)) {
    report(ctx, path, 'invalid_type', `Expected a file object but got ${describeType(entry)}.`)
    return false
  }
  const {
    name = '',
    type = '',
    content,
  } = entry as { name?: unknown; type?: unknown; content?: unknown }
  if (typeof content !== 'string') {
    report(
      ctx,
      childPath(path, 'content'),
      'invalid_shape',
      'A file needs its content as a string.',
    )
    return false
  }
  if (checkContent(q, content, childPath(path, 'content'), ctx) !== true) return false
  if (typeof name !== 'string' || typeof type !== 'string') return false // guarded in pass 1
  if (!isAccepted(String(q.acceptedTypes ?? ''), name, type)) {
    report(ctx, path, 'invalid_format', `Files of this type are not accepted (${q.acceptedTypes}).`)
    return false
  }
  return true
}

export function checkFile(q: Question, value: unknown, path: string, ctx: CheckContext): Checked {
  if (!Array.isArray(value)) {
    return report(
      ctx,
      path,
      'invalid_type',
      `Expected an array of files but got ${describeType(value)}.`,
    )
  }
  const results = value.map((entry, i) => checkFileEntry(q, entry, indexPath(path, i), ctx))
  return results.every(Boolean) ? value : INVALID
}

export function checkSignature(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  if (typeof value !== 'string') {
    return report(
      ctx,
      path,
      'invalid_type',
      `Expected a data URL string but got ${describeType(value)}.`,
    )
  }
  if (q.storeDataAsText === false) return value
  const parsed = parseDataUrl(value)
  if (!parsed || !SIGNATURE_TYPES.has(parsed.mediaType)) {
    return report(ctx, path, 'invalid_format', 'A signature must be a PNG, JPEG or SVG data URL.')
  }
  return value
}
