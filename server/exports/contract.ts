import { z } from 'zod'
import { surveyMissing } from '../platform/contract/common.js'
import { operation, type ApiOperation } from '../platform/openapi/operation.js'
import { knowledgeQuerySchema } from '../knowledge/contract.js'
import { slugParams } from '../platform/contract/common.js'
import { aggregatesQuerySchema } from '../results/contract.js'
import { LABEL_LANGUAGES } from './formats/label-scripts.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.
// The first value of each list of choices is the default.

/** csv-semicolon: the same table as csv for Excel in Finnish or Swedish (';', decimal comma). */
export const AGGREGATE_FORMATS = ['csv', 'xlsx', 'json', 'csv-semicolon'] as const
export const KNOWLEDGE_FORMATS = ['csv', 'xlsx', 'json'] as const
export const RESPONSE_FORMATS = ['csv', 'r', 'sps', 'zip'] as const
export const CODEBOOK_FORMATS = ['json', 'csv', 'md'] as const
export const EXPORT_LEVELS = ['aggregates', 'responses', 'knowledge'] as const

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values).default(values[0])

const level = choice(EXPORT_LEVELS).describe(
  'aggregates (default); responses: k-anonymised response rows, admins only; knowledge: ' +
    'the knowledge figures (csv, xlsx or json, as GET .../knowledge)',
)

const lang = choice(LABEL_LANGUAGES).describe(
  'Language of the labels beside the codes (aggregates csv/xlsx) and of the value labels ' +
    '(responses); default en',
)

/** `GET .../export`, read first: the level decides which other parameters count. */
export const exportLevelQuery = z.object({ level })

/**
 * `GET .../export` per level, read after the level (and, for responses, after the admin check):
 * a format outside the level's own list is refused naming that list. Other parameters are
 * ignored, as `lang` is by the aggregates.
 */
export const exportLevelQueries = {
  aggregates: aggregatesQuerySchema.extend({ format: choice(AGGREGATE_FORMATS), lang }),
  knowledge: knowledgeQuerySchema.extend({ format: choice(KNOWLEDGE_FORMATS) }),
  responses: aggregatesQuerySchema
    .pick({ release: true, version: true })
    .extend({ format: choice(RESPONSE_FORMATS), lang }),
}

/** `GET .../export` as documented: every level's parameters together. */
export const exportQuerySchema = aggregatesQuerySchema.extend({
  level,
  format: choice([...new Set([...AGGREGATE_FORMATS, ...RESPONSE_FORMATS])] as [
    string,
    ...string[],
  ]).describe(
    `aggregates: ${AGGREGATE_FORMATS.join(', ')}; knowledge: ${KNOWLEDGE_FORMATS.join(', ')}; ` +
      `responses: ${RESPONSE_FORMATS.join(', ')} ` +
      '(r and sps are label scripts; zip holds the data, scripts and codebook)',
  ),
  lang,
})

/** `GET .../codebook`. */
export const codebookQuerySchema = z.object({
  format: choice(CODEBOOK_FORMATS).describe('json (default), csv or md (Markdown)'),
  version: aggregatesQuerySchema.shape.version,
})

export type AggregateFormat = (typeof AGGREGATE_FORMATS)[number]
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number]
export type ExportLevel = (typeof EXPORT_LEVELS)[number]

// ---- Operations

export const exportResults = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/export',
  tag: 'Results',
  summary: 'Download the released results',
  description:
    'level=aggregates: exactly what the aggregates endpoint answers for the same parameters, ' +
    'as a tidy CSV (every one-way table of the release too, labels beside codes in `lang`, ' +
    'percentages 0-100 with one decimal), XLSX or JSON. level=responses (admins): the rows of the final release, ' +
    'consistent with the tables of every release (docs/decisions/007), as CSV, R or SPSS label ' +
    'scripts, or a zip of everything with the codebook.',
  auth: 'session-or-token',
  params: slugParams,
  query: exportQuerySchema,
  responses: {
    200: {
      description: 'A file (Content-Disposition: attachment) in the chosen format',
      content: {
        'text/csv':
          'format=csv, or format=csv-semicolon (aggregates: semicolons, decimal commas, for ' +
          'Excel in Finnish or Swedish)',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'format=xlsx',
        'application/json': 'format=json',
        'text/plain': 'format=r or format=sps: an R script or SPSS syntax',
        'application/zip': 'format=zip',
      },
    },
  },
  errors: {
    403: '`forbidden`: level=responses is for admins',
    404: `${surveyMissing}; \`release_not_found\`, \`version_not_found\``,
    409:
      '`response_file_unavailable`: level=responses before the final release, or when ' +
      'the published tables tell apart a group below the minimum (with the reasons)',
    422: '`invalid_level`, `invalid_format`, `invalid_lang`, `invalid_dimension`',
  },
})

export const getCodebook = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/codebook',
  tag: 'Results',
  summary: 'The codebook: variables, labels and values',
  auth: 'session-or-token',
  params: slugParams,
  query: codebookQuerySchema,
  responses: {
    200: {
      description: 'The codebook in the chosen format',
      content: {
        'application/json': 'format=json',
        'text/csv':
          'format=csv, or format=csv-semicolon (aggregates: semicolons, decimal commas, for ' +
          'Excel in Finnish or Swedish)',
        'text/markdown': 'format=md',
      },
    },
  },
  errors: { 404: `${surveyMissing}; \`version_not_found\``, 422: '`invalid_format`' },
})

export const exportOperations: ApiOperation[] = [exportResults, getCodebook]
