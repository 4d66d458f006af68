import { z } from 'zod'
import { createSchema, replaceSchema } from '../../publishing/routes.js'
import { loginSchema } from '../../accounts/auth-routes.js'
import { importQuerySchema, xlsformQuerySchema } from '../../authoring/xlsform-routes.js'
import { accessSchema, generateSchema } from '../../invitations/routes.js'
import { codeCheckSchema, submissionSchema } from '../../respondent/routes.js'
import {
  createdTokenSchema,
  createTokenSchema,
  tokenListSchema,
} from '../../accounts/token-schemas.js'
import {
  aggregatesQuerySchema,
  codebookQuerySchema,
  exportQuerySchema,
} from '../../exports/query-schemas.js'
import { XLSX_TYPE } from '../../authoring/xlsform/index.js'
import { knowledgeOperations } from '../../knowledge/operations.js'
import type { ApiOperation } from './operation.js'
import * as responses from './response-schemas.js'

// Every endpoint under /api. tests/openapi.test.ts compares this list with the app's real routes,
// so an endpoint added without a description here fails the tests, and so does a stale entry.

const surveyMissing = '`survey_not_found`: no such survey'

/** What every JSON-body route refuses before its own checks (server/platform/json-body.ts). */
const jsonBodyErrors = (limit?: string) => ({
  400: '`malformed_json`, `invalid_body`',
  413: limit ? `\`payload_too_large\`: over ${limit}` : '`payload_too_large`',
  415: '`unsupported_media_type`',
})

const auditQuery = z.object({
  limit: z.string().optional().describe('Entries to return, newest first: 1 to 1000 (default 100)'),
})

const respondent: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/surveys/:slug',
    tag: 'Respondents',
    summary: 'An open questionnaire',
    auth: 'public',
    responses: { 200: { description: 'The latest version', schema: responses.openSurveySchema } },
    errors: { 404: '`survey_not_found`: unknown, draft or closed' },
  },
  {
    method: 'post',
    path: '/api/surveys/:slug/responses',
    tag: 'Respondents',
    summary: 'Submit a response',
    description:
      'Nothing identifying the respondent is stored; answers are validated on the server. ' +
      'Optional `Idempotency-Key` header (IETF httpapi draft; 16-255 visible ASCII characters, ' +
      'quoted or not, at least 128 random bits): a repeat of a stored submission with the same ' +
      'key and body is answered 201 and stores nothing. Keys are kept apart from the responses ' +
      'until the next release or the end of their UTC day.',
    auth: 'public',
    body: submissionSchema,
    responses: {
      201: { description: 'Stored (or a repeat of a stored one)', schema: responses.okSchema },
    },
    errors: {
      ...jsonBodyErrors('64 KiB'),
      400: '`malformed_json`, `invalid_body`, `invalid_idempotency_key`',
      404: '`survey_not_found`',
      409: '`code_used`',
      422:
        '`invalid_answers` (one detail per problem), `invalid_locale`, `code_required`, ' +
        '`invalid_code`, `idempotency_key_reused` (the key was sent before with another body)',
      429: '`too_many_requests`, with Retry-After',
      503:
        '`service_unavailable`: the database stayed busy through the server-side retries, ' +
        'with Retry-After; nothing stored',
    },
  },
]

const auth: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    tag: 'Accounts',
    summary: 'Sign in',
    description:
      'Sets the `session` cookie (HttpOnly, SameSite=Strict) and the `device` cookie (a year, ' +
      'sent only here): failed sign-ins elsewhere do not hold back a browser that has it.',
    auth: 'public',
    body: loginSchema,
    responses: { 200: { description: 'Signed in', schema: responses.userSchema } },
    errors: {
      ...jsonBodyErrors(),
      401: '`invalid_credentials`',
      429: '`too_many_attempts`, with Retry-After',
      503: '`busy`: too many sign-ins at once, with Retry-After (the attempt is not counted)',
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    tag: 'Accounts',
    summary: 'Sign out',
    auth: 'public',
    responses: { 200: { description: 'Session ended, cookie cleared', schema: responses.okSchema } },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    tag: 'Accounts',
    summary: 'The signed-in user',
    auth: 'session',
    responses: { 200: { description: 'Signed in', schema: responses.userSchema } },
  },
]

