/** "Show this question when <question> is / includes <value>": the one condition the form edits. */
export interface Condition {
  question: string
  op: 'is' | 'includes'
  value: string
}

const SIMPLE =
  /^\s*\{([^{}]+)\}\s*(=|==|contains)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false))\s*$/

/** The condition a `visibleIf` expresses, or null when it is anything more (left to the JSON view). */
export function parseCondition(expression: string): Condition | null {
  const match = SIMPLE.exec(expression)
  if (!match) return null
  const [, question, operator, single, double, bare] = match
  return {
    question: question.trim(),
    op: operator === 'contains' ? 'includes' : 'is',
    value: single ?? double ?? bare,
  }
}

/**
 * SurveyJS expression text. `literal`: how the value is compared (yes/no answers are booleans,
 * ratings numbers, everything else text).
 */
export function formatCondition(
  condition: Condition,
  literal: 'text' | 'boolean' | 'number' = 'text',
): string {
  const operator = condition.op === 'includes' ? 'contains' : '='
  const bare =
    (literal === 'boolean' && /^(true|false)$/.test(condition.value)) ||
    (literal === 'number' && /^-?\d+(\.\d+)?$/.test(condition.value))
  const value = bare
    ? condition.value
    : condition.value.includes("'")
      ? `"${condition.value}"`
      : `'${condition.value}'`
  return `{${condition.question}} ${operator} ${value}`
}

/** Every `{old}` reference in an expression pointed at `{next}` (a renamed question). */
export function renameInExpression(expression: string, old: string, next: string): string {
  return expression.split(`{${old}}`).join(`{${next}}`)
}
