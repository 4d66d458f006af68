import type { Kysely } from 'kysely'
import { aggregateReader, type AggregateScope, type GroupRow } from '../../db/queries/aggregates.js'
import type { LevelGrouping } from '../../db/queries/level-grouping.js'
import { createRelease, listReleases, ReleaseRefused } from '../../db/queries/releases.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database, ReleaseKind } from '../../db/schema.js'
import {
  buildGroups,
  domainOf,
  type GroupStats,
  type GroupView,
  type QuestionKind,
} from '../domain/aggregate-view.js'
import { readDimensions } from '../domain/dimensions.js'
import type { Level } from '../domain/dimension-levels.js'
import {
  checkRelease,
  planSuppression,
  selectTable,
  type CountRow,
  type Dimension,
  type Publication,
} from '../domain/suppression/index.js'
import { planRelease } from '../domain/suppression/plan-release.js'
import { createSolver } from '../domain/suppression/solver.js'
import { cellsWithStatistics } from '../domain/suppression/statistics.js'
import { floorToGroup } from '../domain/suppression/live-counts.js'
import type { Figure } from '../domain/suppression/figures.js'
import { createDefinitionFacts, type DefinitionFacts } from './definition-facts.js'
import type { Aggregates, Group } from './contract.js'

const valuesOf = (row: GroupRow, count: number) =>
  Array.from({ length: count }, (_, i) => row[`g${i}`])

/**
 * Respondents per full combination of the dimensions in releases 1..N. Every respondent must
 * fall in a listed cell (decision 007): one left out of the groups would still be in the total's
 * statistics, and the total minus the groups would be them. A value no version lists refuses.
 */
export async function countsFor(
  db: Kysely<Database>,
  scope: AggregateScope,
  dimensions: readonly Dimension[],
): Promise<CountRow[]> {
  const names = dimensions.map((d) => d.name)
  const reader = await aggregateReader(db, scope)
  const rows = await reader.countGroups(names)
  const outside = rows.filter((row) =>
    valuesOf(row, names.length).some((value, i) => !dimensions[i].values.includes(value)),
  )
  if (outside.length > 0) {
    const n = outside.reduce((sum, row) => sum + row.n, 0)
    throw new ReleaseRefused([
      `${n} responses have a ${names.join('/')} value that no version of the questionnaire lists.`,
    ])
  }
  return rows.map((row) => ({
    key: Object.fromEntries(names.map((name, i) => [name, valuesOf(row, names.length)[i]])),
    n: row.n,
  }))
}

/** Counts the groups of a scope and plans their suppression against the earlier releases. */
export async function publicationFor(
  db: Kysely<Database>,
  scope: AggregateScope,
  dimensions: Dimension[],
  minGroupSize: number,
  previous: Publication[],
): Promise<Publication> {
  const counts = await countsFor(db, scope, dimensions.map(domainOf))
  return planSuppression({ minGroupSize, dimensions: dimensions.map(domainOf), counts }, previous)
}

/**
 * What every version with responses in releases 1..N has in common: each dimension's values
 * (the union: a value dropped by a later version still has its respondents), and the questions
 * asked of all of them (a question only some versions ask would single out who answered them).
 */
export async function releaseDomain(
  db: Kysely<Database>,
  survey: PublishedVersion,
  releaseNo: number,
) {
  const versions = await db
    .selectFrom('survey_versions')
    .select(['id', 'definition'])
    .where('survey_id', '=', survey.surveyId)
    .orderBy('version')
    .execute()
  // Read afresh: version ids are only unique within one database.
  const factsOf = createDefinitionFacts()
  const answered: DefinitionFacts[] = []
  for (const version of versions) {
    const any = await db
      .selectFrom('responses')
      .select('id')
      .where('survey_version_id', '=', version.id)
      .where('release_no', '<=', releaseNo)
      .limit(1)
      .executeTakeFirst()
    if (any || version.id === survey.versionId)
      answered.push(factsOf(version.id, version.definition))
  }
  const current = factsOf(survey.versionId, survey.definition)
  const dimensions = current.dimensions.map((dimension) => {
    const values = new Set<string>()
    let required = true
    for (const facts of answered) {
      const same = facts.dimensions.find((d) => d.name === dimension.name)
      for (const value of same?.values ?? []) values.add(value)
      required &&= same?.required ?? false
    }
    return { name: dimension.name, values: [...values], required }
  })
  const questions = [...current.kinds.keys()].filter((q) => answered.every((f) => f.kinds.has(q)))
  return { dimensions, questions, levels: releaseLevels(current, answered, dimensions) }
}

