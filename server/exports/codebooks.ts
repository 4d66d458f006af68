import { buildCodebook, type Codebook } from '../domain/codebook.js'

/** Codebooks per version id, built once: versions never change and a build loads survey-core. */
export function createCodebooks(maxEntries = 32) {
  const cache = new Map<number, Codebook>()
  return (versionId: number, definitionJson: string): Codebook => {
    const hit = cache.get(versionId)
    if (hit) return hit
    const codebook = buildCodebook(JSON.parse(definitionJson) as Record<string, unknown>)
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as number)
    cache.set(versionId, codebook)
    return codebook
  }
}

export type Codebooks = ReturnType<typeof createCodebooks>
