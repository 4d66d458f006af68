/**
 * What is derived from one questionnaire version, built once: versions never change, and building
 * (parsing the JSON, loading a survey-core model) costs milliseconds to tens of milliseconds.
 * Bounded, oldest out first, so versions no longer asked for fall out.
 */
export function perVersion<T>(
  build: (definition: Record<string, unknown>, versionId: number) => T,
  maxEntries = 64,
) {
  const cache = new Map<number, T>()
  const get = (versionId: number, definitionJson: string): T => {
    const hit = cache.get(versionId)
    if (hit !== undefined) return hit
    const built = build(JSON.parse(definitionJson) as Record<string, unknown>, versionId)
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as number)
    cache.set(versionId, built)
    return built
  }
  /** What is built for a version already, without its definition: undefined if not (yet). */
  const cached = (versionId: number): T | undefined => cache.get(versionId)
  return Object.assign(get, { cached })
}