/**
 * The current version's levels as suppression dimensions over the release's values: a value
 * only an earlier version had keeps the group that version gave it; an unanswered optional
 * dimension is unanswered at its levels too ('').
 */
function releaseLevels(
  current: DefinitionFacts,
  answered: readonly DefinitionFacts[],
  dimensions: readonly { name: string; values: string[]; required: boolean }[],
): Dimension[] {
  return current.levels.map((level) => {
    const root = dimensions.find((d) => d.name === level.of)!
    const groups: Record<string, string[]> = {}
    for (const group of level.groups) groups[group.value] = [...group.members]
    const placed = new Set(level.groups.flatMap((g) => g.members))
    for (const value of root.values.filter((v) => !placed.has(v))) {
      const earlier = answered
        .flatMap((facts) => facts.levels.filter((l) => l.name === level.name))
        .flatMap((l) => l.groups)
        .find((g) => g.members.includes(value))
      if (!earlier) {
        throw new ReleaseRefused([
          `Level ${level.name} has no group for "${value}", a value an earlier version of ` +
            `${level.of} had; add it to one of the level's groups.`,
        ])
      }
      ;(groups[earlier.value] ??= []).push(value)
    }
    const values = Object.keys(groups)
    if (!root.required) groups[''] = ['']
    return {
      name: level.name,
      values: root.required ? values : [...values, ''],
      level: { of: level.of, groups },
    }
  })
}

/**
 * Freezes every response received so far into release N, planned with suppression against the
 * earlier releases and audited with HiGHS (decision 007). Refused (nothing changes) when the
 * attacker finds a small group.
 */
export async function makeRelease(
  db: Kysely<Database>,
  survey: PublishedVersion,
  options: { kind: ReleaseKind; minGroupSize: number; today: string; extra?: ExtraFigures },
) {
  const { dimensions } = readDimensions(JSON.parse(survey.definition))
  const highs = await createSolver()
  return createRelease(
    db,
    { surveyId: survey.surveyId, kind: options.kind, createdOn: options.today },
    async (trx, releaseNo) => {
      // Read under the release lock: a release another instance made meanwhile is among them.
      const previous = (await listReleases(trx, survey.surveyId)).map(
        (release) => JSON.parse(release.publication) as Publication,
      )
      // Releases are checked against each other table by table; versions saved before dimension
      // changes were refused can leave the latest with others, which no earlier release can match.
      // Levels may come and go (an earlier release without one simply did not publish it).
      const names = (list: readonly Dimension[]) =>
        JSON.stringify(list.filter((d) => !d.level).map((d) => d.name))
      const earlier = previous.at(-1)
      if (earlier && names(earlier.dimensions) !== names(dimensions)) {
        const reason = 'The dimensions changed after the last release; none can follow.'
        throw new ReleaseRefused([reason])
      }
      const domain = await releaseDomain(trx, survey, releaseNo)
      const domains = domain.dimensions.map(domainOf)
      const cumulative: CountRow[][] = []
      for (let r = 1; r <= releaseNo; r++) {
        cumulative.push(await countsFor(trx, { surveyId: survey.surveyId, releaseNo: r }, domains))
      }
      const extra = (await options.extra?.(trx, releaseNo)) ?? []
      const withLevels = [...domains, ...domain.levels]
      const input = { minGroupSize: options.minGroupSize, dimensions: withLevels, cumulative, extra }
      const planned = planRelease(highs, input, previous)
      if (!planned.ok) throw new ReleaseRefused(planned.reasons)
      const check = checkRelease(previous, planned.publication)
      if (!check.ok) throw new ReleaseRefused(check.reasons.map(withoutCount))
      const next: Publication = { ...planned.publication, questions: domain.questions }
      return JSON.stringify(next)
    },
  )
}

