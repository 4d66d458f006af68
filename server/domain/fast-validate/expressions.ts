// Conditions (visibleIf, enableIf, requiredIf) run by survey-core's own expression engine over a
// plain values object, so operators compare exactly as in a model. Only expressions whose every
// variable is a plain question name are compiled; anything else makes the definition fall back.
import { ConditionRunner } from 'survey-core'

// Names survey-core resolves to something other than a question value (survey built-ins, the
// value of the question evaluating the expression, array indexes of that value).
const BUILT_INS = new Set([
  'pageno',
  'pagecount',
  'correctedanswers',
  'correctanswers',
  'correctedanswercount',
  'incorrectedanswers',
  'incorrectanswers',
  'incorrectedanswercount',
  'questioncount',
  'locale',
  'length',
])

export interface Condition {
  run(values: (name: string) => unknown): boolean
}

interface PathItem {
  name: string
}

/** A value getter context (duck-typed, as survey-core's own) answering plain question names. */
class ValuesContext {
  constructor(
    private readonly byLowerName: Map<string, string>,
    private readonly values: (name: string) => unknown,
  ) {}

  getValue(params: { path: PathItem[] }) {
    if (params.path.length !== 1) return undefined
    const name = this.byLowerName.get(params.path[0].name.toLowerCase())
    if (name === undefined) return undefined
    return { isFound: true, value: this.values(name), context: this }
  }
}

/**
 * Compiles one condition, or returns null when it uses functions, unknown or dotted names, or
 * does not parse. `byLowerName` maps lower-cased question value names to the value names.
 */
export function compileCondition(
  expression: string,
  byLowerName: Map<string, string>,
): Condition | null {
  const runner = new ConditionRunner(expression)
  if (!runner.canRun() || runner.hasFunction() || runner.isAsync) return null
  for (const variable of runner.getVariables()) {
    const lower = variable.toLowerCase()
    if (!/^[^.[\]$#{}]+$/.test(variable) || /^\d+$/.test(variable)) return null
    if (BUILT_INS.has(lower) || lower.endsWith('-unwrapped') || !byLowerName.has(lower)) return null
    // Re-runs after a value change skip conditions whose variables do not name the changed key
    // (ValueGetter.isAnyKeyChanged matches the spelling or its lower case only): {q} for a
    // question "Q" keeps a stale result there, which this path, re-running everything, would not.
    const name = byLowerName.get(lower)
    if (variable !== name && lower !== name) return null
  }
  return {
    run: (values) =>
      runner.runContext(new ValuesContext(byLowerName, values) as never, {}) === true,
  }
}
