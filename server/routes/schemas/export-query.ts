import { z } from 'zod'

// Shared by the export/codebook routes (which parse their query with these) and the OpenAPI
// document (which describes them), so the two cannot drift apart.

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'r', 'sps', 'zip'] as const
export const CODEBOOK_FORMATS = ['json', 'csv', 'md'] as const

/** `GET /api/admin/surveys/:slug/export`; unknown parameters are ignored, as elsewhere. */
export const exportQuerySchema = z.object({
  format: z
    .enum(EXPORT_FORMATS)
    .default('csv')
    .describe('csv (tidy), xlsx, json, r (R script), sps (SPSS syntax) or zip (all of them)'),
  level: z
    .enum(['responses'])
    .optional()
    .describe('responses: one row per response (microdata) instead of the released aggregates'),
})

/** `GET /api/admin/surveys/:slug/codebook`. */
export const codebookQuerySchema = z.object({
  format: z.enum(CODEBOOK_FORMATS).default('json').describe('json, csv or md (Markdown)'),
})

export type ExportQuery = z.infer<typeof exportQuerySchema>
export type CodebookQuery = z.infer<typeof codebookQuerySchema>
