// Compiled fast path for answer validation. `compileValidator(definition)` inspects a definition
// once (one survey-core model, never given data) and returns a function that validates answers
// exactly as the survey-core path in ../validate-answers.ts does, without building a model per
// submission, or null when the definition uses anything outside the subset in ./support.ts. The
// function returns undefined for the rare answers it leaves to survey-core (see ./values.ts).
import type { Question } from 'survey-core'
import { buildCatalog } from '../answers/catalog'
import { createSurvey } from '../answers/logic'
import type { AnswerValidation } from '../validate-answers'
import { buildPlan } from './compile'
import type { Node } from './plan'
import { runCompiled, type Compiled } from './validate'

export type CompiledValidator = (
  answers: unknown,
  maxTextLength: number,
) => AnswerValidation | undefined

/** Why a definition is not compiled ('' when it is): for tests and diagnostics. */
export function compileReport(definition: object): {
  validator: CompiledValidator | null
  reason: string
} {
  let survey
  try {
    survey = createSurvey(definition)
  } catch {
    return { validator: null, reason: 'definition does not load' }
  }
  const { plan, reason } = buildPlan(survey)
  if (!plan) {
    survey.dispose()
    return { validator: null, reason }
  }
  const nodeOf = new Map<Question, Node>()
  for (const q of plan.questions) nodeOf.set(q.model, q.node)
  // The model stays alive: its question objects answer the pass 1/2 checks (read only).
  const compiled: Compiled = { plan, catalog: buildCatalog(survey), nodeOf }
  const validator: CompiledValidator = (answers, maxTextLength) => {
    try {
      return runCompiled(compiled, answers, maxTextLength)
    } catch {
      return undefined // survey-core decides, and reports its own exception if any
    }
  }
  return { validator, reason: '' }
}

export function compileValidator(definition: object): CompiledValidator | null {
  return compileReport(definition).validator
}

// The server hands the same parsed definition object to every submission of a version
// (server/respondent/version-context.ts), so compiling once per object is enough; null is cached too.
const cache = new WeakMap<object, CompiledValidator | null>()

export function compiledValidator(definition: object): CompiledValidator | null {
  if (typeof definition !== 'object' || definition === null) return null
  if (cache.has(definition)) return cache.get(definition) ?? null
  let validator: CompiledValidator | null = null
  try {
    validator = compileValidator(definition)
  } catch {
    validator = null
  }
  cache.set(definition, validator)
  return validator
}
