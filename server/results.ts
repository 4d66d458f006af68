import type { Kysely } from 'kysely'
import { aggregateReader, type AggregateScope, type GroupRow } from '../db/queries/aggregates.js'
import { createRelease, listReleases, ReleaseRefused } from '../db/queries/releases.js'
import type { PublishedVersion } from '../db/queries/surveys.js'
import type { Database, ReleaseKind } from '../db/schema.js'
import { buildGroups, domainOf, type GroupStats, type QuestionKind } from './domain/aggregate-view.js'
import { readDimensions } from './domain/dimensions.js'
import {
  checkRelease,
  planSuppression,
  selectTable,
  type Dimension,
  type Publication,
} from './domain/suppression/index.js'

const valuesOf = (row: GroupRow, count: number) =>
  Array.from({ length: count }, (_, i) => row[`g${i}`])

/** Counts the groups of a scope and plans their suppression against the earlier releases. */
export async function publicationFor(
  db: Kysely<Database>,
  scope: AggregateScope,
  dimensions: Dimension[],
  minGroupSize: number,
  previous: Publication[],
): Promise<Publication> {
  const names = dimensions.map((d) => d.name)
  const reader = await aggregateReader(db, scope)
  const rows = (await reader.countGroups(names)).map((row) => ({
    values: valuesOf(row, names.length),
    n: row.n,
  }))
  const domains = dimensions.map(domainOf)
  // A value outside the domain (an older version's choice) is '' when the domain has it, else
  // the respondent is left out of the grouped tables; see docs/decisions/003.
  const counts = rows.flatMap((row) => {
    const values = domains.map((d, i) => (d.values.includes(row.values[i]) ? row.values[i] : ''))
    if (values.some((value, i) => !domains[i].values.includes(value))) return []
    return [{ key: Object.fromEntries(domains.map((d, i) => [d.name, values[i]])), n: row.n }]
  })
  return planSuppression({ minGroupSize, dimensions: domains, counts }, previous)
}

/**
 * Freezes every response received so far into release N, planned with suppression against the
 * earlier releases. Refused (nothing changes) when the attacker check finds a small count.
 */
export async function makeRelease(
  db: Kysely<Database>,
  survey: PublishedVersion,
  options: { kind: ReleaseKind; minGroupSize: number; today: string },
) {
  const { dimensions } = readDimensions(JSON.parse(survey.definition))
  const previous = (await listReleases(db, survey.surveyId)).map(
    (release) => JSON.parse(release.publication) as Publication,
  )
  // Releases are checked against each other table by table; versions saved before dimension
  // changes were refused can leave the latest with others, which no earlier release can match.
  const names = (list: readonly Dimension[]) => JSON.stringify(list.map((d) => d.name))
  const earlier = previous.at(-1)
  if (earlier && names(earlier.dimensions) !== names(dimensions)) {
    throw new ReleaseRefused(['The dimensions changed after the last release; none can follow.'])
  }
  return createRelease(
    db,
    { surveyId: survey.surveyId, kind: options.kind, createdOn: options.today },
    async (trx, releaseNo) => {
      const scope = { surveyId: survey.surveyId, releaseNo }
      const next = await publicationFor(trx, scope, dimensions, options.minGroupSize, previous)
      const check = checkRelease(previous, next)
      if (!check.ok) throw new ReleaseRefused(check.reasons)
      return JSON.stringify(next)
    },
  )
}

export interface AggregatesRequest {
  by: string[]
  releaseNo: number
  publication: Publication
  /** How each question of the described version is summarised. */
  kinds: ReadonlyMap<string, QuestionKind>
}

/** The published groups of one release by one or two dimensions, with statistics from SQL. */
export async function readAggregates(
  db: Kysely<Database>,
  survey: PublishedVersion,
  request: AggregatesRequest,
) {
  const { by, releaseNo, publication } = request
  const scope = { surveyId: survey.surveyId, releaseNo }
  // Dimensions are never counted inside groups: that would bypass the suppressed cross-tables.
  const grouping = new Set(publication.dimensions.map((d) => d.name))
  const kinds = new Map([...request.kinds].filter(([name]) => !grouping.has(name)))
  const reader = await aggregateReader(db, scope)
  const stats = async (groupBy: string[]): Promise<GroupStats> => {
    const [answers, quiz, scores] = await Promise.all([
      reader.countAnswers(groupBy),
      reader.quizShares(groupBy),
      reader.knowledgeScores(groupBy),
    ])
    const groups = (row: GroupRow) => valuesOf(row, groupBy.length)
    return {
      answers: answers.map((row) => ({ ...row, groups: groups(row) })),
      quiz: quiz.map((row) => ({ ...row, groups: groups(row) })),
      scores: scores.map((row) => ({ mean: row.mean, groups: groups(row) })),
    }
  }
  const [total] = buildGroups(selectTable(publication, []), [], await stats([]), kinds)
  const groups = buildGroups(selectTable(publication, by), by, await stats(by), kinds)
  return {
    survey: survey.slug,
    release: releaseNo,
    minGroupSize: publication.minGroupSize,
    by,
    total: total.suppressed
      ? { suppressed: true }
      : { n: total.n, knowledgeScore: total.knowledgeScore, questions: total.questions },
    groups,
  }
}

/**
 * While no release exists: the number of responses only. Grouped live counts are not shown even
 * suppressed: two looks at moving counts could be subtracted (an unchecked release each time).
 * Every group is listed as suppressed, so the shape matches a release's.
 */
export async function liveCounts(
  db: Kysely<Database>,
  survey: PublishedVersion,
  options: { by: string[]; dimensions: Dimension[]; minGroupSize: number },
) {
  const reader = await aggregateReader(db, { surveyId: survey.surveyId })
  const [row] = await reader.countGroups([])
  const n = row?.n ?? 0
  const domains = options.by.map((name) => domainOf(options.dimensions.find((d) => d.name === name)!))
  const keys = domains.reduce<Record<string, string>[]>(
    (acc, dimension) => acc.flatMap((key) => dimension.values.map((value) => ({ ...key, [dimension.name]: value }))),
    [{}],
  )
  return {
    survey: survey.slug,
    release: null,
    minGroupSize: options.minGroupSize,
    by: options.by,
    total: n >= options.minGroupSize ? { n } : { suppressed: true },
    groups: keys.map((key) => ({ key, suppressed: true })),
  }
}
