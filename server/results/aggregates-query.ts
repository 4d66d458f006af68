import type { Kysely } from 'kysely'
import { listReleases } from '../../db/queries/releases.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import type { DefinitionFacts } from './definition-facts.js'
import type { Publication } from '../domain/suppression/index.js'
import { ApiError } from '../platform/errors.js'
import { liveCounts, readAggregates } from './releases.js'
import type { Aggregates, AggregatesQuery } from './contract.js'

const DEFAULT_BY = ['sector', 'region']

/**
 * `by` as one or two of the `available` names. `rootOf` maps a level (`region.area`) to the
 * dimension it groups: a level is never crossed with its own dimension (nor with another level
 * of it), as no release has that table (it would be the dimension's one-way table again).
 */
export function parseBy(
  raw: string | undefined,
  available: string[],
  rootOf: ReadonlyMap<string, string> = new Map(),
): string[] {
  const by = raw === undefined ? DEFAULT_BY.filter((d) => available.includes(d)) : raw.split(',')
  const rootOfName = (name: string) => rootOf.get(name) ?? name
  // Default: the first two that can be crossed (a dimension's level follows it in the list).
  const crossable = available.filter(
    (name, i) => !available.slice(0, i).some((e) => rootOfName(e) === rootOfName(name)),
  )
  const chosen = by.length > 0 ? by : crossable.slice(0, 2)
  const unknown = chosen.filter((name) => !available.includes(name))
  const roots = new Set(chosen.map(rootOfName))
  if (
    chosen.length < 1 ||
    chosen.length > 2 ||
    unknown.length > 0 ||
    roots.size !== chosen.length
  ) {
    throw new ApiError(
      422,
      'invalid_dimension',
      'Group by one or two distinct dimensions of this survey.',
      [
        { field: 'by', message: `Available dimensions: ${available.join(', ') || 'none'}.` },
        ...(roots.size < new Set(chosen).size
          ? [{ field: 'by', message: 'A level is never crossed with its own dimension.' }]
          : []),
      ],
    )
  }
  return chosen
}

export async function versionOr404(db: Kysely<Database>, survey: PublishedVersion, raw: string) {
  // Digits only: 1e23 is an integer to JavaScript but not to PostgreSQL's integer column.
  const row = /^\d{1,9}$/.test(raw)
    ? await db
        .selectFrom('survey_versions')
        .select(['id', 'definition', 'version'])
        .where('survey_id', '=', survey.surveyId)
        .where('version', '=', Number(raw))
        .executeTakeFirst()
    : undefined
  if (!row) throw new ApiError(404, 'version_not_found', `No version "${raw}" of this survey.`)
  return row
}

/** The version that describes the questions: `version`, else the latest. */
export async function describedVersion(
  db: Kysely<Database>,
  survey: PublishedVersion,
  raw?: string,
) {
  return raw === undefined
    ? { id: survey.versionId, definition: survey.definition, version: survey.version }
    : versionOr404(db, survey, raw)
}

/** The chosen release (default the latest), or 404; undefined when there is none yet. */
export async function chosenRelease(db: Kysely<Database>, survey: PublishedVersion, raw?: string) {
  const releases = await listReleases(db, survey.surveyId)
  if (releases.length === 0) {
    if (raw !== undefined)
      throw new ApiError(404, 'release_not_found', 'This survey has no releases yet.')
    return undefined
  }
  const chosen =
    raw === undefined
      ? releases[releases.length - 1]
      : releases.find((r) => String(r.number) === raw)
  if (!chosen) throw new ApiError(404, 'release_not_found', `No release "${raw}".`)
  return chosen
}

/**
 * What `by` may name: a release's own dimensions and levels (versions saved before dimension
 * changes were refused may have others), else the current definition's; with each level's
 * dimension.
 */
export function groupingNames(publication: Publication | undefined, facts: DefinitionFacts) {
  const list = publication
    ? publication.dimensions.map((d) => ({ name: d.name, of: d.level?.of }))
    : [...facts.dimensions, ...facts.levels].map((d) => ({
        name: d.name,
        of: 'of' in d ? d.of : undefined,
      }))
  const rootOf = new Map(list.flatMap((d) => (d.of ? [[d.name, d.of] as const] : [])))
  return { available: list.map((d) => d.name), rootOf }
}

/** The names `by` may take for a release (default the latest), or before any release. */
export async function availableDimensions(
  db: Kysely<Database>,
  factsOf: (versionId: number, definition: string) => DefinitionFacts,
  survey: PublishedVersion,
  release?: string,
): Promise<string[]> {
  const chosen = await chosenRelease(db, survey, release)
  const publication = chosen && (JSON.parse(chosen.publication) as Publication)
  return groupingNames(publication, factsOf(survey.versionId, survey.definition)).available
}

/**
 * Exactly what GET /aggregates answers for these parameters: a release's suppressed groups, or
 * live respondent counts before the first release. Exports are built from this, never more.
 */
export async function queryAggregates(
  db: Kysely<Database>,
  factsOf: (versionId: number, definition: string) => DefinitionFacts,
  survey: PublishedVersion,
  query: AggregatesQuery,
  minGroupSize: number,
): Promise<Aggregates> {
  const described = await describedVersion(db, survey, query.version)
  const { kinds } = factsOf(described.id, described.definition)
  const current = factsOf(survey.versionId, survey.definition)
  const { dimensions, levels } = current
  const chosen = await chosenRelease(db, survey, query.release)
  const publication = chosen && (JSON.parse(chosen.publication) as Publication)
  const { available, rootOf } = groupingNames(publication, current)
  const by = parseBy(query.by, available, rootOf)
  if (!chosen || !publication) {
    return liveCounts(db, survey, { by, dimensions, levels, minGroupSize })
  }
  return readAggregates(db, survey, { by, releaseNo: chosen.number, publication, kinds })
}
