import { z } from 'zod'

// Response shapes for the API document. Requests are described by the schemas the routes validate
// with; responses by these.

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. survey_not_found'),
    message: z.string(),
    details: z.array(z.looseObject({ message: z.string() })),
  }),
})

const definition = z.record(z.string(), z.unknown()).describe('SurveyJS questionnaire JSON')

export const okSchema = z.object({ ok: z.literal(true) })

const releaseKind = z.enum(['interim', 'final'])

export const releaseListSchema = z.object({
  releases: z.array(
    z.object({ number: z.number().int(), kind: releaseKind, createdOn: z.string() }),
  ),
})

export const releaseCreatedSchema = z.object({ release: z.number().int(), kind: releaseKind })

export const timelineSchema = z.object({
  survey: z.string(),
  minGroupSize: z.number().int(),
  weeks: z.array(
    z.union([
      z.object({ week: z.string().describe('ISO week, e.g. 2026-W48'), n: z.number().int() }),
      z.object({ week: z.string(), suppressed: z.literal(true) }),
    ]),
  ),
})

const group = z.union([
  z.looseObject({
    key: z.record(z.string(), z.string()),
    suppressed: z.literal(false),
    n: z.number().int(),
  }),
  z.object({ key: z.record(z.string(), z.string()), suppressed: z.literal(true) }),
])

export const aggregatesSchema = z.looseObject({
  survey: z.string(),
  release: z.number().int().nullable().describe('null before the first release: counts only'),
  minGroupSize: z.number().int(),
  by: z.array(z.string()),
  total: z.looseObject({}),
  groups: z.array(group),
})
