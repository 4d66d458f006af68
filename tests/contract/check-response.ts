import { isDeepStrictEqual } from 'node:util'
import { errorResponses } from '../../server/platform/openapi/document.js'
import type { ApiOperation } from '../../server/platform/openapi/operation.js'
import { errorSchema } from '../../server/platform/openapi/response-schemas.js'

// Holds one response of the app to the OpenAPI description of its operation: the status must be
// documented, a JSON body must match its schema with no field the schema leaves out, and an
// error's code must be one the operation lists for that status.

interface CompiledOperation {
  op: ApiOperation
  pattern: RegExp
  params: number
}

const compile = (op: ApiOperation): CompiledOperation => {
  let params = 0
  const source = op.path
    .split(/(:\w+(?:\{[^}]*\})?)/)
    .map((part) => {
      const param = /^:\w+(?:\{([^}]*)\})?$/.exec(part)
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      params += 1
      return param[1] ? `(?:${param[1]})` : '[^/]+'
    })
    .join('')
  return { op, pattern: new RegExp(`^${source}/?$`), params }
}

export function operationMatcher(operations: readonly ApiOperation[]) {
  const compiled = operations.map(compile)
  /** The operation Hono would route to: a static segment wins over a parameter. */
  return (method: string, path: string): ApiOperation | undefined =>
    compiled
      .filter((c) => c.op.method === method.toLowerCase() && c.pattern.test(path))
      .sort((a, b) => a.params - b.params)[0]?.op
}

const mediaType = (header: string | null) => (header ?? '').split(';')[0].trim().toLowerCase()

const documentedCodes = (text: string) => [...text.matchAll(/`([a-z_]+)`/g)].map((m) => m[1])

/** Problems with one response; empty when it is what the document promises. */
export function responseProblems(
  op: ApiOperation | undefined,
  status: number,
  contentType: string | null,
  body: unknown,
): string[] {
  const isJson = mediaType(contentType) === 'application/json'
  if (!op) {
    // No such endpoint: only the app's catch-all refusals, in the error shape.
    if (![401, 403, 404].includes(status)) return [`status ${status} from an undocumented path`]
    return isJson && errorSchema.safeParse(body).success ? [] : ['not the error shape']
  }
  const where = `${op.method.toUpperCase()} ${op.path} answered ${status}`
  const success = op.responses[status]
  if (success) {
    if (success.schema) {
      if (!isJson) return [`${where} with ${contentType}, not JSON`]
      const parsed = success.schema.safeParse(body)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        return [`${where}: body does not match its schema: ${issues.join('; ')}`]
      }
      // zod drops fields an object schema does not name: any difference is an undocumented field.
      if (!isDeepStrictEqual(parsed.data, body)) {
        return [`${where}: body has fields its schema does not describe`]
      }
      return []
    }
    if (success.content) {
      const types = Object.keys(success.content)
      return types.includes(mediaType(contentType)) ? [] : [`${where} with undocumented ${contentType}`]
    }
    return body === undefined ? [] : [`${where} with a body its description does not have`]
  }
  const errors = errorResponses(op)
  const text = errors[status]
  if (text === undefined) return [`${where}, a status its description does not list`]
  const parsed = errorSchema.safeParse(body)
  if (!isJson || !parsed.success) return [`${where} without the error shape`]
  const { code } = parsed.data.error
  if (!documentedCodes(text).includes(code)) return [`${where} with code "${code}", not listed for it`]
  return []
}
