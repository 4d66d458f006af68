import { Hono, type Context } from 'hono'
import type { Kysely } from 'kysely'
import { listReleases } from '../../db/queries/releases.js'
import { findReport, listedOpenSurveys, listReports } from '../../db/queries/reports.js'
import { findLatestVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { attachment } from '../platform/content-disposition.js'
import { createCodebooks } from '../exports/codebooks.js'
import { createDefinitionFacts } from '../results/definition-facts.js'
import { cachedReportContent, createReportCaches, inLocale, type ReportCaches } from './content.js'
import { reportOptionsSchema, type ReportLocale } from './contract.js'
import { renderFrontPage, renderReportMissing } from './front-page.js'
import { readerLocale } from './i18n.js'
import { renderReport, reportTitle } from './report-page.js'
import { reportUrl } from './routes.js'

export interface PublicReportDeps {
  db: Kysely<Database>
  minGroupSize: number
  /** Per app (server/app.ts); never shared between apps or databases. */
  caches?: ReportCaches
}

/** A report id as newReportId makes them: anything else is not looked up. */
const REPORT_ID = /^[A-Za-z0-9_-]{22}$/

const localeOf = (c: Context) => readerLocale(c.req.query('lang'), c.req.header('accept-language'))

/** The questionnaire's own title in `locale` (a string, or SurveyJS's {default, fi, ...}). */
function definitionTitle(definition: string, locale: ReportLocale, fallback: string) {
  const title = (JSON.parse(definition) as { title?: unknown }).title
  if (typeof title === 'string') return title
  if (title && typeof title === 'object') {
    const texts = title as Record<string, unknown>
    const text = texts[locale] ?? texts.default ?? texts.en
    if (typeof text === 'string' && text) return text
  }
  return fallback
}

/**
 * The public pages: the front door and the reports. No sign-in, no cookie, no script; revalidated
 * on every load, so a withdrawn report is gone at once.
 */
export const publicReportRoutes = ({
  db,
  minGroupSize,
  caches = createReportCaches(),
}: PublicReportDeps) => {
  const factsOf = createDefinitionFacts()
  const deps = { factsOf, codebookOf: createCodebooks(), minGroupSize, caches }

  /** Published or not is read on every request (withdrawn: gone at once); the content is cached. */
  async function loadReport(id: string) {
    const stored = REPORT_ID.test(id) ? await findReport(db, id) : undefined
    const survey = stored && (await findLatestVersion(db, stored.slug))
    if (!stored || !survey) return undefined
    return cachedReportContent(db, deps, survey, stored.releaseNo, stored.options)
  }

  const missing = (c: Context) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(renderReportMissing(localeOf(c)), 404)
  }

  return new Hono()
    .get('/', async (c) => {
      const locale = localeOf(c)
      const surveys = await Promise.all(
        (await listedOpenSurveys(db)).map(async ({ slug }) => {
          const survey = await findLatestVersion(db, slug)
          return { slug, title: survey ? definitionTitle(survey.definition, locale, slug) : slug }
        }),
      )
      const reports = await Promise.all(
        (await listReports(db)).map(async (report) => {
          const survey = await findLatestVersion(db, report.slug)
          const release = (await listReleases(db, report.surveyId)).find(
            (r) => r.number === report.releaseNo,
          )
          const options = reportOptionsSchema.parse(JSON.parse(report.options))
          const fallback = survey ? definitionTitle(survey.definition, locale, report.slug) : ''
          return {
            url: reportUrl(report.id),
            title: inLocale(options.title, locale) || fallback,
            createdOn: release?.createdOn ?? '',
          }
        }),
      )
      c.header('Cache-Control', 'no-cache')
      c.header('Vary', 'Accept-Language')
      return c.html(renderFrontPage({ locale, surveys, reports }))
    })
    .get('/r/:id', async (c) => {
      const content = await loadReport(c.req.param('id'))
      if (!content) return missing(c)
      const locale = localeOf(c)
      c.header('Cache-Control', 'no-cache')
      c.header('Vary', 'Accept-Language')
      return c.html(renderReport(content, { locale, path: reportUrl(c.req.param('id')) }))
    })
    .get('/r/:id/download', async (c) => {
      const content = await loadReport(c.req.param('id'))
      if (!content) return missing(c)
      const locale = localeOf(c)
      const { slug, release } = content
      const name = `${reportTitle(content, locale)} (${slug} ${release.number}, ${locale})`
      c.header('Cache-Control', 'no-cache')
      c.header('Content-Disposition', attachment(name, 'html'))
      return c.html(renderReport(content, { locale }))
    })
}
