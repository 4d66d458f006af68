import { isObject, type Json } from './texts'

/** Choice lists the editor edits: a choice question's choices, a matrix's rows and columns. */
export type ItemList = 'choices' | 'rows' | 'columns'

export interface Item {
  value: string
  /** The text as written (plain or localized); undefined when only the value is shown. */
  text: unknown
}

/** SurveyJS items are a bare value or `{ value, text, ... }`. */
export function readItem(raw: unknown): Item {
  if (isObject(raw)) return { value: String(raw.value ?? ''), text: raw.text }
  return { value: String(raw ?? ''), text: undefined }
}

export const itemsOf = (element: Json, list: ItemList): unknown[] =>
  Array.isArray(element[list]) ? (element[list] as unknown[]) : []

/** The item as an object, so it can carry a text (other properties, e.g. `score`, are kept). */
export function itemObject(raw: unknown): Json {
  return isObject(raw) ? { ...raw } : { value: raw }
}
