import type { PublishedVersion } from '../../db/queries/surveys.js'
import { readDimensions } from '../domain/dimensions.js'
import { inspectDefinition } from '../domain/survey-definition.js'

export interface VersionContext {
  versionId: number
  definition: Record<string, unknown>
  locales: string[]
  /** Names of the version's grouping dimensions: responses are counted by them. */
  dimensions: string[]
}

/** Versions are immutable, so their parsed definition can be kept; bounded to stay small. */
export function createVersionCache(maxEntries = 64) {
  const cache = new Map<number, VersionContext>()
  return {
    get(version: PublishedVersion): VersionContext {
      const hit = cache.get(version.versionId)
      if (hit) return hit
      const definition = JSON.parse(version.definition) as Record<string, unknown>
      const context = {
        versionId: version.versionId,
        definition,
        locales: inspectDefinition(definition).locales,
        dimensions: readDimensions(definition).dimensions.map((dimension) => dimension.name),
      }
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as number)
      cache.set(version.versionId, context)
      return context
    },
  }
}