const surveys: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/admin/surveys',
    tag: 'Questionnaires',
    summary: 'All questionnaires',
    auth: 'session-or-token',
    responses: { 200: { description: 'Newest version of each', schema: responses.surveyListSchema } },
  },
  {
    method: 'get',
    path: '/api/admin/surveys/:slug',
    tag: 'Questionnaires',
    summary: 'One questionnaire with its definition',
    auth: 'session-or-token',
    responses: { 200: { description: 'Newest version', schema: responses.surveyDetailSchema } },
    errors: { 404: surveyMissing },
  },
  {
    method: 'post',
    path: '/api/admin/surveys',
    tag: 'Questionnaires',
    summary: 'Create a draft',
    auth: 'session',
    adminOnly: true,
    body: createSchema,
    responses: { 201: { description: 'Created as a draft', schema: responses.surveySummarySchema } },
    errors: {
      ...jsonBodyErrors('1 MiB'),
      409: '`slug_taken`',
      422: '`invalid_slug`, `invalid_definition` (one detail per problem)',
    },
  },
  {
    method: 'put',
    path: '/api/admin/surveys/:slug',
    tag: 'Questionnaires',
    summary: 'Replace a definition',
    description: "A draft's definition is replaced; an open survey gets a new version.",
    auth: 'session',
    adminOnly: true,
    body: replaceSchema,
    responses: { 200: { description: 'Saved', schema: responses.surveySummarySchema } },
    errors: {
      ...jsonBodyErrors('1 MiB'),
      404: surveyMissing,
      409: '`survey_closed`, `dimensions_changed` (an open survey keeps its dimensions)',
      422: '`invalid_definition`',
    },
  },
  {
    method: 'post',
    path: '/api/admin/surveys/:slug/publish',
    tag: 'Questionnaires',
    summary: 'Publish a draft (draft → open)',
    auth: 'session',
    adminOnly: true,
    responses: { 200: { description: 'Open', schema: responses.statusChangeSchema } },
    errors: { 404: surveyMissing, 409: '`invalid_transition`' },
  },
  {
    method: 'post',
    path: '/api/admin/surveys/:slug/close',
    tag: 'Questionnaires',
    summary: 'Close (open → closed) and make the final release',
    auth: 'session',
    adminOnly: true,
    responses: { 200: { description: 'Closed', schema: responses.statusChangeSchema } },
    errors: { 404: surveyMissing, 409: '`invalid_transition`' },
  },
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

const results: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/releases',
    tag: 'Results',
    summary: 'Releases of a survey',
    auth: 'session-or-token',
    responses: { 200: { description: 'Oldest first', schema: responses.releaseListSchema } },
    errors: { 404: surveyMissing },
  },
  {
    method: 'post',
    path: '/api/admin/surveys/:slug/releases',
    tag: 'Results',
    summary: 'Make an interim release',
    auth: 'session',
    adminOnly: true,
    responses: { 201: { description: 'Released', schema: responses.releaseCreatedSchema } },
    errors: {
      404: surveyMissing,
      409: '`release_refused` (with the reasons), `invalid_transition` when not open',
    },
  },
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/timeline',
    tag: 'Results',
    summary: 'Responses per ISO week (rounded running totals; empty and small weeks suppressed)',
    auth: 'session-or-token',
    responses: { 200: { description: 'Weekly counts', schema: responses.timelineSchema } },
    errors: { 404: surveyMissing },
  },
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/aggregates',
    tag: 'Results',
    summary: 'Aggregates of a release by one or two dimensions',
    description: 'Small groups are suppressed; before the first release, respondent counts only.',
    auth: 'session-or-token',
    query: aggregatesQuerySchema,
    responses: { 200: { description: 'Grouped results', schema: responses.aggregatesSchema } },
    errors: {
      404: `${surveyMissing}; \`release_not_found\`, \`version_not_found\``,
      422: '`invalid_dimension`',
    },
  },
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

