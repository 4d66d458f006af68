import type { Kysely } from 'kysely'
import { readBaseline } from '../../db/queries/baselines.js'
import { knowledgeCounts, knowledgeRespondents } from '../../db/queries/knowledge.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { listReleases } from '../../db/queries/releases.js'
import { chosenRelease, groupingNames, parseBy } from '../results/aggregates-query.js'
import { cellsWithStatistics } from '../domain/suppression/statistics.js'
import { readDimensions } from '../domain/dimensions.js'
import type { Publication } from '../domain/suppression/index.js'
import { computeKnowledge } from './compute.js'
import { createKnowledgeCaches, type KnowledgeCaches } from './release-cache.js'
import type { Baseline, KnowledgeRelease } from './types.js'
import { knowledgeBody, publishedKnowledgeFigures } from './view.js'
import { liveCounts } from '../results/releases.js'
import type { AggregatesQuery } from '../results/contract.js'
import type { Knowledge } from './contract.js'

/** The knowledge figures of every table of release N (the latest version names the items). */
export async function readKnowledgeRelease(
  db: Kysely<Database>,
  survey: PublishedVersion,
  releaseNo: number,
  publication: Publication,
  read: { definitionOf?: KnowledgeCaches['definitionOf']; baseline?: Baseline | null } = {},
): Promise<KnowledgeRelease> {
  const definitionOf = read.definitionOf ?? createKnowledgeCaches().definitionOf
  const { items, rating } = definitionOf(survey.versionId, survey.definition)
  const scope = {
    surveyId: survey.surveyId,
    releaseNo,
    // Levels (region.area) are not questions: compute.ts groups each respondent's real value.
    dims: publication.dimensions.filter((d) => !d.level).map((d) => d.name),
    items,
    rating: rating?.question,
  }
  const [counts, respondents, baseline, releases] = await Promise.all([
    knowledgeCounts(db, scope),
    knowledgeRespondents(db, scope),
    read.baseline !== undefined ? (read.baseline ?? undefined) : readBaseline(db, survey.surveyId),
    listReleases(db, survey.surveyId),
  ])
  // Statistics on exactly the groups the aggregates give statistics (decision 007).
  const publications = releases
    .filter((release) => release.number <= releaseNo)
    .map((release) => JSON.parse(release.publication) as Publication)
  const withStatistics = (by: readonly string[]) => cellsWithStatistics(publications, releaseNo, by)
  const input = { publication, items, rating, respondents, counts, baseline, withStatistics }
  return computeKnowledge(input)
}

/**
 * For the disclosure audit (issue 15): every count and sum the knowledge endpoint can publish
 * for release N, whatever `by` is asked for.
 */
export async function knowledgeFiguresOfRelease(
  db: Kysely<Database>,
  survey: PublishedVersion,
  releaseNo: number,
  publication: Publication,
) {
  return publishedKnowledgeFigures(await readKnowledgeRelease(db, survey, releaseNo, publication))
}

/**
 * GET .../knowledge: `by` and `release` as for the aggregates; before a release, n only. A
 * release's figures are computed once per app (`caches`; without, every call computes them).
 */
export async function queryKnowledge(
  db: Kysely<Database>,
  survey: PublishedVersion,
  query: Pick<AggregatesQuery, 'by' | 'release'>,
  minGroupSize: number,
  caches: KnowledgeCaches = createKnowledgeCaches(),
): Promise<Knowledge> {
  const chosen = await chosenRelease(db, survey, query.release)
  const publication = chosen && (JSON.parse(chosen.publication) as Publication)
  const { dimensions, levels } = readDimensions(JSON.parse(survey.definition))
  // A release's own dimensions and levels, else the definition's; a level never by its dimension.
  const facts = { dimensions, levels, kinds: new Map() }
  const { available, rootOf } = groupingNames(publication, facts)
  const by = parseBy(query.by, available, rootOf)
  if (!chosen || !publication) {
    const live = await liveCounts(db, survey, { by, dimensions, levels, minGroupSize })
    return { ...live, comparison: null }
  }
  // The baseline can be replaced at any time: it is part of the key, read on every call.
  const baseline = (await readBaseline(db, survey.surveyId)) ?? null
  const key = JSON.stringify([survey.surveyId, chosen.number, survey.versionId, baseline])
  const read = { definitionOf: caches.definitionOf, baseline }
  const release = await caches.releases.get(key, () =>
    readKnowledgeRelease(db, survey, chosen.number, publication, read),
  )
  return knowledgeBody(release, {
    survey: survey.slug,
    release: chosen.number,
    by,
    baselineLabel: baseline?.label,
  })
}