/**
 * A refusal is read by admins: it names where a group would be worked out, never its bounds
 * (the attacker's reasons say "count is exactly 2", which would be the disclosure itself).
 */
const withoutCount = (reason: string) =>
  reason.replace(/: (count is|the cells not shown hold) .*$/, ': a group below the minimum')

/**
 * Figures another feature publishes with release N beyond its tables' groups (issue 18: counts
 * or sums over groups the tables do not have), so the audit covers them; see decision 007.
 */
export type ExtraFigures = (
  db: Kysely<Database>,
  releaseNo: number,
) => Promise<readonly Figure[]> | readonly Figure[]

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
): Promise<Aggregates> {
  const { by, releaseNo, publication } = request
  // A level's groups are the release's own (an earlier version's value keeps its group).
  const scope = { surveyId: survey.surveyId, releaseNo, levels: levelGroupings(publication) }
  // Dimensions are never counted inside groups: that would bypass the suppressed cross-tables.
  const grouping = new Set(publication.dimensions.map((d) => d.name))
  // Only questions every respondent of the release was asked (decision 007).
  const asked = publication.questions && new Set(publication.questions)
  const kinds = new Map(
    [...request.kinds].filter(([name]) => !grouping.has(name) && (!asked || asked.has(name))),
  )
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
  const publications = (await listReleases(db, survey.surveyId))
    .filter((release) => release.number <= releaseNo)
    .map((release) => JSON.parse(release.publication) as Publication)
  const statistics = (groupBy: string[]) => cellsWithStatistics(publications, releaseNo, groupBy)
  const table = (groupBy: string[]) => selectTable(publication, groupBy)
  const [total] = buildGroups(table([]), [], await stats([]), kinds, statistics([])).map(asGroup)
  const groups = buildGroups(table(by), by, await stats(by), kinds, statistics(by)).map(asGroup)
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

/** The levels a release publishes, as the aggregate readers group by them. */
export const levelGroupings = (publication: Publication): LevelGrouping[] =>
  publication.dimensions.flatMap((d) => (d.level ? [{ name: d.name, ...d.level }] : []))

/** A built group as the contract names it: a shown one always has its n and statistics. */
function asGroup(group: GroupView): Group {
  if (group.suppressed) return { key: group.key, suppressed: true }
  const { key, n, knowledgeScore, questions } = group
  if (n === undefined || knowledgeScore === undefined || questions === undefined) {
    throw new TypeError('aggregates: a shown group without its figures')
  }
  return { key, suppressed: false, n, knowledgeScore, questions }
}

/**
 * While no release exists: the number of responses only. Grouped live counts are not shown even
 * suppressed: two looks at moving counts could be subtracted (an unchecked release each time).
 * Every group is listed as suppressed, so the shape matches a release's.
 */
export async function liveCounts(
  db: Kysely<Database>,
  survey: PublishedVersion,
  options: {
    by: string[]
    dimensions: (Dimension & { required?: boolean })[]
    levels?: readonly Level[]
    minGroupSize: number
  },
): Promise<Aggregates & { release: null }> {
  const reader = await aggregateReader(db, { surveyId: survey.surveyId })
  const [row] = await reader.countGroups([])
  const n = row?.n ?? 0
  const domains = options.by.map((name) => {
    const level = options.levels?.find((l) => l.name === name)
    if (!level) return domainOf(options.dimensions.find((d) => d.name === name)!)
    // A level's groups, and '' when its dimension is optional, as a release would list them.
    const root = options.dimensions.find((d) => d.name === level.of)!
    return domainOf({ name, values: level.groups.map((g) => g.value), required: root.required })
  })
  const keys = domains.reduce<Record<string, string>[]>(
    (acc, dimension) =>
      acc.flatMap((key) => dimension.values.map((value) => ({ ...key, [dimension.name]: value }))),
    [{}],
  )
  return {
    survey: survey.slug,
    release: null,
    minGroupSize: options.minGroupSize,
    by: options.by,
    // Rounded down to a multiple of k, as every live count (decision 007).
    total:
      n >= options.minGroupSize
        ? { n: floorToGroup(n, options.minGroupSize) }
        : { suppressed: true },
    groups: keys.map((key) => ({ key, suppressed: true as const })),
  }
}
