import type { Kysely } from 'kysely'
import { listReleases } from '../../db/queries/releases.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import type { Codebook, Texts } from '../domain/codebook.js'
import type { Codebooks } from '../exports/codebooks.js'
import { queryKnowledge } from '../knowledge/query.js'
import { ApiError } from '../platform/errors.js'
import { queryAggregates } from '../results/aggregates-query.js'
import type { Questions } from '../results/contract.js'
import type { DefinitionFacts } from '../results/definition-facts.js'
import type { Publication } from '../domain/suppression/index.js'
import { reportOptionsSchema, type ReportOptions } from './contract.js'
import { createKnowledgeCaches, createLru, type KnowledgeCaches, type Lru } from '../knowledge/release-cache.js'

// What a report shows, taken ONLY from the functions that answer GET .../aggregates and
// GET .../knowledge for the release: no counting of its own, so a report never shows more than
// those endpoints (the same disclosure control). Free text is never in them.

export type FactsOf = (versionId: number, definition: string) => DefinitionFacts

export interface ChartFigures {
  question: string
  /** Value -> respondents, as the aggregates' `counts` (choices) or `distribution` (numbers). */
  counts: Record<string, number>
  /** Several answers per respondent: shares are of all respondents, not of the answers. */
  multiple: boolean
  mean?: number
  median?: number
}

export interface ReportContent {
  slug: string
  release: { number: number; kind: 'interim' | 'final'; createdOn: string }
  minGroupSize: number
  n: number
  codebook: Codebook
  options: ReportOptions
  /** The questions the release has figures for: what `questions` may name. */
  chartable: string[]
  table: ReportTable
  /**
   * Each of the table's dimensions that the release also groups into a level (region into
   * region.area): the same table by the level, e.g. sector × area where sector × region hides
   * most cells. In the table's dimension order.
   */
  levelTables: ReportTable[]
  charts: ChartFigures[]
  knowledge: {
    n: number
    score: { mean: number; max: number } | null
    items: { name: string; n: number; correct: number; share: number | null }[]
  } | null
}

export type TableGroup = { key: Record<string, string>; suppressed: boolean; n?: number }

export interface ReportTable {
  by: string[]
  groups: TableGroup[]
  /** With two dimensions: each one's own table (the margins), as the aggregates answer it. */
  margins: Record<string, TableGroup[]>
}

/** The questions a report may chart: those the release's total has figures for. */
export const chartable = (questions: Questions) => Object.keys(questions)

export interface ContentDeps {
  factsOf: FactsOf
  codebookOf: Codebooks
  minGroupSize: number
  knowledge?: KnowledgeCaches
}

/** Per app (server/app.ts): report contents, and the knowledge figures shared with GET /knowledge. */
export interface ReportCaches {
  knowledge: KnowledgeCaches
  contents: Lru<ReportContent>
}

export const createReportCaches = (knowledge = createKnowledgeCaches(), maxContents = 32) => ({
  knowledge,
  contents: createLru<ReportContent>(maxContents),
})

/**
 * A report's content, built once per survey, release, latest version and stored options (JSON):
 * everything it shows comes from the immutable release, so only a republish (new options) or a
 * new version (new labels) changes it. Whether the report is published is the caller's check,
 * on every request.
 */
export function cachedReportContent(
  db: Kysely<Database>,
  deps: ContentDeps & { caches: ReportCaches },
  survey: PublishedVersion,
  releaseNo: number,
  options: string,
): Promise<ReportContent> {
  const key = JSON.stringify([survey.surveyId, releaseNo, survey.versionId, options])
  return deps.caches.contents.get(key, () => {
    const parsed = reportOptionsSchema.parse(JSON.parse(options))
    const knowledge = deps.caches.knowledge
    return reportContent(db, { ...deps, knowledge }, survey, releaseNo, parsed)
  })
}

