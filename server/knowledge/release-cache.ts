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

/**
 * Least recently used out first, beyond `maxEntries`, or while the built values together weigh
 * more than `bound.maxWeight` (`bound.weigh` of each; the newest is always kept, however heavy).
 */
export function createLru<V>(
  maxEntries: number,
  bound?: { weigh: (value: V) => number; maxWeight: number },
): Lru<V> {
  const entries = new Map<string, Promise<V>>()
  const weights = new Map<string, number>()
  const total = () => [...weights.values()].reduce((sum, w) => sum + w, 0)
  const evictOldest = () => {
    const oldest = entries.keys().next().value!
    entries.delete(oldest)
    weights.delete(oldest)
  }
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
      built.then(
        (value) => {
          if (!bound || entries.get(key) !== built) return
          weights.set(key, bound.weigh(value))
          while (entries.size > 1 && total() > bound.maxWeight) evictOldest()
        },
        () => {
          if (entries.get(key) === built) entries.delete(key)
        },
      )
      while (entries.size > maxEntries) evictOldest()
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
 * cells; every shown cell's scores (80,000 numbers there) grow with the responses. So few are
 * kept, and beyond `maxScores` kept scores (8 bytes each) only the newest release stays.
 */
export const createKnowledgeCaches = (maxReleases = 4, maxScores = 2_000_000): KnowledgeCaches => ({
  definitionOf: perVersion((definition) => knowledgeDefinition(definition)),
  releases: createLru(maxReleases, { weigh: scoresKept, maxWeight: maxScores }),
})

/** How many respondent scores a release's figures keep (each shown cell's, for comparisons). */
export const scoresKept = (release: KnowledgeRelease) =>
  release.scores.reduce((sum, table) => sum + table.reduce((n, cell) => n + (cell?.length ?? 0), 0), 0)
