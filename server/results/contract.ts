import { surveyMissing } from '../platform/contract/common.js'
import type { ApiOperation } from '../platform/openapi/operation.js'
import * as responses from '../platform/openapi/response-schemas.js'
import { aggregatesQuerySchema } from '../exports/query-schemas.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.

export const resultOperations: ApiOperation[] = [
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
]
