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

export const okSchema = z.object({ ok: z.literal(true) })
