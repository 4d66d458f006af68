import { isPlainObject } from './answers/json.js'

/**
 * Markup a questionnaire may not carry. The respondent app and the preview sanitise every piece
 * of HTML anyway (client/shared/sanitize.ts); refusing the obvious cases at upload tells the
 * admin at once instead of silently dropping them. Every string is checked, not only `html`
 * properties: survey-core puts {values} such as choice texts and defaults into HTML.
 */
const DANGEROUS: [RegExp, string][] = [
  [/<\s*(script|iframe|frame|object|embed|applet|meta|base|link|style|form)\b/i, '<$1>'],
  [/\bhttp-equiv\b/i, 'http-equiv'],
  [/\b(javascript|vbscript)\s*:/i, 'a $1: address'],
]
const HANDLER = /[\s/"']on[a-z]+\s*=/i

const MAX_REPORTED = 20

// Tag by tag (from each < to the next >), so the scan stays linear on a 1 MiB definition.
function hasHandler(text: string): boolean {
  return text
    .split('<')
    .slice(1)
    .some((tail) => {
      const end = tail.indexOf('>')
      return HANDLER.test(end === -1 ? tail : tail.slice(0, end))
    })
}

function problemsIn(text: string): string[] {
  const found = DANGEROUS.flatMap(([pattern, what]) => {
    const match = pattern.exec(text)
    return match ? [what.replace('$1', match[1]?.toLowerCase() ?? '')] : []
  })
  return hasHandler(text) ? [...found, 'an event-handler attribute (on...=)'] : found
}

/** One message per string that holds dangerous markup, with its place in the definition. */
export function markupProblems(definition: unknown): string[] {
  const problems: string[] = []
  const visit = (value: unknown, path: string) => {
    if (problems.length >= MAX_REPORTED) return
    if (typeof value === 'string') {
      const found = problemsIn(value)
      if (found.length > 0) {
        const where = path || 'the definition'
        problems.push(`${where} contains ${found.join(', ')}, which questionnaires may not use`)
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`))
    } else if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key)
    }
  }
  visit(definition, '')
  return problems
}
