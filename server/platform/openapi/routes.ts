import { Hono } from 'hono'
import type { z } from 'zod'
import type { openApiDocumentSchema } from './contract.js'
import { buildOpenApiDocument } from './document.js'
import type { ApiOperation } from './operation.js'
import { renderReferencePage } from './reference-page.js'

/** The public API description: nothing in it is secret (it describes routes, not data). */
export const apiDocsRoutes = ({ operations }: { operations: readonly ApiOperation[] }) => {
  // Built once: the operations are fixed when the app is made.
  const document = buildOpenApiDocument(operations)
  const page = renderReferencePage(document)
  return new Hono()
    .get('/openapi.json', (c) => c.json(document satisfies z.input<typeof openApiDocumentSchema>))
    .get('/docs', (c) => c.html(page))
}
