import { z } from 'zod'
import { LABEL_LANGUAGES } from './formats/label-scripts.js'

// Query parameters of the results, export and codebook routes: the routes take their choices from
// here and the OpenAPI document describes them from here, so the two cannot drift apart.

export const AGGREGATE_FORMATS = ['csv', 'xlsx', 'json'] as const
export const RESPONSE_FORMATS = ['csv', 'r', 'sps', 'zip'] as const
export const CODEBOOK_FORMATS = ['json', 'csv', 'md'] as const
export const EXPORT_LEVELS = ['aggregates', 'responses', 'knowledge'] as const

const version = z
  .string()
  .optional()
  .describe('Questionnaire version that describes the questions (default the latest)')

/** `GET .../aggregates` (and the aggregate export); unknown parameters are ignored. */
export const aggregatesQuerySchema = z.object({
  by: z
    .string()
    .optional()
    .describe('One or two dimensions, comma-separated (default sector,region)'),
  release: z.string().optional().describe('Release number (default the latest)'),
  version,
})

/** `GET .../export`: the first value of each list is the default. */
export const exportQuerySchema = aggregatesQuerySchema.extend({
  level: z
    .enum(EXPORT_LEVELS)
    .optional()
    .describe(
      'aggregates (default); responses: k-anonymised response rows, admins only; knowledge: ' +
        'the knowledge figures (csv, xlsx or json, as GET .../knowledge)',
    ),
  format: z
    .enum([...new Set([...AGGREGATE_FORMATS, ...RESPONSE_FORMATS])] as [string, ...string[]])
    .optional()
    .describe(
      `aggregates: ${AGGREGATE_FORMATS.join(', ')}; responses: ${RESPONSE_FORMATS.join(', ')} ` +
        '(r and sps are label scripts; zip holds the data, scripts and codebook)',
    ),
  lang: z
    .enum(LABEL_LANGUAGES)
    .optional()
    .describe('responses: language of the value labels (default en)'),
})

/** `GET .../codebook`. */
export const codebookQuerySchema = z.object({
  format: z.enum(CODEBOOK_FORMATS).optional().describe('json (default), csv or md (Markdown)'),
  version,
})
