import { z } from 'zod'

export const BASELINE_LABEL_MAX = 200
export const BASELINE_MAX_ITEMS = 1000

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

/** `GET .../knowledge`; unknown parameters are ignored. */
export const knowledgeQuerySchema = z.object({
  by: z
    .string()
    .optional()
    .describe('One or two dimensions, comma-separated (default sector,region)'),
  release: z.string().optional().describe('Release number (default the latest)'),
})
