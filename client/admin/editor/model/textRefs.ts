import { itemsOf, readItem, type ItemList } from './items'
import { elementsOf, pagesOf } from './structure'
import { kindOf, listsOf } from './kinds'
import { isObject, type Json } from './texts'

/** Where a translatable text sits in a definition. */
export type TextRef =
  | { at: 'survey'; prop: 'title' | 'description' }
  | { at: 'page'; page: number; prop: 'title' | 'description' }
  | { at: 'question'; page: number; index: number; prop: 'title' | 'description' }
  | { at: 'item'; page: number; index: number; list: ItemList; item: number }

export interface TextEntry {
  ref: TextRef
  /** Stable across reordering: names and values, not positions (see `translatedFrom`). */
  key: string
  /** The raw SurveyJS value (plain or localized). */
  value: unknown
  /** Whether the text must exist (titles, choice texts) or is optional (descriptions). */
  required: boolean
}

const present = (value: unknown) =>
  (typeof value === 'string' && value !== '') || (isObject(value) && Object.keys(value).length > 0)

/** Every text an admin writes in the three languages, in reading order. */
export function listTexts(definition: Json): TextEntry[] {
  const entries: TextEntry[] = []
  const add = (ref: TextRef, key: string, value: unknown, required: boolean) => {
    if (required || present(value)) entries.push({ ref, key, value, required })
  }
  add({ at: 'survey', prop: 'title' }, 'survey.title', definition.title, true)
  add({ at: 'survey', prop: 'description' }, 'survey.description', definition.description, false)
  pagesOf(definition).forEach((page, p) => {
    const name = String(page.name ?? p + 1)
    add({ at: 'page', page: p, prop: 'title' }, `page:${name}.title`, page.title, false)
    const description = page.description
    add(
      { at: 'page', page: p, prop: 'description' },
      `page:${name}.description`,
      description,
      false,
    )
    elementsOf(page).forEach((element, index) => {
      const kind = kindOf(element)
      if (kind === null) return // edited in the JSON view only
      const q = String(element.name ?? '')
      add({ at: 'question', page: p, index, prop: 'title' }, `${q}.title`, element.title, true)
      const about = element.description
      add({ at: 'question', page: p, index, prop: 'description' }, `${q}.description`, about, false)
      for (const list of listsOf(kind)) {
        itemsOf(element, list).forEach((raw, item) => {
          const { value, text } = readItem(raw)
          add({ at: 'item', page: p, index, list, item }, `${q}.${list}.${value}`, text, true)
        })
      }
    })
  })
  return entries
}

/** The object and property a text ref points into (in an editable copy). */
export function locate(copy: Json, ref: TextRef): { holder: Json; prop: string } {
  if (ref.at === 'survey') return { holder: copy, prop: ref.prop }
  const page = (copy.pages as Json[])[ref.page]
  if (ref.at === 'page') return { holder: page, prop: ref.prop }
  const element = (page.elements as Json[])[ref.index]
  if (ref.at === 'question') return { holder: element, prop: ref.prop }
  const list = element[ref.list] as unknown[]
  const raw = list[ref.item]
  const holder = isObject(raw) ? raw : { value: raw }
  list[ref.item] = holder
  return { holder, prop: 'text' }
}
