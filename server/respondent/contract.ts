import { z } from 'zod'
import { jsonBodyErrors } from '../platform/contract/common.js'
import type { ApiOperation } from '../platform/openapi/operation.js'
import * as responses from '../platform/openapi/response-schemas.js'
import { codeCheckSchema, submissionSchema } from './routes.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const respondentOperations: ApiOperation[] = [
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
]
