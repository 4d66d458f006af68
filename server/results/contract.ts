import { z } from 'zod'
import { slugParams, surveyMissing } from '../platform/contract/common.js'
import { operation, type ApiOperation } from '../platform/openapi/operation.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.
// The admin client takes its types from here (`import type` only: no zod reaches its bundle).

// ---- Requests

/**
 * `:slug` as any string: one that cannot be a slug is answered like an unknown survey (404
 * `survey_not_found` from the lookup), never as a malformed parameter.
 */

/** `GET .../aggregates` (and the aggregate export); unknown parameters are ignored. */
export const aggregatesQuerySchema = z.object({
  by: z
    .string()
    .optional()
    .describe(
      'One or two dimensions or levels, comma-separated (default sector,region); a level is ' +
        "named <dimension>.<level>, e.g. region.area, and is never crossed with its own dimension",
    ),
  release: z.string().optional().describe('Release number (default the latest)'),
  version: z
    .string()
    .optional()
    .describe('Questionnaire version that describes the questions (default the latest)'),
})

// ---- Responses

const releaseKind = z.enum(['interim', 'final'])

export const releaseListSchema = z.object({
  releases: z.array(
    z.object({
      number: z.number().int(),
      kind: releaseKind,
      createdOn: z.string().describe('YYYY-MM-DD'),
    }),
  ),
})

/** Only interim releases are made here; the final one is made when the survey closes. */
export const releaseCreatedSchema = z.object({
  release: z.number().int(),
  kind: z.literal('interim'),
})

const week = z.string().describe('ISO week, e.g. 2026-W48')

export const timelineSchema = z.object({
  survey: z.string(),
  minGroupSize: z.number().int(),
  weeks: z.array(
    z.discriminatedUnion('suppressed', [
      z.object({ week, suppressed: z.literal(false), n: z.number().int() }),
      z.object({ week, suppressed: z.literal(true) }),
    ]),
  ),
})

const counts = z.record(z.string(), z.number().int()).describe('Respondents per answer value')

/** One question's summary in one group (server/domain/aggregate-view.ts `summarise`). */
export const questionStatsSchema = z.object({
  counts,
  items: z
    .record(z.string(), counts)
    .optional()
    .describe('Matrix and multiple-choice questions: the counts per row or choice'),
  n: z.number().int().optional().describe('Numeric questions: respondents who answered'),
  mean: z.number().optional().describe('Numeric questions'),
  median: z.number().nullable().optional().describe('Numeric questions, from the distribution'),
  sd: z.number().nullable().optional().describe('Numeric questions, from the distribution'),
  distribution: counts.optional().describe('Numeric questions: the counts again'),
  shareCorrect: z.number().optional().describe('Quiz items: the share answered correctly'),
})

const questions = z
  .record(z.string(), questionStatsSchema)
  .describe('By question name; empty for a group shown with its n only')

const key = z.record(z.string(), z.string()).describe('The group: dimension → value')

const shownGroup = z.object({
  key,
  suppressed: z.literal(false),
  n: z.number().int(),
  knowledgeScore: z.number().nullable().describe('Mean quiz score; null without statistics'),
  questions,
})

/** A hidden group carries nothing but its key, so hidden and empty cannot be told apart. */
const hiddenGroup = z.object({ key, suppressed: z.literal(true) })

export const aggregatesSchema = z.object({
  survey: z.string(),
  release: z.number().int().nullable().describe('null before the first release: counts only'),
  minGroupSize: z.number().int(),
  by: z.array(z.string()),
  total: z.union([
    z.object({ suppressed: z.literal(true) }),
    shownGroup.omit({ key: true, suppressed: true }),
    z.object({ n: z.number().int() }).describe('Before the first release: the rounded count'),
  ]),
  groups: z
    .array(z.discriminatedUnion('suppressed', [shownGroup, hiddenGroup]))
    .describe('Before the first release every group is listed as suppressed'),
})

export type ReleaseList = z.output<typeof releaseListSchema>
export type Release = ReleaseList['releases'][number]
export type ReleaseCreated = z.output<typeof releaseCreatedSchema>
export type Timeline = z.output<typeof timelineSchema>
export type Week = Timeline['weeks'][number]
export type Aggregates = z.output<typeof aggregatesSchema>
export type AggregatesQuery = z.output<typeof aggregatesQuerySchema>
export type Total = Aggregates['total']
export type Group = Aggregates['groups'][number]
export type QuestionStats = z.output<typeof questionStatsSchema>
export type Questions = Record<string, QuestionStats>

// ---- Operations

export const listReleases = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/releases',
  tag: 'Results',
  summary: 'Releases of a survey',
  auth: 'session-or-token',
  params: slugParams,
  responses: { 200: { description: 'Oldest first', schema: releaseListSchema } },
  errors: { 404: surveyMissing },
})

export const makeInterimRelease = operation({
  method: 'post',
  path: '/api/admin/surveys/:slug/releases',
  tag: 'Results',
  summary: 'Make an interim release',
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  responses: { 201: { description: 'Released', schema: releaseCreatedSchema } },
  errors: {
    404: surveyMissing,
    409: '`release_refused` (with the reasons), `invalid_transition` when not open',
  },
})

export const getTimeline = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/timeline',
  tag: 'Results',
  summary: 'Responses per ISO week (rounded running totals; empty and small weeks suppressed)',
  auth: 'session-or-token',
  params: slugParams,
  responses: { 200: { description: 'Weekly counts', schema: timelineSchema } },
  errors: { 404: surveyMissing },
})

export const getAggregates = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/aggregates',
  tag: 'Results',
  summary: 'Aggregates of a release by one or two dimensions',
  description: 'Small groups are suppressed; before the first release, respondent counts only.',
  auth: 'session-or-token',
  params: slugParams,
  query: aggregatesQuerySchema,
  responses: { 200: { description: 'Grouped results', schema: aggregatesSchema } },
  errors: {
    404: `${surveyMissing}; \`release_not_found\`, \`version_not_found\``,
    422: '`invalid_dimension`',
  },
})

export const resultOperations: ApiOperation[] = [
  listReleases,
  makeInterimRelease,
  getTimeline,
  getAggregates,
]
