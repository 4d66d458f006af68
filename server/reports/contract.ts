import { z } from 'zod'
import { jsonBodyErrors, surveyMissing } from '../platform/contract/common.js'
import { type ApiOperation, operation } from '../platform/openapi/operation.js'

// The HTTP contract of the public reports (issue 19): an admin publishes a release as a report
// at an unguessable address (/r/<id>), withdraws it, and chooses which open surveys the public
// front page lists. The pages themselves (/, /r/<id>) are HTML, outside /api.

const LOCALES = ['fi', 'sv', 'en'] as const
const text = z.string().max(4000)
/** Text in the readers' languages; a missing language falls back to the questionnaire's own. */
export const textsSchema = z
  .strictObject({ fi: text.optional(), sv: text.optional(), en: text.optional() })
  .describe('Text per language (fi, sv, en); each optional')

export const reportOptionsSchema = z.strictObject({
  title: textsSchema.optional().describe("Default: the questionnaire's title"),
  summary: textsSchema.optional().describe('A few plain-text paragraphs (blank line between)'),
  by: z
    .array(z.string())
    .min(1)
    .max(2)
    .optional()
    .describe('Dimensions of the table, as `by` of the aggregates; default sector and region'),
  questions: z
    .array(z.string())
    .max(100)
    .optional()
    .describe('Questions charted, in this order; default every choice question of the release'),
})

export const reportParams = z.object({
  slug: z.string().describe('The survey'),
  n: z.string().describe('The release number'),
})
const slugParams = z.object({ slug: z.string().describe('The survey') })

export const reportLinkSchema = z.object({
  url: z.string().describe('/r/<id>: the public, read-only report; the id has 128 random bits'),
})

export const reportListSchema = z.object({
  listed: z.boolean().describe('Whether the front page lists this survey while it is open'),
  reports: z.array(
    z.object({ release: z.number().int(), url: z.string(), options: reportOptionsSchema }),
  ),
})

export const listingBodySchema = z.strictObject({ listed: z.boolean() })
export const listingSchema = z.object({ slug: z.string(), listed: z.boolean() })

const releaseErrors = {
  404: `${surveyMissing}; \`release_not_found\`: no such release of it`,
}

export const listReportsOp = operation({
  method: 'get',
  path: '/api/admin/surveys/:slug/reports',
  tag: 'Reports',
  summary: "A survey's published reports and whether the front page lists it",
  auth: 'session',
  params: slugParams,
  responses: { 200: { description: 'Reports, newest release first', schema: reportListSchema } },
  errors: { 404: surveyMissing },
})

export const publishReportOp = operation({
  method: 'post',
  path: '/api/admin/surveys/:slug/releases/:n/report',
  tag: 'Reports',
  summary: 'Publish a release as a public report (or change its title, summary, table, charts)',
  description:
    'The report shows only what GET .../aggregates and .../knowledge answer for the release; never free text. Publishing again keeps the address.',
  auth: 'session',
  adminOnly: true,
  params: reportParams,
  body: reportOptionsSchema,
  responses: {
    201: { description: 'Published', schema: reportLinkSchema },
    200: {
      description: 'Already published: choices replaced, same address',
      schema: reportLinkSchema,
    },
  },
  errors: {
    ...jsonBodyErrors(),
    ...releaseErrors,
    422: '`invalid_dimension` (`by`), `invalid_question` (`questions`: no figures in the release)',
  },
})

export const withdrawReportOp = operation({
  method: 'delete',
  path: '/api/admin/surveys/:slug/releases/:n/report',
  tag: 'Reports',
  summary: 'Withdraw a report: its address answers 404, as one that never existed',
  auth: 'session',
  adminOnly: true,
  params: reportParams,
  responses: { 200: { description: 'Withdrawn', schema: z.object({ ok: z.literal(true) }) } },
  errors: { 404: `${releaseErrors[404]}; \`report_not_found\`: the release has no report` },
})

export const setListingOp = operation({
  method: 'put',
  path: '/api/admin/surveys/:slug/listing',
  tag: 'Reports',
  summary: 'List (or stop listing) an open survey on the public front page',
  description: 'Off by default: a link sent to one hospital is not advertised to the world.',
  auth: 'session',
  adminOnly: true,
  params: slugParams,
  body: listingBodySchema,
  responses: { 200: { description: 'Saved', schema: listingSchema } },
  errors: { ...jsonBodyErrors(), 404: surveyMissing },
})

export const reportOperations: ApiOperation[] = [
  listReportsOp,
  publishReportOp,
  withdrawReportOp,
  setListingOp,
]

export const REPORT_LOCALES = LOCALES
export type ReportLocale = (typeof LOCALES)[number]
export type ReportOptions = z.output<typeof reportOptionsSchema>
export type ReportOptionsBody = z.input<typeof reportOptionsSchema>
export type ReportLink = z.output<typeof reportLinkSchema>
export type ReportList = z.output<typeof reportListSchema>
export type Listing = z.output<typeof listingSchema>
