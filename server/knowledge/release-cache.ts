/**
 * What depends only on a release, kept per app (created in server/app.ts, so two apps or two
 * databases never share one): a release's publication and responses never change once made, and
 * its knowledge figures cost seconds at tens of thousands of responses. Keys name everything else
 * the value depends on (the version naming the items, the baseline). Bounded by count.
 */
import { perVersion } from '../platform/version-cache.js'
import { knowledgeDefinition, type KnowledgeDefinition } from './definition.js'
import type { KnowledgeRelease } from './types.js'

export interface Lru<V> {
  /** The value of `key`, built once: concurrent asks share one build; a failed build is dropped. */
  get(key: string, build: () => Promise<V>): Promise<V>
}

/** Least recently used out first, beyond `maxEntries`. */
export function createLru<V>(maxEntries: number): Lru<V> {
  const entries = new Map<string, Promise<V>>()
  return {
    get(key, build) {
      const hit = entries.get(key)
      if (hit) {
        entries.delete(key) // re-inserted: now the most recently used
        entries.set(key, hit)
        return hit
      }
      const built = build()
      entries.set(key, built)
      built.catch(() => entries.get(key) === built && entries.delete(key))
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
      return built
    },
  }
}

export interface KnowledgeCaches {
  definitionOf: (versionId: number, definition: string) => KnowledgeDefinition
  /** A release's figures (every table) by survey, release, version and baseline. */
  releases: Lru<KnowledgeRelease>
}

/**
 * A release's figures took 6 to 8 MB of heap at 20,000 responses (tests/bench/report-page.ts's
 * data): mostly the published figures listed for the audit (about 18,000), which grow with the
 * cells; every shown cell's scores (80,000 numbers there) grow with the responses. So few are kept.
 */
export const createKnowledgeCaches = (maxReleases = 4): KnowledgeCaches => ({
  definitionOf: perVersion((definition) => knowledgeDefinition(definition)),
  releases: createLru(maxReleases),
})
