import { readDimensions, type Dimension } from '../domain/dimensions.js'
import type { Level } from '../domain/dimension-levels.js'
import type { QuestionKind } from '../domain/aggregate-view.js'
import { questionKinds } from '../domain/question-kinds.js'
import { perVersion } from '../platform/version-cache.js'

export interface DefinitionFacts {
  dimensions: Dimension[]
  /** Coarser groupings of the dimensions (`region.area`), as the definition declares them. */
  levels: Level[]
  kinds: ReadonlyMap<string, QuestionKind>
}

/** What results need from a definition, read once per version. */
export const createDefinitionFacts = () =>
  perVersion<DefinitionFacts>((definition) => {
    const { dimensions, levels } = readDimensions(definition)
    return { dimensions, levels, kinds: questionKinds(definition) }
  })
