import { z } from 'zod'
import { jsonBodyErrors, surveyMissing } from '../platform/contract/common.js'
import { operation, type ApiOperation } from '../platform/openapi/operation.js'
import { slugParams } from '../platform/contract/common.js'
import { aggregatesQuerySchema } from '../results/contract.js'

// The HTTP contract of this feature's routes: the schemas they validate with and answer with.
// The admin client takes its types from here (`import type` only: no zod reaches its bundle).

// ---- Requests

export const BASELINE_LABEL_MAX = 200
export const BASELINE_MAX_ITEMS = 1000
export const BASELINE_BODY_BYTES = 64 * 1024

/** `PUT .../baseline`: reference figures per quiz item, e.g. an earlier study's. */
export const baselineSchema = z.strictObject({
  label: z
    .string()
    .min(1)
    .max(BASELINE_LABEL_MAX)
    .describe('What the figures are, e.g. "Ross et al. 2015, NHS professionals"'),
  items: z
    .record(
      z.string().max(200),
      z.strictObject({
        n: z.number().int().min(1).max(1_000_000_000).describe('Respondents asked the item'),
        correct: z.number().int().min(0).max(1_000_000_000).describe('How many answered correctly'),
      }),
    )
    .describe('Per quiz item of the survey'),
})

/** `GET .../knowledge`: `by` and `release` as for the aggregates; unknown parameters are ignored. */
export const knowledgeQuerySchema = aggregatesQuerySchema.pick({ by: true, release: true })

// ---- Responses

const interval = z.tuple([z.number(), z.number()])

const item = z.object({
  name: z.string(),
  n: z.number().int(),
  correct: z.number().int(),
  share: z.number().nullable(),
  ci: interval.nullable().describe("95 % Wilson interval, as R's prop.test(correct = FALSE)"),
  discrimination: z.number().nullable().describe('Corrected item-total correlation'),
  baseline: z
    .object({
      n: z.number().int(),
      correct: z.number().int(),
      share: z.number(),
      difference: z.number(),
      ci: interval,
      p: z.number().nullable(),
    })
    .optional()
    .describe(
      "With a baseline: share minus the baseline's, as prop.test(c(x1, x2), c(n1, n2), correct = FALSE)",
    ),
})

const ratingValue = z.union([
  z.object({
    value: z.union([z.number(), z.string()]),
    n: z.number().int(),
    meanScore: z.number().nullable(),
    ci: interval.nullable(),
  }),
  z.object({ value: z.union([z.number(), z.string()]), suppressed: z.literal(true) }),
])

/** The figures of a group shown with statistics (server/knowledge/compute.ts). */
export const knowledgeFiguresSchema = z.object({
  n: z.number().int(),
  score: z
    .object({
      mean: z.number(),
      sd: z.number().nullable().describe('Sample standard deviation'),
      ci: interval.nullable().describe("95 % interval as R's t.test()"),
      max: z.number().int().describe('Highest possible score: the number of quiz items'),
      distribution: z
        .record(z.string(), z.number().int())
        .describe(
          'Respondents per score bin ("7", or "0-4" where sparse); bins hidden for disclosure control are left out',
        ),
    })
    .nullable(),
  items: z.array(item),
  reliability: z
    .object({ kr20: z.number(), alphaIfDeleted: z.record(z.string(), z.number().nullable()) })
    .nullable()
    .describe("KR-20 (psych's raw_alpha on the 0/1 items); null below 30 respondents or 3 items"),
  selfRating: z
    .object({ question: z.string(), values: z.array(ratingValue), spearman: z.number().nullable() })
    .optional(),
})

/** A group shown with its n only: the aggregates give it no statistics (decision 007). */
const countOnly = z.object({ n: z.number().int() })
const hidden = z.object({ suppressed: z.literal(true) })
const key = z.record(z.string(), z.string()).describe('The group: dimension → value')

// Unions try their options in order: the fullest first, so none is read as a smaller one.
export const knowledgeSchema = z.object({
  survey: z.string(),
  release: z.number().int().nullable().describe('null before the first release: the total n only'),
  minGroupSize: z.number().int(),
  by: z.array(z.string()),
  total: z.union([knowledgeFiguresSchema, countOnly, hidden]),
  groups: z.array(
    z.union([
      knowledgeFiguresSchema.extend({ key, suppressed: z.literal(false) }),
      countOnly.extend({ key, suppressed: z.literal(false) }),
      hidden.extend({ key }),
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

export const savedBaselineSchema = baselineSchema.extend({ slug: z.string() })

export type Knowledge = z.output<typeof knowledgeSchema>
export type KnowledgeFigures = z.output<typeof knowledgeFiguresSchema>
export type KnowledgeItem = KnowledgeFigures['items'][number]
export type KnowledgeGroup = Knowledge['groups'][number]
export type Baseline = z.input<typeof baselineSchema>
export type SavedBaseline = z.output<typeof savedBaselineSchema>

// ---- Operations

export const getKnowledge = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/knowledge',
  tag: 'Results',
  summary: 'Knowledge score, quiz items, reliability and self-rating by group',
  description:
    'Released data only, the groups shown exactly as the aggregates show them; before the ' +
    'first release, the total n only. A level (region.area) groups its members\' respondents. ' +
    'How each figure is computed: the codebook (format=md).',
  auth: 'session-or-token',
  params: slugParams,
  query: knowledgeQuerySchema,
  responses: { 200: { description: 'Knowledge figures', schema: knowledgeSchema } },
  errors: {
    404: `${surveyMissing}; \`release_not_found\``,
    422: '`invalid_dimension`',
  },
})

export const setBaseline = operation({
  method: 'put',
  path: '/api/admin/surveys/:slug/baseline',
  tag: 'Results',
  summary: 'Set reference figures to compare the quiz items with',
  description: "Replaces the survey's baseline; recorded in the audit log.",
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  body: baselineSchema,
  responses: { 200: { description: 'Saved', schema: savedBaselineSchema } },
  errors: {
    ...jsonBodyErrors('64 KiB'),
    404: surveyMissing,
    422: '`invalid_baseline`: an item that is no quiz item, or correct above n',
  },
})

export const knowledgeOperations: ApiOperation[] = [getKnowledge, setBaseline]
