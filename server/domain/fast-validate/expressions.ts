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
  /** `item`: the choice a choicesVisibleIf is run for (`{item}`); unused elsewhere. */
  run(values: (name: string) => unknown, item?: unknown): boolean
}

// survey-core's built-in functions that read nothing but their arguments (XLSForm's
// count-selected() becomes count()). Others read the date, the survey or the question.
const PURE_FUNCTIONS = new Set(['count', 'sum', 'min', 'max', 'avg', 'round', 'trunc', 'iif'])

/** Names called in an expression, its strings and {variables} left out. */
function calledFunctions(expression: string): string[] {
  const bare = expression.replace(/'[^']*'|"[^"]*"|\{[^}]*\}/g, ' ')
  return [...bare.matchAll(/([A-Za-z_$][\w$]*)\s*\(/g)].map((match) => match[1])
}

/** `{item}` in choicesVisibleIf: the value of the choice being filtered. */
const ITEM = 'item'

interface PathItem {
  name: string
}

/** A value getter context (duck-typed, as survey-core's own) answering plain question names. */
class ValuesContext {
  constructor(
    private readonly byLowerName: Map<string, string>,
    private readonly values: (name: string) => unknown,
    private readonly item?: { value: unknown },
  ) {}

  getValue(params: { path: PathItem[] }) {
    if (params.path.length !== 1) return undefined
    const lower = params.path[0].name.toLowerCase()
    if (this.item && lower === ITEM) return { isFound: true, value: this.item.value, context: this }
    const name = this.byLowerName.get(lower)
    if (name === undefined) return undefined
    return { isFound: true, value: this.values(name), context: this }
  }
}

/**
 * Compiles one condition, or returns null when it calls other than pure functions, uses unknown or
 * dotted names, or does not parse. `byLowerName` maps lower-cased question value names to the
 * value names.
 * `withItem`: a choicesVisibleIf, where `{item}` is the choice (so no question may be "item").
 */
export function compileCondition(
  expression: string,
  byLowerName: Map<string, string>,
  withItem = false,
): Condition | null {
  const runner = new ConditionRunner(expression)
  if (!runner.canRun() || runner.isAsync) return null
  if (runner.hasFunction() && !calledFunctions(expression).every((f) => PURE_FUNCTIONS.has(f))) {
    return null
  }
  if (withItem && byLowerName.has(ITEM)) return null
  for (const variable of runner.getVariables()) {
    const lower = variable.toLowerCase()
    if (withItem && lower === ITEM) continue
    if (!/^[^.[\]$#{}]+$/.test(variable) || /^\d+$/.test(variable)) return null
    if (BUILT_INS.has(lower) || lower.endsWith('-unwrapped') || !byLowerName.has(lower)) return null
    // Re-runs after a value change skip conditions whose variables do not name the changed key
    // (ValueGetter.isAnyKeyChanged matches the spelling or its lower case only): {q} for a
    // question "Q" keeps a stale result there, which this path, re-running everything, would not.
    const name = byLowerName.get(lower)
    if (variable !== name && lower !== name) return null
  }
  return {
    run: (values, item) => {
      const context = new ValuesContext(byLowerName, values, withItem ? { value: item } : undefined)
      return runner.runContext(context as never, {}) === true
    },
  }
}
