import { Model } from 'survey-core'
import { SOURCES } from './model/translations'

// Our own survey-level properties: the server reads `dimensions` and `levels` (groups of a
// dimension's values); `translatedFrom` is the editor's record of translation sources. None is
// reported as unknown.
const OURS = new Set(['dimensions', 'levels', SOURCES])

/** "score (choiceitem)": properties survey-core does not know, which it ignores. */
export function unknownProperties(definition: Record<string, unknown>): string[] {
  const model = new Model(definition)
  const found = (model.jsonErrors ?? [])
    .filter((error) => error.type === 'unknownproperty')
    .map((error) => error as unknown as Record<string, string>)
    .filter((error) => !(error.className === 'survey' && OURS.has(error.propertyName)))
    .map((error) => `${error.propertyName} (${error.className})`)
  model.dispose()
  return [...new Set(found)]
}
