import { z } from 'zod'
import { jsonBodyErrors, slugParams, surveyMissing } from '../platform/contract/common.js'
import { operation, type ApiOperation } from '../platform/openapi/operation.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const MAX_CODES_PER_REQUEST = 10_000


export const accessModeSchema = z
  .enum(['public', 'invitation'])
  .describe('invitation: only holders of a one-time code can answer')

export const accessSchema = z.strictObject({ access: accessModeSchema })

// Any number passes here: the route answers 422 `invalid_count` for one outside 1 to 10,000.
export const generateSchema = z.strictObject({ count: z.number() })

export const codeCountsSchema = z.object({
  access: accessModeSchema,
  total: z.number().int().describe('Codes made'),
  used: z
    .number()
    .int()
    .describe('Codes used, rounded down to a multiple of the minimum group size (decision 007)'),
})

export const accessSavedSchema = z.object({ slug: z.string(), access: accessModeSchema })

export const getCodeCounts = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/invitation-codes',
  tag: 'Invitations',
  summary: 'Access mode and invitation-code counts',
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  responses: { 200: { description: 'Counts only, never codes', schema: codeCountsSchema } },
  errors: { 404: surveyMissing },
})

export const setAccess = operation({
  method: 'put',
  path: '/api/admin/surveys/:slug/access',
  tag: 'Invitations',
  summary: 'Make a survey public or invitation-only',
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  body: accessSchema,
  responses: { 200: { description: 'Saved', schema: accessSavedSchema } },
  errors: {
    ...jsonBodyErrors(),
    404: surveyMissing,
    409: '`survey_closed`',
  },
})

export const createCodes = operation({
  method: 'post',
  path: '/api/admin/surveys/:slug/invitation-codes',
  tag: 'Invitations',
  summary: 'Make one-time invitation codes',
  description: 'The codes exist only in this CSV download; the server keeps their HMACs.',
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  body: generateSchema,
  responses: { 201: { description: 'The new codes', content: { 'text/csv': 'code (and link)' } } },
  errors: {
    ...jsonBodyErrors(),
    404: surveyMissing,
    409: '`survey_closed`',
    422: `\`invalid_count\`: not a whole number from 1 to ${MAX_CODES_PER_REQUEST}`,
  },
})

export const invitationOperations: ApiOperation[] = [getCodeCounts, setAccess, createCodes]

export type AccessMode = z.output<typeof accessModeSchema>
export type CodeCounts = z.output<typeof codeCountsSchema>
export type AccessSaved = z.output<typeof accessSavedSchema>
export type AccessRequest = z.input<typeof accessSchema>
export type CodesRequest = z.input<typeof generateSchema>
