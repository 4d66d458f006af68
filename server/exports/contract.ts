import { surveyMissing } from '../platform/contract/common.js'
import type { ApiOperation } from '../platform/openapi/operation.js'
import { codebookQuerySchema, exportQuerySchema } from './query-schemas.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const exportOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/export',
    tag: 'Results',
    summary: 'Download the released results',
    description:
      'level=aggregates: exactly what the aggregates endpoint answers for the same parameters, ' +
      'as a tidy CSV, XLSX or JSON. level=responses (admins): the rows of the final release, ' +
      'consistent with the tables of every release (docs/decisions/007), as CSV, R or SPSS label ' +
      'scripts, or a zip of everything with the codebook.',
    auth: 'session-or-token',
    query: exportQuerySchema,
    responses: {
      200: {
        description: 'A file (Content-Disposition: attachment) in the chosen format',
        content: {
          'text/csv': 'format=csv',
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
      409: '`response_file_unavailable`: level=responses before the final release, or when ' +
        'the published tables tell apart a group below the minimum (with the reasons)',
      422: '`invalid_level`, `invalid_format`, `invalid_lang`, `invalid_dimension`',
    },
  },
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/codebook',
    tag: 'Results',
    summary: 'The codebook: variables, labels and values',
    auth: 'session-or-token',
    query: codebookQuerySchema,
    responses: {
      200: {
        description: 'The codebook in the chosen format',
        content: {
          'application/json': 'format=json',
          'text/csv': 'format=csv',
          'text/markdown': 'format=md',
        },
      },
    },
    errors: { 404: `${surveyMissing}; \`version_not_found\``, 422: '`invalid_format`' },
  },
]
