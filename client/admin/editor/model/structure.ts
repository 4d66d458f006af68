import { isObject, type Json } from './texts'

/** A definition's pages; a definition with top-level `elements` is one unnamed page. */
export function pagesOf(definition: Json): Json[] {
  if (Array.isArray(definition.pages)) return definition.pages.filter(isObject)
  if (Array.isArray(definition.elements)) return [{ elements: definition.elements }]
  return []
}

export const elementsOf = (page: Json): Json[] =>
  Array.isArray(page.elements) ? page.elements.filter(isObject) : []

/** Every element at any depth (panels included), in order. */
export function allElements(definition: Json): Json[] {
  const found: Json[] = []
  const visit = (elements: Json[]) => {
    for (const element of elements) {
      found.push(element)
      visit(elementsOf(element))
      if (isObject(element.templateElements)) visit([element.templateElements])
      if (Array.isArray(element.templateElements)) visit(element.templateElements.filter(isObject))
    }
  }
  for (const page of pagesOf(definition)) visit(elementsOf(page))
  return found
}

export const questionNames = (definition: Json): Set<string> =>
  new Set(allElements(definition).map((e) => String(e.name ?? '')))

/** `base1`, `base2`, ...: the first not yet taken (or `base` itself when `tryBare`). */
export function uniqueName(base: string, taken: Set<string>, tryBare = false): string {
  if (tryBare && !taken.has(base)) return base
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`
}

/**
 * A deep copy to change, with `pages` as a real array (top-level `elements` moved into a page).
 * Definitions are small (the bundled one is 54 kB), so a copy per edit is cheap and keeps every
 * earlier state intact for undo.
 */
export function editable(definition: Json): Json {
  const copy = structuredClone(definition)
  if (!Array.isArray(copy.pages)) {
    copy.pages = Array.isArray(copy.elements) ? [{ name: 'page1', elements: copy.elements }] : []
    delete copy.elements
  }
  copy.pages = (copy.pages as unknown[]).filter(isObject)
  for (const page of copy.pages as Json[]) if (!Array.isArray(page.elements)) page.elements = []
  return copy
}

export const pagesIn = (copy: Json) => copy.pages as Json[]
export const elementsIn = (page: Json) => page.elements as Json[]

/** Moves an array item; out-of-range moves leave it as it is. */
export function moveIn<T>(list: T[], from: number, to: number): void {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return
  const [item] = list.splice(from, 1)
  list.splice(to, 0, item)
}
