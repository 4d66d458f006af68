import { randomBytes } from 'node:crypto'
import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import {
  deleteReport,
  isListed,
  listReports,
  saveReport,
  setListed,
} from '../../db/queries/reports.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { inTransaction } from '../../db/transaction.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { jsonBody, paramsOf } from '../platform/contract/validation.js'
import { ApiError } from '../platform/errors.js'
import { surveyOr404 } from '../platform/survey-or-404.js'
import { chosenRelease } from '../results/aggregates-query.js'
import { createCodebooks } from '../exports/codebooks.js'
import { createDefinitionFacts } from '../results/definition-facts.js'
import { cachedReportContent, createReportCaches, type ReportCaches } from './content.js'
import {
  listReportsOp,
  publishReportOp,
  reportOptionsSchema,
  setListingOp,
  withdrawReportOp,
  type ReportOptions,
} from './contract.js'

export interface AdminReportDeps {
  db: Kysely<Database>
  requireAdmin: MiddlewareHandler<AuthEnv>
  minGroupSize: number
  audit: Audit
  /** Shared with the public pages (server/app.ts): publishing builds what the first view shows. */
  caches?: ReportCaches
}

const OPTIONS_EXPECTED =
  'The body must be {"title"?: {"fi","sv","en"}, "summary"?: {...}, "by"?: ["sector", "region"], "questions"?: ["..."]}.'

/** 128 random bits, base64url: an address nobody can guess or enumerate. */
export const newReportId = () => randomBytes(16).toString('base64url')

export const reportUrl = (id: string) => `/r/${id}`

/** The release `n` of the survey (same 404 as the aggregates), as a number. */
async function releaseOr404(db: Kysely<Database>, survey: PublishedVersion, n: string) {
  if (!/^\d{1,9}$/.test(n)) throw new ApiError(404, 'release_not_found', `No release "${n}".`)
  const release = await chosenRelease(db, survey, n)
  if (!release) throw new ApiError(404, 'release_not_found', 'This survey has no releases yet.')
  return release.number
}

/** Admins publish and withdraw reports and choose what the front page lists; researchers read. */
export const adminReportRoutes = ({
  db,
  requireAdmin,
  minGroupSize,
  audit,
  caches = createReportCaches(),
}: AdminReportDeps) => {
  const factsOf = createDefinitionFacts()
  const deps = { factsOf, codebookOf: createCodebooks(), minGroupSize, caches }

  /** Builds the report once: refuses dimensions and questions the release does not have. */
  async function checkOptions(survey: PublishedVersion, releaseNo: number, options: ReportOptions) {
    // As saveReport stores them, so the public page finds this content built.
    const content = await cachedReportContent(db, deps, survey, releaseNo, JSON.stringify(options))
    const unknown = (options.questions ?? []).filter((q) => !content.chartable.includes(q))
    if (unknown.length > 0) {
      throw new ApiError(
        422,
        'invalid_question',
        'Chart only questions this release has figures for (never free text).',
        unknown.map((q) => ({
          field: 'questions',
          message: `"${q}" has no figures in this release.`,
        })),
      )
    }
  }

  return new Hono<AuthEnv>()
    .get('/:slug/reports', paramsOf(listReportsOp.params), async (c) => {
      const survey = await surveyOr404(db, c.req.valid('param').slug)
      const reports = await listReports(db, survey.surveyId)
      return c.json({
        listed: await isListed(db, survey.surveyId),
        reports: reports.map((r) => ({
          release: r.releaseNo,
          url: reportUrl(r.id),
          options: reportOptionsSchema.parse(JSON.parse(r.options)),
        })),
      })
    })
    .post(
      '/:slug/releases/:n/report',
      requireAdmin,
      paramsOf(publishReportOp.params),
      jsonBody(publishReportOp.body, OPTIONS_EXPECTED),
      async (c) => {
        const { slug, n } = c.req.valid('param')
        const options = c.req.valid('json')
        const survey = await surveyOr404(db, slug)
        const releaseNo = await releaseOr404(db, survey, n)
        await checkOptions(survey, releaseNo, options)
        const actor = c.get('user').username
        const saved = await inTransaction(db, async (trx) => {
          const input = { id: newReportId(), surveyId: survey.surveyId, releaseNo }
          const result = await saveReport(trx, { ...input, options: JSON.stringify(options) })
          const details = { release: releaseNo, replaced: !result.created }
          await audit({ actor, action: 'report.publish', target: slug, details }, trx)
          return result
        })
        return c.json({ url: reportUrl(saved.id) }, saved.created ? 201 : 200)
      },
    )
    .delete(
      '/:slug/releases/:n/report',
      requireAdmin,
      paramsOf(withdrawReportOp.params),
      async (c) => {
        const { slug, n } = c.req.valid('param')
        const survey = await surveyOr404(db, slug)
        const releaseNo = await releaseOr404(db, survey, n)
        const actor = c.get('user').username
        await inTransaction(db, async (trx) => {
          if (!(await deleteReport(trx, survey.surveyId, releaseNo))) {
            throw new ApiError(404, 'report_not_found', `Release ${releaseNo} has no report.`)
          }
          const details = { release: releaseNo }
          await audit({ actor, action: 'report.withdraw', target: slug, details }, trx)
        })
        return c.json({ ok: true as const })
      },
    )
    .put(
      '/:slug/listing',
      requireAdmin,
      paramsOf(setListingOp.params),
      jsonBody(setListingOp.body, 'The body must be {"listed": true} or {"listed": false}.'),
      async (c) => {
        const { slug } = c.req.valid('param')
        const { listed } = c.req.valid('json')
        const survey = await surveyOr404(db, slug)
        const actor = c.get('user').username
        await inTransaction(db, async (trx) => {
          await setListed(trx, survey.surveyId, listed)
          await audit({ actor, action: 'survey.listing', target: slug, details: { listed } }, trx)
        })
        return c.json({ slug, listed })
      },
    )
}
