import { readDimensions, type Dimension } from '../domain/dimensions.js'
import type { QuestionKind } from '../domain/aggregate-view.js'
import { questionKinds } from '../domain/question-kinds.js'

export interface DefinitionFacts {
  dimensions: Dimension[]
  kinds: ReadonlyMap<string, QuestionKind>
}

/**
 * What results need from a definition, read once per version: loading a survey-core model costs
 * tens of milliseconds, and versions never change. Bounded so old versions fall out.
 */
export function createDefinitionFacts(maxEntries = 64) {
  const cache = new Map<number, DefinitionFacts>()
  return (versionId: number, definitionJson: string): DefinitionFacts => {
    const hit = cache.get(versionId)
    if (hit) return hit
    const definition = JSON.parse(definitionJson) as Record<string, unknown>
    const facts = { dimensions: readDimensions(definition).dimensions, kinds: questionKinds(definition) }
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as number)
    cache.set(versionId, facts)
    return facts
  }
}
