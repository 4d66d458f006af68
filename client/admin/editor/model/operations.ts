import { renameInExpression } from './conditions'
import { canBeDimension, convertKind, kindOf, listsOf, newElement, type Kind } from './kinds'
import { itemObject, itemsOf, readItem, type ItemList } from './items'
import { renameLevelsOf, renameMember } from './levels'
import {
  allElements,
  editable,
  elementsIn,
  moveIn,
  pagesIn,
  questionNames,
  uniqueName,
} from './structure'
import { locate, type TextRef } from './textRefs'
import { forgetSource, pruneSources, recordSource, renameSources } from './translations'
import { LANGS, readText, sourceLang, writeText, type Json, type Lang } from './texts'

/** Where a question is: its page and its place on that page. */
export interface At {
  page: number
  index: number
}

const edit = (definition: Json, change: (copy: Json) => void): Json => {
  const copy = editable(definition)
  change(copy)
  return copy
}
const elementAt = (copy: Json, at: At) => elementsIn(pagesIn(copy)[at.page])[at.index]

// Names and expressions live in many places: these walk every string property of the copy.
const EXPRESSION_KEYS = /If$|^expression$|^(minValueExpression|maxValueExpression)$/

function renameReferences(node: unknown, old: string, next: string): void {
  if (Array.isArray(node)) return node.forEach((child) => renameReferences(child, old, next))
  if (typeof node !== 'object' || node === null) return
  const record = node as Json
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && EXPRESSION_KEYS.test(key)) {
      record[key] = renameInExpression(value, old, next)
    } else renameReferences(value, old, next)
  }
}

// Pages

export const addPage = (definition: Json): Json =>
  edit(definition, (copy) => {
    const taken = new Set(pagesIn(copy).map((page) => String(page.name ?? '')))
    pagesIn(copy).push({ name: uniqueName('page', taken), elements: [] })
  })

export const movePage = (definition: Json, from: number, to: number): Json =>
  edit(definition, (copy) => moveIn(pagesIn(copy), from, to))

export const deletePage = (definition: Json, page: number): Json =>
  edit(definition, (copy) => {
    const names = elementsIn(pagesIn(copy)[page]).map((element) => String(element.name))
    pagesIn(copy).splice(page, 1)
    removeDimensions(copy, names)
    pruneSources(copy)
  })

/** A copy after the original, its questions renamed (names must be unique in a survey). */
export const duplicatePage = (definition: Json, page: number): Json =>
  edit(definition, (copy) => {
    const pages = pagesIn(copy)
    const twin = structuredClone(pages[page])
    const taken = new Set(pages.map((p) => String(p.name ?? '')))
    twin.name = uniqueName(`${String(twin.name ?? 'page')}_copy`, taken, true)
    const names = questionNames(copy)
    for (const element of elementsIn(twin)) {
      const old = String(element.name)
      element.name = uniqueName(`${old}_copy`, names, true)
      names.add(String(element.name))
      renameReferences(twin, old, String(element.name))
    }
    pages.splice(page + 1, 0, twin)
  })

// Questions

export const addQuestion = (definition: Json, page: number, kind: Kind): Json =>
  edit(definition, (copy) => {
    if (pagesIn(copy).length === 0) pagesIn(copy).push({ name: 'page1', elements: [] })
    const target = pagesIn(copy)[Math.min(page, pagesIn(copy).length - 1)]
    elementsIn(target).push(newElement(kind, uniqueName('question', questionNames(copy))))
  })

/**
 * One step up or down; past the first or last question of a page it moves to the end of the
 * previous page or the start of the next, as dragging a row past a sheet's edge would.
 */
export const moveQuestion = (definition: Json, at: At, step: -1 | 1): Json =>
  edit(definition, (copy) => {
    const pages = pagesIn(copy)
    const list = elementsIn(pages[at.page])
    if (at.index < 0 || at.index >= list.length) return
    const to = at.index + step
    if (to >= 0 && to < list.length) return moveIn(list, at.index, to)
    const neighbour = pages[at.page + step]
    if (!neighbour) return
    const [element] = list.splice(at.index, 1)
    if (step < 0) elementsIn(neighbour).push(element)
    else elementsIn(neighbour).unshift(element)
  })

export const duplicateQuestion = (definition: Json, at: At): Json =>
  edit(definition, (copy) => {
    const original = elementAt(copy, at)
    if (!original) return
    const twin = structuredClone(original)
    twin.name = uniqueName(`${String(twin.name)}_copy`, questionNames(copy), true)
    elementsIn(pagesIn(copy)[at.page]).splice(at.index + 1, 0, twin)
  })

export const deleteQuestion = (definition: Json, at: At): Json =>
  edit(definition, (copy) => {
    const [removed] = elementsIn(pagesIn(copy)[at.page]).splice(at.index, 1)
    if (removed) removeDimensions(copy, [String(removed.name)])
    pruneSources(copy)
  })

/** A new name; dimensions, their levels, conditions and translation records follow it. */
export const renameQuestion = (definition: Json, at: At, next: string): Json =>
  edit(definition, (copy) => {
    const element = elementAt(copy, at)
    const old = String(element.name ?? '')
    const dimensions = dimensionsOf(copy)
    if (dimensions.includes(old)) copy.dimensions = dimensions.map((d) => (d === old ? next : d))
    renameLevelsOf(copy, old, next)
    element.name = next
    renameReferences(copy, old, next)
    renameSources(copy, old, next)
  })

