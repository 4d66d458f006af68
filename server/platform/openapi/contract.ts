import { z } from 'zod'
import type { ApiOperation } from './operation.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const referenceOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Reference',
    summary: 'This API description (OpenAPI 3.1)',
    auth: 'public',
    responses: { 200: { description: 'The OpenAPI document', schema: z.looseObject({}) } },
  },
  {
    method: 'get',
    path: '/api/docs',
    tag: 'Reference',
    summary: 'This API description as a web page',
    auth: 'public',
    responses: { 200: { description: 'HTML', content: { 'text/html': 'The reference page' } } },
  },
]
