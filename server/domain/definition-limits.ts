// survey-core's load time grows faster than linearly with pages and elements (1000 pages take
// over ten seconds, blocking every request meanwhile): refuse outsized definitions before loading.
export const MAX_PAGES = 100
export const MAX_ELEMENTS = 1000

const CHILD_LISTS = ['elements', 'questions', 'templateElements']

const listOf = (node: unknown, key: string): unknown[] => {
  if (typeof node !== 'object' || node === null) return []
  const value = (node as Record<string, unknown>)[key]
  return Array.isArray(value) ? value : []
}

/** Problems with a definition's size, found without survey-core (iteratively: no recursion). */
export function definitionSizeProblems(definition: Record<string, unknown>): string[] {
  const pages = listOf(definition, 'pages')
  if (pages.length > MAX_PAGES) return [`at most ${MAX_PAGES} pages (this one has ${pages.length})`]
  // The definition itself too: SurveyJS also takes elements without pages.
  const pending: unknown[] = [definition, ...pages]
  let elements = 0
  while (pending.length > 0) {
    const node = pending.pop()
    for (const key of CHILD_LISTS) {
      const children = listOf(node, key)
      elements += children.length
      if (elements > MAX_ELEMENTS) return [`at most ${MAX_ELEMENTS} questions and panels in all`]
      pending.push(...children)
    }
  }
  return []
}
