import { z } from 'zod'
import type { ApiOperation, ResponseSpec } from './operation.js'
import { errorSchema } from './response-schemas.js'

type JsonSchema = Record<string, unknown>

const ERROR_REF = { $ref: '#/components/schemas/Error' }

/** JSON Schema 2020-12, which OpenAPI 3.1 uses as is; z.custom fields become `{}` (anything). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' })
  return rest
}

/** `/api/surveys/:slug` → `/api/surveys/{slug}` (a `{regex}` suffix of a Hono pattern is dropped). */
export const openApiPath = (honoPath: string) =>
  honoPath.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => `{${name}}`)

const pathParameters = (op: ApiOperation) =>
  [...op.path.matchAll(/:(\w+)/g)].map(([, name]) => {
    const field = op.params?.shape[name] as z.ZodType | undefined
    const { description, ...schema } = field ? jsonSchema(field, 'input') : { type: 'string' }
    return { name, in: 'path', required: true, ...(description ? { description } : {}), schema }
  })

const queryParameters = (query: ApiOperation['query']) =>
  Object.entries(query?.shape ?? {}).map(([name, field]) => {
    const schema = field as z.ZodType
    const { description, ...rest } = jsonSchema(schema, 'input')
    return {
      name,
      in: 'query',
      // Optional and defaulted fields accept a missing value.
      required: !schema.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    }
  })

function success({ description, schema, content }: ResponseSpec) {
  if (schema) return { description, content: { 'application/json': { schema: jsonSchema(schema, 'output') } } }
  if (content) {
    const media = Object.entries(content).map(([type, what]) => [type, { schema: { description: what } }])
    return { description, content: Object.fromEntries(media) }
  }
  return { description }
}

const failure = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
})

/** Every error status an operation may answer, with its codes in backticks. */
export function errorResponses(op: ApiOperation) {
  const errors: Record<number, string> = {}
  if (op.auth !== 'public') {
    errors[401] = '`unauthorized`: not signed in, or a bad, expired or revoked API token'
  }
  const checksOrigin = op.method !== 'get' && /^\/api\/(auth|admin)\//.test(op.path)
  const forbidden = [
    op.adminOnly && '`forbidden`: admins only',
    checksOrigin && '`forbidden`: a cross-site form post (server/accounts/cross-site.ts)',
    op.auth === 'session' && op.path.startsWith('/api/admin/') && '`token_not_allowed`: API tokens may not',
  ].filter(Boolean)
  if (forbidden.length > 0) errors[403] = forbidden.join('; ')
  // What any route may answer: a database busy past the server's own retries, or a fault.
  errors[500] = '`internal_error`: an unexpected fault (logged without request data); nothing stored'
  errors[503] = '`service_unavailable`: the database was busy or unreachable, with Retry-After'
  for (const [status, text] of Object.entries(op.errors ?? {})) {
    const code = Number(status)
    errors[code] = errors[code] && code === 403 ? `${errors[code]}; ${text}` : text
  }
  return errors
}

const SECURITY = {
  public: [],
  session: [{ sessionCookie: [] }],
  'session-or-token': [{ sessionCookie: [] }, { apiToken: [] }],
} as const

function operation(op: ApiOperation) {
  const parameters = [...pathParameters(op), ...queryParameters(op.query)]
  const responses = Object.fromEntries([
    ...Object.entries(op.responses).map(([status, spec]) => [status, success(spec)]),
    ...Object.entries(errorResponses(op)).map(([status, text]) => [status, failure(text)]),
  ])
  return {
    operationId: `${op.method}${openApiPath(op.path).replace(/[^A-Za-z0-9]+(.)?/g, (_, c?: string) => (c ?? '').toUpperCase())}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: SECURITY[op.auth],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    ...(op.rawBody
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              Object.entries(op.rawBody).map(([type, description]) => [
                type,
                { schema: { type: 'string', contentMediaType: type, description } },
              ]),
            ),
          },
        }
      : {}),
    responses,
  }
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>

/** The OpenAPI 3.1 document, built from the operation list (never edited by hand). */
export function buildOpenApiDocument(operations: readonly ApiOperation[]) {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {}
  for (const op of operations) {
    const path = openApiPath(op.path)
    paths[path] = { ...paths[path], [op.method]: operation(op) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Anonymous health-professional survey API',
      version: '1',
      description:
        'Respondents answer without an account. Researchers and admins sign in (session cookie); ' +
        'scripts use a personal API token (`Authorization: Bearer hsv_...`), which only reads ' +
        'results and exports. Every error is `{"error": {"code", "message", "details"}}`.',
    },
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, 'output') },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'session' },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token made under "API tokens" in the admin app',
        },
      },
    },
  }
}