const invitations: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/surveys/:slug/codes/check',
    tag: 'Respondents',
    summary: 'Check an invitation code before answering',
    description: 'The code is only checked here; it is spent with the response.',
    auth: 'public',
    body: codeCheckSchema,
    responses: { 200: { description: 'Valid and unused', schema: z.object({ valid: z.literal(true) }) } },
    errors: {
      ...jsonBodyErrors(),
      404: '`survey_not_found`',
      409: '`code_used`',
      422: '`code_required`, `invalid_code`',
      429: '`too_many_requests`, with Retry-After',
    },
  },
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/invitation-codes',
    tag: 'Invitations',
    summary: 'Access mode and invitation-code counts',
    auth: 'session',
    adminOnly: true,
    responses: {
      200: {
        description: 'Counts only, never codes',
        schema: z.looseObject({ access: z.enum(['public', 'invitation']) }),
      },
    },
    errors: { 404: surveyMissing },
  },
  {
    method: 'put',
    path: '/api/admin/surveys/:slug/access',
    tag: 'Invitations',
    summary: 'Make a survey public or invitation-only',
    auth: 'session',
    adminOnly: true,
    body: accessSchema,
    responses: {
      200: {
        description: 'Saved',
        schema: z.object({ slug: z.string(), access: z.enum(['public', 'invitation']) }),
      },
    },
    errors: {
      ...jsonBodyErrors(),
      404: surveyMissing,
      409: '`survey_closed`',
    },
  },
  {
    method: 'post',
    path: '/api/admin/surveys/:slug/invitation-codes',
    tag: 'Invitations',
    summary: 'Make one-time invitation codes',
    description: 'The codes exist only in this CSV download; the server keeps their HMACs.',
    auth: 'session',
    adminOnly: true,
    body: generateSchema,
    responses: { 201: { description: 'The new codes', content: { 'text/csv': 'code (and link)' } } },
    errors: {
      ...jsonBodyErrors(),
      404: surveyMissing,
      409: '`survey_closed`',
      422: '`invalid_count`',
    },
  },
]

const admin: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/admin/audit',
    tag: 'Administration',
    summary: 'The audit log, newest first',
    auth: 'session',
    adminOnly: true,
    query: auditQuery,
    responses: { 200: { description: 'Entries', schema: responses.auditSchema } },
    errors: { 422: '`invalid_limit`' },
  },
  {
    method: 'get',
    path: '/api/admin/tokens',
    tag: 'API tokens',
    summary: 'Your API tokens (never the tokens themselves)',
    auth: 'session',
    responses: { 200: { description: 'Newest first', schema: tokenListSchema } },
  },
  {
    method: 'post',
    path: '/api/admin/tokens',
    tag: 'API tokens',
    summary: 'Create an API token',
    description: 'The token is in this response only; store it like a password.',
    auth: 'session',
    body: createTokenSchema,
    responses: { 201: { description: 'Created', schema: createdTokenSchema } },
    errors: {
      ...jsonBodyErrors(),
    },
  },
  {
    method: 'delete',
    path: '/api/admin/tokens/:id',
    tag: 'API tokens',
    summary: 'Revoke one of your API tokens',
    auth: 'session',
    responses: { 204: { description: 'Revoked (also when it already was)' } },
    errors: { 404: '`token_not_found`: not one of your tokens' },
  },
  {
    method: 'get',
    path: '/api/admin/users/:username/tokens',
    tag: 'API tokens',
    summary: "A user's API tokens (never the tokens themselves)",
    auth: 'session',
    adminOnly: true,
    responses: { 200: { description: 'Newest first', schema: tokenListSchema } },
    errors: { 404: '`user_not_found`' },
  },
  {
    method: 'delete',
    path: '/api/admin/users/:username/tokens/:id',
    tag: 'API tokens',
    summary: "Revoke a user's API token",
    description: 'Recorded in the audit log (`token.revoke`, with the owner).',
    auth: 'session',
    adminOnly: true,
    responses: { 204: { description: 'Revoked (also when it already was)' } },
    errors: { 404: '`user_not_found`, `token_not_found`: not a token of this user' },
  },
]

const reference: ApiOperation[] = [
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

export const apiOperations: readonly ApiOperation[] = [
  ...respondent,
  ...auth,
  ...surveys,
  ...results,
  ...knowledgeOperations,
  ...invitations,
  ...admin,
  ...reference,
]
