import { z } from 'zod'
import { isPlainObject } from '../domain/answers/json.js'
import { jsonBodyErrors, slugParams } from '../platform/contract/common.js'
import { operation, type ApiOperation } from '../platform/openapi/operation.js'
import { okSchema } from '../platform/openapi/response-schemas.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.


export const openSurveySchema = z.object({
  slug: z.string(),
  version: z.number().int(),
  title: z.string(),
  definition: z.record(z.string(), z.unknown()).describe('SurveyJS questionnaire JSON'),
  // Only invitation surveys say so: a public survey's answer stays as it always was.
  access: z
    .literal('invitation')
    .optional()
    .describe('Only on invitation-only surveys: every response then needs a one-time code'),
})

// z.custom keeps the parsed object as is: a record schema would copy keys such as "__proto__".
export const submissionSchema = z.strictObject({
  answers: z.custom<Record<string, unknown>>(isPlainObject, 'must be an object of answers'),
  locale: z.string().min(2).max(16).optional(),
  /** Needed by invitation-only surveys; never stored, and ignored by public ones. */
  code: z.string().optional(),
})

export const codeCheckSchema = z.strictObject({ code: z.string() })

export const codeValidSchema = z.object({ valid: z.literal(true) })

/** One detail of a 422 `invalid_answers`: which answer (a path such as `name.row.column`), why. */
export const answerProblemSchema = z.object({
  question: z.string(),
  code: z.string(),
  message: z.string(),
})

export const getOpenSurvey = operation({
  method: 'get',
  path: '/api/surveys/:slug',
  tag: 'Respondents',
  summary: 'An open questionnaire',
  auth: 'public',
  params: slugParams,
  responses: { 200: { description: 'The latest version', schema: openSurveySchema } },
  errors: { 404: '`survey_not_found`: unknown, draft or closed' },
})

export const submitResponse = operation({
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
  params: slugParams,
  body: submissionSchema,
  responses: {
    201: { description: 'Stored (or a repeat of a stored one)', schema: okSchema },
  },
  errors: {
    ...jsonBodyErrors('64 KiB'),
    400: '`malformed_json`, `invalid_body`, `invalid_idempotency_key`',
    404: '`survey_not_found`',
    409: '`code_used`',
    422:
      '`invalid_answers` (one detail `{question, code, message}` per problem), `invalid_locale`, ' +
      '`code_required`, `invalid_code`, `idempotency_key_reused` (the key was sent before with ' +
      'another body)',
    429: '`too_many_requests`, with Retry-After',
    503:
      '`service_unavailable`: the database stayed busy through the server-side retries, ' +
      'with Retry-After; nothing stored',
  },
})

export const checkCode = operation({
  method: 'post',
  path: '/api/surveys/:slug/codes/check',
  tag: 'Respondents',
  summary: 'Check an invitation code before answering',
  description: 'The code is only checked here; it is spent with the response.',
  auth: 'public',
  params: slugParams,
  body: codeCheckSchema,
  responses: { 200: { description: 'Valid and unused', schema: codeValidSchema } },
  errors: {
    ...jsonBodyErrors(),
    404: '`survey_not_found`',
    409: '`code_used`',
    422: '`code_required`, `invalid_code`',
    429: '`too_many_requests`, with Retry-After',
  },
})

export const respondentOperations: ApiOperation[] = [getOpenSurvey, submitResponse, checkCode]

export type PublishedSurvey = z.output<typeof openSurveySchema>
export type SubmissionBody = z.input<typeof submissionSchema>
export type CodeCheckRequest = z.input<typeof codeCheckSchema>
export type AnswerProblem = z.output<typeof answerProblemSchema>
