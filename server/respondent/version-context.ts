import type { PublishedVersion } from '../../db/queries/surveys.js'
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
export function createVersionCache() {
  const contextOf = perVersion<VersionContext>((definition, versionId) => ({
    versionId,
    definition,
    locales: inspectDefinition(definition).locales,
    dimensions: readDimensions(definition).dimensions.map((dimension) => dimension.name),
  }))
  return {
    // The same object for every submission of a version (compiled validators are cached by it).
    get: (version: PublishedVersion) => contextOf(version.versionId, version.definition),
  }
}
