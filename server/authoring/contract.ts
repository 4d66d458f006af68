import { z } from 'zod'
import { surveyMissing } from '../platform/contract/common.js'
import { type ApiOperation, operation } from '../platform/openapi/operation.js'
import { slugParams } from '../platform/contract/common.js'
import { savedSurveySchema } from '../publishing/contract.js'
import { XLSX_TYPE } from './xlsform/index.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const importQuerySchema = z.object({
  // Missing, it is the empty slug: refused as any other non-slug, after the upload is read, with
  // the same 422 `invalid_slug` (the schema must not answer a different message first).
  slug: z
    .string()
    .default('')
    .describe('The survey: a new draft, or a new version of an existing one; 422 without it'),
})

export const xlsformQuerySchema = z.object({
  version: z.string().optional().describe('Questionnaire version (default the latest)'),
})

/** Where in the workbook a warning (or a problem) is: row 1 is the header. */
export const sheetProblemSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
})

export const surveyImportSchema = savedSurveySchema.extend({
  warnings: z.array(sheetProblemSchema).describe('e.g. a label missing in one language'),
})

export const importXlsForm = operation({
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
  rawBody: { [XLSX_TYPE]: 'The .xlsx file (sheets survey, choices, settings, levels)' },
  responses: {
    200: { description: 'Saved over an existing survey', schema: surveyImportSchema },
    201: { description: 'Created as a draft', schema: surveyImportSchema },
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
})

export const exportXlsForm = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/xlsform',
  tag: 'Questionnaires',
  summary: 'Download the questionnaire as XLSForm',
  auth: 'session-or-token',
  params: slugParams,
  query: xlsformQuerySchema,
  responses: {
    200: { description: 'An .xlsx attachment', content: { [XLSX_TYPE]: 'XLSForm workbook' } },
  },
  errors: {
    404: `${surveyMissing}; \`version_not_found\``,
    422: '`xlsform_unsupported`: one `{question, message}` per part XLSForm cannot say',
  },
})

export const authoringOperations: ApiOperation[] = [importXlsForm, exportXlsForm]

export type SheetProblem = z.output<typeof sheetProblemSchema>
export type SurveyImport = z.output<typeof surveyImportSchema>
export type ImportQuery = z.input<typeof importQuerySchema>
export type XlsFormQuery = z.input<typeof xlsformQuerySchema>
