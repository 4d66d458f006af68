import { readDimensions, type Dimension } from '../domain/dimensions.js'
import type { QuestionKind } from '../domain/aggregate-view.js'
import { questionKinds } from '../domain/question-kinds.js'
import { perVersion } from '../platform/version-cache.js'

export interface DefinitionFacts {
  dimensions: Dimension[]
  kinds: ReadonlyMap<string, QuestionKind>
}

/** What results need from a definition, read once per version. */
export const createDefinitionFacts = () =>
  perVersion<DefinitionFacts>((definition) => ({
    dimensions: readDimensions(definition).dimensions,
    kinds: questionKinds(definition),
  }))
