import { z } from 'zod'
import { operation, type ApiOperation } from './operation.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

// What server/platform/openapi/document.ts builds. The JSON Schemas inside (parameters, bodies,
// responses) are generated from the operations, so they are records here, not spelled out.
const jsonSchemaObject = z.record(z.string(), z.unknown())
const content = z.record(z.string(), z.object({ schema: jsonSchemaObject }))

const documentedOperation = z.object({
  operationId: z.string(),
  tags: z.array(z.string()),
  summary: z.string(),
  description: z.string().optional(),
  // Read-only as document.ts builds them (fixed lists per kind of sign-in).
  security: z
    .array(z.record(z.string(), z.array(z.string()).readonly()))
    .readonly()
    .describe('Empty: public'),
  // Loose: `description` is whatever the parameter's own zod schema describes.
  parameters: z
    .array(
      z.looseObject({
        name: z.string(),
        in: z.string().describe('path or query'),
        required: z.boolean(),
        schema: jsonSchemaObject,
      }),
    )
    .optional(),
  requestBody: z.object({ required: z.boolean(), content }).optional(),
  responses: z.record(
    z.string().describe('HTTP status'),
    z.object({ description: z.string(), content: content.optional() }),
  ),
})

export const openApiDocumentSchema = z.object({
  openapi: z.string().describe('3.1.0'),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  tags: z.array(z.object({ name: z.string() })),
  paths: z.record(
    z.string().describe('OpenAPI path, e.g. /api/surveys/{slug}'),
    z.record(z.string().describe('HTTP method, lower case'), documentedOperation),
  ),
  components: z.object({
    schemas: z.record(z.string(), jsonSchemaObject),
    securitySchemes: z.record(z.string(), z.record(z.string(), z.string())),
  }),
})

export const getApiDocument = operation({
  method: 'get',
  path: '/api/openapi.json',
  tag: 'Reference',
  summary: 'This API description (OpenAPI 3.1)',
  auth: 'public',
  responses: { 200: { description: 'The OpenAPI document', schema: openApiDocumentSchema } },
})

export const getReferencePage = operation({
  method: 'get',
  path: '/api/docs',
  tag: 'Reference',
  summary: 'This API description as a web page',
  auth: 'public',
  responses: { 200: { description: 'HTML', content: { 'text/html': 'The reference page' } } },
})

export const referenceOperations: ApiOperation[] = [getApiDocument, getReferencePage]
