import { z } from 'zod'

// Wording shared by the operations of several features.

export const surveyMissing = '`survey_not_found`: no such survey'

/** What every JSON-body route refuses before its own checks (server/platform/contract/validation.ts). */
export const jsonBodyErrors = (limit?: string) => ({
  400: '`malformed_json`, `invalid_body`',
  413: limit ? `\`payload_too_large\`: over ${limit}` : '`payload_too_large`',
  415: '`unsupported_media_type`',
})

/** The `:slug` of every survey route; its 404 comes from the lookup, so any string is accepted here. */
export const slugParams = z.object({
  slug: z.string().describe('The survey, as in its /s/<slug> link, e.g. nurses-2027'),
})