/** Sets (or with undefined removes) one plain property of a question: isRequired, rateMax... */
export const setProperty = (definition: Json, at: At, key: string, value: unknown): Json =>
  edit(definition, (copy) => {
    const element = elementAt(copy, at)
    if (value === undefined || value === false || value === '') delete element[key]
    else element[key] = value
  })

export const setKind = (definition: Json, at: At, kind: Kind): Json =>
  edit(definition, (copy) => {
    const elements = elementsIn(pagesIn(copy)[at.page])
    elements[at.index] = convertKind(elements[at.index], kind)
    // Only single-choice questions can group results (the server refuses others).
    if (!canBeDimension(kind)) removeDimensions(copy, [String(elements[at.index].name)])
    pruneSources(copy)
  })

// Choices, matrix rows and columns

export const addItem = (definition: Json, at: At, list: ItemList): Json =>
  edit(definition, (copy) => {
    const element = elementAt(copy, at)
    if (!listsOf(kindOf(element)).includes(list)) return
    const items = itemsOf(element, list)
    const taken = new Set(items.map((raw) => readItem(raw).value))
    const base = list === 'choices' ? 'choice' : list === 'rows' ? 'row' : 'column'
    element[list] = [...items, { value: uniqueName(base, taken) }]
  })

export const moveItem = (definition: Json, at: At, list: ItemList, from: number, to: number) =>
  edit(definition, (copy) => moveIn(itemsOf(elementAt(copy, at), list), from, to))

export const duplicateItem = (definition: Json, at: At, list: ItemList, item: number): Json =>
  edit(definition, (copy) => {
    const items = itemsOf(elementAt(copy, at), list)
    if (items[item] === undefined) return
    const twin = itemObject(structuredClone(items[item]))
    const taken = new Set(items.map((raw) => readItem(raw).value))
    twin.value = uniqueName(`${readItem(twin).value}_copy`, taken, true)
    items.splice(item + 1, 0, twin)
  })

export const deleteItem = (definition: Json, at: At, list: ItemList, item: number): Json =>
  edit(definition, (copy) => {
    itemsOf(elementAt(copy, at), list).splice(item, 1)
    pruneSources(copy)
  })

/**
 * A choice's stored value (what results and conditions use); its texts, records and place in a
 * level's group follow.
 */
export const setItemValue = (
  definition: Json,
  at: At,
  list: ItemList,
  item: number,
  next: string,
) =>
  edit(definition, (copy) => {
    const element = elementAt(copy, at)
    const items = itemsOf(element, list)
    const raw = itemObject(items[item])
    const old = readItem(raw).value
    raw.value = next
    items[item] = raw
    if (element.correctAnswer === old) element.correctAnswer = next
    const name = String(element.name)
    if (list === 'choices') renameMember(copy, name, old, next)
    renameSources(copy, `${name}.${list}.${old}`, `${name}.${list}.${next}`)
  })

// Texts

/**
 * One language of one text. A translation written now is recorded with the source text it was
 * written from; the source language's own text is never recorded (its changes are what make
 * translations outdated).
 */
export function setText(definition: Json, ref: TextRef, key: string, lang: Lang, text: string) {
  return edit(definition, (copy) => {
    const source = sourceLang(copy)
    const { holder, prop } = locate(copy, ref)
    const next = writeText(holder[prop], lang, text, source)
    if (next === undefined) delete holder[prop]
    else holder[prop] = next
    if (lang === source) return
    // Written before its source: taken as made from the source once both are there (adopted).
    const original = readText(holder[prop], source, source)
    if (text === '' || original === '') forgetSource(copy, key, lang)
    else recordSource(copy, key, lang, original)
  })
}

/** "Still correct": the translation is now taken as made from the current source text. */
export function confirmTranslation(definition: Json, ref: TextRef, key: string, lang: Lang) {
  return edit(definition, (copy) => {
    const source = sourceLang(copy)
    const { holder, prop } = locate(copy, ref)
    recordSource(copy, key, lang, readText(holder[prop], source, source))
  })
}

// Quiz, dimensions, conditions

/** The correct answer of a quiz item (a value, several for multiple choice), or none. */
export const setCorrectAnswer = (definition: Json, at: At, answer: unknown): Json =>
  setProperty(
    definition,
    at,
    'correctAnswer',
    Array.isArray(answer) && answer.length === 0 ? undefined : answer,
  )

/** Question names that group the results, as the server reads them (README "Dimensions"). */
export const DEFAULT_DIMENSIONS = ['sector', 'region', 'profession']

export function dimensionsOf(definition: Json): string[] {
  if (Array.isArray(definition.dimensions)) return definition.dimensions.map(String)
  const names = questionNames(definition)
  return DEFAULT_DIMENSIONS.filter((name) => names.has(name))
}

/** Only single-choice questions that exist can be dimensions; other requests change nothing. */
export const setDimension = (definition: Json, name: string, on: boolean): Json =>
  edit(definition, (copy) => {
    const element = allElements(copy).find((candidate) => candidate.name === name)
    if (on && !canBeDimension(kindOf(element ?? {}))) return
    const current = dimensionsOf(copy).filter((dimension) => dimension !== name)
    copy.dimensions = on ? [...current, name] : current
  })

// Dimensions by default name (no `dimensions` list) are written out when one of them changes.
function removeDimensions(copy: Json, names: string[]): void {
  const current = dimensionsOf(copy)
  if (!current.some((name) => names.includes(name))) return
  copy.dimensions = current.filter((name) => !names.includes(name))
}

export { LANGS }