export async function reportContent(
  db: Kysely<Database>,
  deps: ContentDeps,
  survey: PublishedVersion,
  releaseNo: number,
  options: ReportOptions,
): Promise<ReportContent> {
  const release = String(releaseNo)
  const by = options.by?.join(',')
  const aggregatesBy = (by: string | undefined) =>
    queryAggregates(db, deps.factsOf, survey, { release, by }, deps.minGroupSize)
  const aggregates = await aggregatesBy(by)
  const stored = (await listReleases(db, survey.surveyId)).find((r) => r.number === releaseNo)
  if (!stored || aggregates.release !== releaseNo) {
    throw new ApiError(404, 'release_not_found', `No release "${releaseNo}".`)
  }
  const tableOf = async (answer: { by: string[]; groups: unknown[] }): Promise<ReportTable> => ({
    by: answer.by,
    groups: tableGroups(answer.groups),
    margins: Object.fromEntries(
      await Promise.all(
        (answer.by.length > 1 ? answer.by : []).map(async (dim) => {
          return [dim, tableGroups((await aggregatesBy(dim)).groups)] as const
        }),
      ),
    ),
  })
  const total = aggregates.total as { n: number; questions?: Questions }
  const questions = total.questions ?? {}
  const codebook = deps.codebookOf(survey.versionId, survey.definition)
  const entry = (name: string) => codebook.entries.find((e) => e.name === name && !e.parent)
  // Knowledge items have their own section; the table's dimensions are the table.
  // In the questionnaire's order.
  const defaults = codebook.entries
    .map((e) => e.name)
    .filter((name) => questions[name])
    .filter((name) => questions[name].shareCorrect === undefined && !entry(name)?.isDimension)
  const charts = (options.questions ?? defaults)
    .filter((name) => questions[name])
    .map((name) => {
      const figures = questions[name]
      return {
        question: name,
        counts: figures.counts ?? figures.distribution ?? {},
        multiple: entry(name)?.multiple ?? false,
        ...(figures.mean !== undefined && { mean: figures.mean }),
        ...(figures.median != null && { median: figures.median }),
      }
    })
  return {
    slug: survey.slug,
    release: { number: releaseNo, kind: stored.kind, createdOn: stored.createdOn },
    minGroupSize: deps.minGroupSize,
    n: total.n,
    codebook,
    options,
    chartable: chartable(questions),
    table: await tableOf(aggregates),
    levelTables: await Promise.all(
      levelBys(aggregates.by, JSON.parse(stored.publication) as Publication).map(async (by) =>
        tableOf(await aggregatesBy(by.join(','))),
      ),
    ),
    charts,
    knowledge: await knowledgeFigures(db, survey, release, deps),
  }
}

/** `by` with each dimension that has levels in the release replaced by each of its levels. */
const levelBys = (by: readonly string[], publication: Publication) =>
  by.flatMap((dim, i) =>
    publication.dimensions
      .filter((d) => d.level?.of === dim)
      .map((level) => by.map((other, j) => (j === i ? level.name : other))),
  )

/** Only the key, whether hidden and n: nothing else of a group reaches the table. */
const tableGroups = (groups: unknown[]): TableGroup[] =>
  (groups as TableGroup[]).map(({ key, suppressed, n }) =>
    suppressed ? { key, suppressed } : { key, suppressed, n },
  )

async function knowledgeFigures(
  db: Kysely<Database>,
  survey: PublishedVersion,
  release: string,
  deps: ContentDeps,
): Promise<ReportContent['knowledge']> {
  const body = await queryKnowledge(db, survey, { release }, deps.minGroupSize, deps.knowledge)
  const total = body.total as {
    suppressed?: boolean
    n?: number
    score?: { mean: number; max: number } | null
    items?: { name: string; n: number; correct: number; share: number | null }[]
  }
  if (total.suppressed || !total.items || total.items.length === 0) return null
  return {
    n: total.n ?? 0,
    score: total.score ? { mean: total.score.mean, max: total.score.max } : null,
    items: total.items.map(({ name, n, correct, share }) => ({ name, n, correct, share })),
  }
}

/** The questionnaire's text in `locale` (its own fallback when it has none). */
export const inLocale = (texts: Texts | undefined, locale: string) =>
  texts?.[locale] || texts?.en || Object.values(texts ?? {})[0] || ''
