import { z } from 'zod'
import { jsonBodyErrors, surveyMissing } from '../platform/contract/common.js'
import type { ApiOperation } from '../platform/openapi/operation.js'
import { accessSchema, generateSchema } from './routes.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const invitationOperations: ApiOperation[] = [
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
