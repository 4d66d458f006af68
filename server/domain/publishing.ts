import type { SurveyStatus } from '../../db/schema.js'
import { isPlainObject } from './answers/json.js'
import { definitionSizeProblems } from './definition-limits.js'
import { markupProblems } from './definition-markup.js'
import { regexProblems } from './definition-regexes.js'
import { readDimensions, type Dimension } from './dimensions.js'
import { inspectDefinition } from './survey-definition.js'

export type DefinitionCheck =
  | { ok: true; title: string; dimensions: Dimension[] }
  | { ok: false; errors: string[] }

/** What an admin must fix before a definition can be stored: loads cleanly, has questions, sane dimensions. */
export function checkDefinition(definition: unknown): DefinitionCheck {
  const tooBig = isPlainObject(definition) ? definitionSizeProblems(definition) : []
  if (tooBig.length > 0) return { ok: false, errors: tooBig }
  const report = inspectDefinition(definition)
  if (report.errors.length > 0) return { ok: false, errors: report.errors }
  const markup = markupProblems(definition)
  if (markup.length > 0) return { ok: false, errors: markup }
  const regexes = regexProblems(definition)
  if (regexes.length > 0) return { ok: false, errors: regexes }
  const dimensions = readDimensions(definition as Record<string, unknown>)
  if (dimensions.errors.length > 0) return { ok: false, errors: dimensions.errors }
  return { ok: true, title: report.title, dimensions: dimensions.dimensions }
}

export type StatusAction = 'publish' | 'close'

const TRANSITIONS: Record<StatusAction, { from: SurveyStatus; to: SurveyStatus }> = {
  publish: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
}

/** The status after an action, or null when the action is not allowed from `current`. */
export function nextStatus(current: SurveyStatus, action: StatusAction): SurveyStatus | null {
  const transition = TRANSITIONS[action]
  return transition.from === current ? transition.to : null
}
