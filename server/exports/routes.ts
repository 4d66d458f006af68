import { Hono, type Context } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { listReleases } from '../../db/queries/releases.js'
import {
  availableDimensions,
  chosenRelease,
  describedVersion,
  queryAggregates,
} from '../results/aggregates-query.js'
import type { Publication } from '../domain/suppression/index.js'
import type { AuthEnv } from '../accounts/middleware.js'
import { attachment } from '../platform/content-disposition.js'
import { createDefinitionFacts } from '../results/definition-facts.js'
import { codebookMarkdown } from './formats/codebook-markdown.js'
import { codebookTable } from './formats/codebook-table.js'
import { SEMICOLON_CSV, toCsv } from './formats/csv.js'
import type { AggregatesView } from './formats/long-table.js'
import { ApiError } from '../platform/errors.js'
import { aggregatesCsv, aggregatesWorkbook } from './aggregate-export.js'
import { createCodebooks } from './codebooks.js'
import { knowledgeCsv, knowledgeWorkbook } from './knowledge-export.js'
import { KNOWLEDGE_FIGURES } from '../knowledge/codebook.js'
import { queryKnowledge } from '../knowledge/query.js'
import { createKnowledgeCaches, type KnowledgeCaches } from '../knowledge/release-cache.js'
import {
  labelScripts,
  readResponseExport,
  responseCsvChunks,
  responseZip,
} from './response-export.js'
import { exportLevelQueries, exportLevelQuery, exportResults, getCodebook } from './contract.js'
import { surveyOr404 } from '../platform/survey-or-404.js'
import { paramsOf, readQuery } from '../platform/contract/validation.js'

export interface AdminExportDeps {
  db: Kysely<Database>
  minGroupSize: number
  audit: Audit
  /** The app's knowledge figures per release (computed once, as the knowledge page reads them). */
  knowledge?: KnowledgeCaches
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  'csv-semicolon': 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  r: 'text/plain; charset=utf-8',
  sps: 'text/plain; charset=utf-8',
  zip: 'application/zip',
} as const

const EXTENSIONS: Record<keyof typeof TYPES, string> = {
  csv: 'csv',
  'csv-semicolon': 'csv',
  xlsx: 'xlsx',
  json: 'json',
  md: 'md',
  r: 'R',
  sps: 'sps',
  zip: 'zip',
}

type Body = string | Uint8Array | ReadableStream<Uint8Array>

function download(c: Context, format: keyof typeof TYPES, baseName: string, body: Body) {
  return c.body(body as never, 200, {
    'Content-Type': TYPES[format],
    'Content-Disposition': attachment(baseName, EXTENSIONS[format]),
  })
}

