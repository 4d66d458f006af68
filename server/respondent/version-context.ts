import type { Kysely } from 'kysely'
import { findVersionDefinition, type VersionHead } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { readDimensions } from '../domain/dimensions.js'
import { inspectDefinition } from '../domain/survey-definition.js'
import { perVersion } from '../platform/version-cache.js'

export interface VersionContext {
  versionId: number
  definition: Record<string, unknown>
  locales: string[]
  /** Names of the version's grouping dimensions: responses are counted by them. */
  dimensions: string[]
}

/** What a submission needs from the version it answers, read once per version. */
export function createVersionCache(db: Kysely<Database>) {
  const contextOf = perVersion<VersionContext>((definition, versionId) => ({
    versionId,
    definition,
    locales: inspectDefinition(definition).locales,
    dimensions: readDimensions(definition).dimensions.map((dimension) => dimension.name),
  }))
  return {
    // The same object for every submission of a version (compiled validators are cached by it).
    // The definition is read from the database only the first time a version is asked for.
    get: async (version: VersionHead): Promise<VersionContext> =>
      contextOf.cached(version.versionId) ??
      contextOf(version.versionId, await findVersionDefinition(db, version.versionId)),
  }
}
