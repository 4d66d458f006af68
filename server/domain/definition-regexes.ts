import { isPlainObject } from './answers/json.js'
import { patternProblem } from './bounded-regex.js'

/**
 * Every regular expression a definition holds (`regex` of regex validators, on questions, matrix
 * columns, multiple-text items and template questions alike) that may not be published, named by
 * the nearest enclosing element. Input masks are not regular expressions (SurveyJS matches them
 * character by character) and SurveyJS expressions have no regex function.
 */
export function regexProblems(definition: unknown): string[] {
  const problems: string[] = []
  // Iterative: a definition from a file has no nesting limit.
  const pending: { node: unknown; owner: string }[] = [{ node: definition, owner: '' }]
  while (pending.length > 0) {
    const { node, owner } = pending.pop()!
    if (Array.isArray(node)) {
      for (const child of node) pending.push({ node: child, owner })
      continue
    }
    if (!isPlainObject(node)) continue
    const here = typeof node.name === 'string' ? node.name : owner
    if (Object.hasOwn(node, 'regex')) {
      const insensitive = Boolean(node.caseInsensitive ?? node.insensitive)
      const problem = patternProblem(node.regex, insensitive)
      if (problem) {
        const where = here ? `Question "${here}"` : 'The survey'
        problems.push(`${where}: the regular expression ${JSON.stringify(node.regex)} ${problem}`)
      }
    }
    for (const value of Object.values(node)) {
      if (typeof value === 'object' && value !== null) pending.push({ node: value, owner: here })
    }
  }
  return problems
}
