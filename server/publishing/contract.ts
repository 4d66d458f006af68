import { jsonBodyErrors, surveyMissing } from '../platform/contract/common.js'
import type { ApiOperation } from '../platform/openapi/operation.js'
import * as responses from '../platform/openapi/response-schemas.js'
import { createSchema, replaceSchema } from './routes.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const publishingOperations: ApiOperation[] = [
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
]
