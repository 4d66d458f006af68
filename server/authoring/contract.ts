import { surveyMissing } from '../platform/contract/common.js'
import type { ApiOperation } from '../platform/openapi/operation.js'
import * as responses from '../platform/openapi/response-schemas.js'
import { importQuerySchema, xlsformQuerySchema } from './xlsform-routes.js'
import { XLSX_TYPE } from './xlsform/index.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const authoringOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/admin/surveys/import',
    tag: 'Questionnaires',
    summary: 'Import an XLSForm spreadsheet',
    description:
      'A new slug: a draft, as POST /api/admin/surveys. An existing draft is replaced and an ' +
      'open survey gets a new version, as PUT. The body also lists `warnings` ' +
      '(`{sheet, row, column, message}`, e.g. a label missing in one language).',
    auth: 'session',
    adminOnly: true,
    query: importQuerySchema,
    rawBody: { [XLSX_TYPE]: 'The .xlsx file (sheets survey, choices, settings)' },
    responses: {
      200: { description: 'Saved over an existing survey', schema: responses.surveyImportSchema },
      201: { description: 'Created as a draft', schema: responses.surveyImportSchema },
    },
    errors: {
      404: surveyMissing,
      409: '`slug_taken`, `survey_closed`, `dimensions_changed`',
      413: '`payload_too_large`: over 5 MiB, or unpacking to over 20 MiB',
      415: '`unsupported_media_type`: not sent as .xlsx',
      422:
        '`invalid_slug`, `invalid_xlsform` (one `{sheet, row, column, message}` per problem), ' +
        '`invalid_definition`',
    },
  },
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/xlsform',
    tag: 'Questionnaires',
    summary: 'Download the questionnaire as XLSForm',
    auth: 'session-or-token',
    query: xlsformQuerySchema,
    responses: {
      200: { description: 'An .xlsx attachment', content: { [XLSX_TYPE]: 'XLSForm workbook' } },
    },
    errors: {
      404: `${surveyMissing}; \`version_not_found\``,
      422: '`xlsform_unsupported`: one `{question, message}` per part XLSForm cannot say',
    },
  },
]