function textStream(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = chunks[Symbol.iterator]()
  return new ReadableStream({
    pull(controller) {
      const next = iterator.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
  })
}

/** Downloads for researchers' own tools: aggregate exports, codebooks, and (admins) responses. */
export const adminExportRoutes = ({
  db,
  minGroupSize,
  audit,
  knowledge = createKnowledgeCaches(),
}: AdminExportDeps) => {
  const factsOf = createDefinitionFacts()
  const codebookOf = createCodebooks()

  // The aggregates endpoint's answer for the same query, as a file: never more than it shows.
  async function aggregatesDownload(c: Context<AuthEnv>, survey: PublishedVersion) {
    const { format, lang, ...query } = readQuery(c, exportLevelQueries.aggregates)
    const view: AggregatesView = await queryAggregates(db, factsOf, survey, query, minGroupSize)
    const version = await describedVersion(db, survey, query.version)
    const codebook = codebookOf(version.id, version.definition)
    const when = view.release === null ? 'no-release' : `release-${view.release}`
    const baseName = `${survey.slug}-${when}-by-${view.by.join('-')}`
    let body: string | Uint8Array
    if (format === 'json') body = JSON.stringify(view)
    else {
      // The files add every one-way table of the same release: the page shows each of them
      // (its charts and option table by any one dimension), and each is published already.
      const views = [view]
      const oneWay = await availableDimensions(db, factsOf, survey, query.release)
      for (const by of oneWay.filter((name) => view.by.length > 1 || name !== view.by[0])) {
        views.push(await queryAggregates(db, factsOf, survey, { ...query, by }, minGroupSize))
      }
      const files = { views, codebook, lang }
      if (format === 'csv') body = aggregatesCsv(files)
      else if (format === 'csv-semicolon') body = aggregatesCsv(files, SEMICOLON_CSV)
      else body = await aggregatesWorkbook(files)
    }
    const details = { level: 'aggregates', format, release: view.release, by: view.by }
    await audit({ actor: c.get('user').username, action: 'export', target: survey.slug, details })
    return download(c, format, baseName, body)
  }

  // Exactly what GET .../knowledge answers for the same `by` and `release`, as a file.
  async function knowledgeDownload(c: Context<AuthEnv>, survey: PublishedVersion) {
    const { format, ...query } = readQuery(c, exportLevelQueries.knowledge)
    const body = await queryKnowledge(db, survey, query, minGroupSize, knowledge)
    const when = body.release === null ? 'no-release' : `release-${body.release}`
    const baseName = `${survey.slug}-${when}-knowledge-by-${body.by.join('-')}`
    const file =
      format === 'json'
        ? JSON.stringify(body)
        : format === 'csv'
          ? knowledgeCsv(body)
          : await knowledgeWorkbook(body)
    const details = { level: 'knowledge', format, release: body.release, by: body.by }
    await audit({ actor: c.get('user').username, action: 'export', target: survey.slug, details })
    return download(c, format, baseName, file)
  }

  // One row per released response, k-anonymised; admins only.
  async function responsesDownload(c: Context<AuthEnv>, survey: PublishedVersion) {
    if (c.get('user').role !== 'admin') {
      throw new ApiError(403, 'forbidden', 'Only admins may export response-level data.')
    }
    const query = readQuery(c, exportLevelQueries.responses)
    const { format, lang } = query
    const version = await describedVersion(db, survey, query.version)
    const chosen = await chosenRelease(db, survey, query.release)
    if (!chosen) {
      const message = 'Only released responses are exported; this survey has no releases yet.'
      throw new ApiError(404, 'release_not_found', message)
    }
    // One file per survey, of the final release: files of two releases could be subtracted.
    const releases = await listReleases(db, survey.surveyId)
    if (chosen.kind !== 'final' || chosen.number !== releases.at(-1)?.number) {
      throw new ApiError(
        409,
        'response_file_unavailable',
        'Response-level data is exported for the final release only.',
        [
          {
            message:
              'Close the survey to make its final release; interim releases have aggregates only.',
          },
        ],
      )
    }
    const publications = releases.map((release) => JSON.parse(release.publication) as Publication)
    const k = Math.max(minGroupSize, ...publications.map((p) => p.minGroupSize))
    const codebook = codebookOf(version.id, version.definition)
    const scope = { surveyId: survey.surveyId, releaseNo: chosen.number }
    const exported = await readResponseExport(db, scope, codebook, {
      minGroupSize: k,
      publications,
    })
    if ('refused' in exported) {
      throw new ApiError(
        409,
        'response_file_unavailable',
        'The response-level file would single out a group smaller than the minimum size.',
        exported.refused.map((message) => ({ message })),
      )
    }
    const details = { level: 'responses', format, release: chosen.number, lang }
    await audit({ actor: c.get('user').username, action: 'export', target: survey.slug, details })
    const baseName = `${survey.slug}-release-${chosen.number}-responses`
    const heading = `${survey.slug}, release ${chosen.number}, response level`
    const bundle = { baseName, heading, exported, codebook, lang }
    if (format === 'csv') {
      return download(c, 'csv', baseName, textStream(responseCsvChunks(exported)))
    }
    if (format === 'zip') return download(c, 'zip', baseName, responseZip(bundle))
    const scripts = labelScripts(bundle)
    return download(c, format, baseName, format === 'r' ? scripts.r : scripts.sps)
  }

  return new Hono<AuthEnv>()
    .get('/:slug/codebook', paramsOf(getCodebook.params), async (c) => {
      const survey = await surveyOr404(db, c.req.valid('param').slug)
      const query = readQuery(c, getCodebook.query)
      const { format } = query
      const version = await describedVersion(db, survey, query.version)
      const codebook = codebookOf(version.id, version.definition)
      const baseName = `${survey.slug}-v${version.version}-codebook`
      if (format === 'json') {
        const figures = KNOWLEDGE_FIGURES
        const body = { survey: survey.slug, version: version.version, ...codebook, figures }
        return download(c, 'json', baseName, JSON.stringify(body, null, 2))
      }
      if (format === 'csv') {
        const { header, rows } = codebookTable(codebook)
        return download(c, 'csv', baseName, toCsv(header, rows))
      }
      const heading = `${survey.slug}, version ${version.version}`
      const figures = KNOWLEDGE_FIGURES.map((f) => `- **${f.figure}**: ${f.definition}`)
      const markdown = `${codebookMarkdown(codebook, heading)}\n## Knowledge figures\n\n${figures.join('\n')}\n`
      return download(c, 'md', baseName, markdown)
    })
    .get('/:slug/export', paramsOf(exportResults.params), async (c) => {
      const survey = await surveyOr404(db, c.req.valid('param').slug)
      const { level } = readQuery(c, exportLevelQuery)
      if (level === 'knowledge') return knowledgeDownload(c, survey)
      return level === 'responses' ? responsesDownload(c, survey) : aggregatesDownload(c, survey)
    })
}
