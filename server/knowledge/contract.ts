import { z } from 'zod'
import { baselineSchema, knowledgeQuerySchema } from './schemas.js'
import type { ApiOperation } from '../platform/openapi/operation.js'

const interval = z.tuple([z.number(), z.number()]).nullable()

const figures = z.looseObject({
  n: z.number().int(),
  score: z
    .object({
      mean: z.number(),
      sd: z.number().nullable().describe('Sample standard deviation'),
      ci: interval.describe("95 % interval as R's t.test()"),
      max: z.number().int().describe('Highest possible score: the number of quiz items'),
      distribution: z
        .record(z.string(), z.number().int())
        .describe(
          'Respondents per score bin ("7", or "0-4" where sparse); bins hidden for disclosure control are left out',
        ),
    })
    .nullable(),
  items: z.array(
    z.looseObject({
      name: z.string(),
      n: z.number().int(),
      correct: z.number().int(),
      share: z.number().nullable(),
      ci: interval.describe("95 % Wilson interval, as R's prop.test(correct = FALSE)"),
      discrimination: z.number().nullable().describe('Corrected item-total correlation'),
      baseline: z
        .object({
          n: z.number(),
          correct: z.number(),
          share: z.number(),
          difference: z.number(),
          ci: interval,
          p: z.number().nullable(),
        })
        .optional()
        .describe(
          "With a baseline: share minus the baseline's, as prop.test(c(x1, x2), c(n1, n2), correct = FALSE)",
        ),
    }),
  ),
  reliability: z
    .object({ kr20: z.number(), alphaIfDeleted: z.record(z.string(), z.number().nullable()) })
    .nullable()
    .describe("KR-20 (psych's raw_alpha on the 0/1 items); null below 30 respondents or 3 items"),
  selfRating: z
    .object({
      question: z.string(),
      values: z.array(z.looseObject({ value: z.union([z.number(), z.string()]) })),
      spearman: z.number().nullable(),
    })
    .optional(),
})

export const knowledgeSchema = z.looseObject({
  survey: z.string(),
  release: z.number().int().nullable().describe('null before the first release: the total n only'),
  minGroupSize: z.number().int(),
  by: z.array(z.string()),
  total: z.union([figures, z.object({ suppressed: z.literal(true) }), z.object({ n: z.number() })]),
  groups: z.array(
    z.union([
      z.object({ key: z.record(z.string(), z.string()), suppressed: z.literal(true) }),
      figures.extend({ key: z.record(z.string(), z.string()), suppressed: z.literal(false) }),
    ]),
  ),
  comparison: z
    .object({
      test: z.literal('kruskal-wallis'),
      statistic: z.number().nullable(),
      df: z.number().int(),
      p: z.number().nullable(),
    })
    .nullable()
    .describe("Kruskal-Wallis on the score across the shown groups, as R's kruskal.test()"),
  baseline: z.object({ label: z.string() }).optional(),
})

const surveyMissing = '`survey_not_found`: no such survey'

export const knowledgeOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/admin/surveys/:slug/knowledge',
    tag: 'Results',
    summary: 'Knowledge score, quiz items, reliability and self-rating by group',
    description:
      'Released data only, the groups shown exactly as the aggregates show them; before the ' +
      'first release, the total n only. How each figure is computed: the codebook (format=md).',
    auth: 'session-or-token',
    query: knowledgeQuerySchema,
    responses: { 200: { description: 'Knowledge figures', schema: knowledgeSchema } },
    errors: {
      404: `${surveyMissing}; \`release_not_found\``,
      422: '`invalid_dimension`',
    },
  },
  {
    method: 'put',
    path: '/api/admin/surveys/:slug/baseline',
    tag: 'Results',
    summary: 'Set reference figures to compare the quiz items with',
    description: "Replaces the survey's baseline; recorded in the audit log.",
    auth: 'session',
    adminOnly: true,
    body: baselineSchema,
    responses: {
      200: { description: 'Saved', schema: baselineSchema.extend({ slug: z.string() }) },
    },
    errors: {
      400: '`malformed_json`, `invalid_body`',
      404: surveyMissing,
      413: '`payload_too_large`: over 64 KiB',
      415: '`unsupported_media_type`',
      422: '`invalid_baseline`: an item that is no quiz item, or correct above n',
    },
  },
]
