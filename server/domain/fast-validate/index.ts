// Compiled fast path for answer validation. `compileValidator(definition)` inspects a definition
// once (one survey-core model, never given data) and returns a function that validates answers
// exactly as the survey-core path in ../validate-answers.ts does, without building a model per
// submission, or null when the definition uses anything outside the subset in ./support.ts. The
// function returns undefined for the rare answers it leaves to survey-core (see ./values.ts).
import { buildCatalog, type KeyEntry } from '../answers/catalog'
import { createSurvey } from '../answers/logic'
import { plainQuestion, type PlainQuestion } from '../answers/plain-question'
import type { AnswerValidation } from '../validate-answers'
import type { Question, SurveyModel } from 'survey-core'
import { isChoiceFiltered, listedQuestion, withoutChoiceConditions } from './choice-filter'
import { buildPlan } from './compile'
import type { Compiled, Node, Plan, QuestionPlan } from './plan'
import { runCompiled } from './validate'

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
  const questions = survey.getAllQuestions(false, false, true) as Question[]
  // choices shown by conditions are read from a copy without them (./choice-filter.ts)
  const unfiltered = questions.some(isChoiceFiltered)
    ? createSurvey(withoutChoiceConditions(definition))
    : null
  const { plan, reason } = buildPlan(survey, unfiltered)
  if (!plan) {
    survey.dispose()
    unfiltered?.dispose()
    return { validator: null, reason }
  }
  const compiled = compile(plan, buildCatalog(survey), unfiltered)
  unfiltered?.dispose()
  // Everything a submission needs is read; the model is not used again, unless its validators
  // are (they word their errors through their question).
  const validated = (q: QuestionPlan) =>
    q.validators.length > 0 || (q.items ?? []).some((item) => item.validators.length > 0)
  if (!plan.questions.some(validated)) survey.dispose()
  const validator: CompiledValidator = (answers, maxTextLength) => {
    try {
      return runCompiled(compiled, answers, maxTextLength)
    } catch {
      return undefined // survey-core decides, and reports its own exception if any
    }
  }
  return { validator, reason: '' }
}

/** The catalog with each question's check inputs read once, and the plan node of each. */
function compile(
  plan: Plan,
  catalog: Map<string, KeyEntry>,
  unfiltered: SurveyModel | null,
): Compiled {
  const plain = new Map<string, KeyEntry<PlainQuestion>>()
  const nodeOf = new Map<PlainQuestion, Node>()
  for (const [key, entry] of catalog) {
    if (entry.kind !== 'question') {
      plain.set(key, entry)
      continue
    }
    const questions = entry.questions.map((q) => {
      const read = plainQuestion(listedQuestion(q, unfiltered))
      const node = plan.byName.get(q.getValueName())?.node
      if (node) nodeOf.set(read, node)
      return read
    })
    plain.set(key, { kind: 'question', questions })
  }
  return { plan, catalog: plain, nodeOf }
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
