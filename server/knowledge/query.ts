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
import { knowledgeDefinition, type KnowledgeDefinition } from './definition.js'
import type { KnowledgeRelease } from './types.js'
import { knowledgeBody, publishedKnowledgeFigures } from './view.js'
import { liveCounts } from '../results/releases.js'
import type { AggregatesQuery } from '../results/contract.js'
import type { Knowledge } from './contract.js'

/** Definitions are immutable per version; reading one costs a survey-core model. */
const definitions = new Map<number, KnowledgeDefinition>()
function definitionOf(survey: PublishedVersion) {
  let known = definitions.get(survey.versionId)
  if (!known) {
    if (definitions.size > 64) definitions.clear()
    known = knowledgeDefinition(JSON.parse(survey.definition))
    definitions.set(survey.versionId, known)
  }
  return known
}

/** The knowledge figures of every table of release N (the latest version names the items). */
export async function readKnowledgeRelease(
  db: Kysely<Database>,
  survey: PublishedVersion,
  releaseNo: number,
  publication: Publication,
): Promise<KnowledgeRelease> {
  const { items, rating } = definitionOf(survey)
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
    readBaseline(db, survey.surveyId),
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

/** GET .../knowledge: `by` and `release` as for the aggregates; before a release, n only. */
export async function queryKnowledge(
  db: Kysely<Database>,
  survey: PublishedVersion,
  query: Pick<AggregatesQuery, 'by' | 'release'>,
  minGroupSize: number,
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
  const release = await readKnowledgeRelease(db, survey, chosen.number, publication)
  const baseline = await readBaseline(db, survey.surveyId)
  return knowledgeBody(release, {
    survey: survey.slug,
    release: chosen.number,
    by,
    baselineLabel: baseline?.label,
  })
}
