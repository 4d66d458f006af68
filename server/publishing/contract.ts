import { z } from 'zod'
import { isPlainObject } from '../domain/answers/json.js'
import { jsonBodyErrors, slugParams, surveyMissing } from '../platform/contract/common.js'
import { type ApiOperation, operation } from '../platform/openapi/operation.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.
// The client's survey types are inferred from them (client/admin/api.ts).

// Questionnaires with many localized strings outgrow the respondents' 64 KiB limit.
export const MAX_DEFINITION_BYTES = 1024 * 1024

/**
 * `:slug` as any string: one that cannot be a slug is answered like an unknown survey (404
 * `survey_not_found`, server/platform/survey-or-404.ts), not refused by the schema.
 */

export const surveyStatusSchema = z.enum(['draft', 'open', 'closed'])
const version = z.number().int().describe('The newest version of the questionnaire')
const definition = z.record(z.string(), z.unknown()).describe('SurveyJS questionnaire JSON')

// Requests

const definitionField = z.custom<Record<string, unknown>>(isPlainObject, 'must be a JSON object')
export const createSurveySchema = z.strictObject({ slug: z.string(), definition: definitionField })
export const replaceDefinitionSchema = z.strictObject({ definition: definitionField })

// Responses

export const surveySummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  status: surveyStatusSchema,
  version,
  responses: z
    .number()
    .int()
    .describe('Responses to all versions, rounded down to a multiple of the minimum group size'),
})

export const surveyListSchema = z.object({ surveys: z.array(surveySummarySchema) })

export const surveyDetailSchema = z.object({
  slug: z.string(),
  title: z.string(),
  status: surveyStatusSchema,
  version,
  access: z
    .enum(['public', 'invitation'])
    .describe('invitation: only holders of a one-time code can answer'),
  definition,
  publicUrl: z
    .url()
    .optional()
    .describe(
      'PUBLIC_URL, the address respondents reach the server at (links are <publicUrl>/s/<slug>); absent when unset',
    ),
})

/** What a save answers (create, replace, and with warnings the XLSForm import): never closed. */
export const savedSurveySchema = z.object({
  slug: z.string(),
  title: z.string(),
  status: surveyStatusSchema.exclude(['closed']),
  version,
})

/** What publish and close have in common. */
export const statusChangeSchema = z.object({
  slug: z.string(),
  status: surveyStatusSchema,
  version,
})

export const publishedSurveySchema = statusChangeSchema.extend({ status: z.literal('open') })

/** Closing also makes the final release; a refused one does not undo the close. */
export const finalReleaseSchema = z.object({
  finalRelease: z.number().int().nullable().describe('The final release; null when refused'),
  releaseRefused: z.array(z.string()).optional().describe('Why there is no final release'),
})

export const closedSurveySchema = statusChangeSchema.extend({
  status: z.literal('closed'),
  ...finalReleaseSchema.shape,
})

// Operations

export const listSurveys = operation({
  method: 'get',
  path: '/api/admin/surveys',
  tag: 'Questionnaires',
  summary: 'All questionnaires',
  auth: 'session-or-token',
  responses: { 200: { description: 'Newest version of each', schema: surveyListSchema } },
})

export const getSurvey = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug',
  tag: 'Questionnaires',
  summary: 'One questionnaire with its definition',
  auth: 'session-or-token',
  params: slugParams,
  responses: { 200: { description: 'Newest version', schema: surveyDetailSchema } },
  errors: { 404: surveyMissing },
})

export const createSurvey = operation({
  method: 'post',
  path: '/api/admin/surveys',
  tag: 'Questionnaires',
  summary: 'Create a draft',
  auth: 'session',
  adminOnly: true,
  body: createSurveySchema,
  responses: { 201: { description: 'Created as a draft', schema: savedSurveySchema } },
  errors: {
    ...jsonBodyErrors('1 MiB'),
    409: '`slug_taken`',
    422: '`invalid_slug`, `invalid_definition` (one detail per problem)',
  },
})

export const replaceDefinition = operation({
  method: 'put',
  path: '/api/admin/surveys/:slug',
  tag: 'Questionnaires',
  summary: 'Replace a definition',
  description: "A draft's definition is replaced; an open survey gets a new version.",
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  body: replaceDefinitionSchema,
  responses: { 200: { description: 'Saved', schema: savedSurveySchema } },
  errors: {
    ...jsonBodyErrors('1 MiB'),
    404: surveyMissing,
    409: '`survey_closed`, `dimensions_changed` (an open survey keeps its dimensions)',
    422: '`invalid_definition`',
  },
})

export const publishSurvey = operation({
  method: 'post',
  path: '/api/admin/surveys/:slug/publish',
  tag: 'Questionnaires',
  summary: 'Publish a draft (draft → open)',
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  responses: { 200: { description: 'Open', schema: publishedSurveySchema } },
  errors: { 404: surveyMissing, 409: '`invalid_transition`' },
})

export const closeSurvey = operation({
  method: 'post',
  path: '/api/admin/surveys/:slug/close',
  tag: 'Questionnaires',
  summary: 'Close (open → closed) and make the final release',
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  responses: { 200: { description: 'Closed', schema: closedSurveySchema } },
  errors: { 404: surveyMissing, 409: '`invalid_transition`' },
})

export const publishingOperations: ApiOperation[] = [
  listSurveys,
  getSurvey,
  createSurvey,
  replaceDefinition,
  publishSurvey,
  closeSurvey,
]

export type SurveyStatus = z.output<typeof surveyStatusSchema>
export type SurveySummary = z.output<typeof surveySummarySchema>
export type SurveyList = z.output<typeof surveyListSchema>
export type SurveyDetail = z.output<typeof surveyDetailSchema>
export type SavedSurvey = z.output<typeof savedSurveySchema>
export type StatusChange = z.output<typeof statusChangeSchema>
export type PublishedSurvey = z.output<typeof publishedSurveySchema>
export type ClosedSurvey = z.output<typeof closedSurveySchema>
export type FinalRelease = z.output<typeof finalReleaseSchema>
export type CreateSurveyBody = z.input<typeof createSurveySchema>
export type ReplaceDefinitionBody = z.input<typeof replaceDefinitionSchema>
