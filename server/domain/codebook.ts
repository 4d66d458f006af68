import { Model, type Question } from 'survey-core'
import './survey-core-setup.js'
import { questionKinds } from './question-kinds.js'
import { isUnlisted } from './answers/listed-choices.js'
import { readDimensions } from './dimensions.js'
import { RESPONDENT_LOCALES } from './prepare-response.js'

/** Text in each language of the codebook, e.g. `{ fi, sv, en }`. */
export type Texts = Record<string, string>

export interface CodebookValue {
  value: string
  label: Texts
}

/** How the results treat a question's answers (see question-kinds.ts). */
export type Summary = 'choice' | 'numeric' | 'free text' | 'not aggregated'

export interface CodebookEntry {
  /** The name answers are stored under (SurveyJS valueName, else name). */
  name: string
  type: string
  page: string
  /** The dynamic panel whose template holds this question; null at the top level. */
  parent: string | null
  title: Texts
  /** Answer values: choices, rating values, boolean values, matrix columns. */
  values: CodebookValue[]
  /** Matrix rows, multiple-text items, matrix-dropdown columns: the `item` of stored answers. */
  items: CodebookValue[]
  isDimension: boolean
  isRequired: boolean
  /** Multiple values per respondent (checkbox, tagbox, ranking, multi-select image picker). */
  multiple: boolean
  correctAnswer: unknown
  visibleIf: string | null
  enableIf: string | null
  requiredIf: string | null
  /** visibleIf of the enclosing page and panels: the question shows only when all hold. */
  containerVisibleIf: string[]
  summary: Summary
}

/** A level of a dimension (dimension-levels.ts): the results and exports group by it too. */
export interface CodebookLevel {
  /** `<dimension>.<level>`, e.g. `region.area`: the name `by` and the export columns use. */
  name: string
  /** The dimension whose values it groups. */
  of: string
  title: Texts
  /** Each group and the dimension's values it holds. */
  groups: { value: string; label: Texts; members: string[] }[]
}

export interface Codebook {
  title: Texts
  locales: string[]
  entries: CodebookEntry[]
  levels: CodebookLevel[]
}

// Loosely typed views of survey-core objects: their public types do not list every property.
type LocString = { getLocaleText(locale: string): string } | undefined
type ItemLike = { value: unknown; locText?: LocString; text?: string; name?: string }
type Container = {
  name?: string
  visibleIf?: string
  isPage?: boolean
  parent?: Container
  getType?: () => string
}

const MULTIPLE = new Set(['checkbox', 'tagbox', 'ranking'])

/** The text in one language; the definition's default text where that language has none. */
function textsOf(loc: LocString, locales: string[], fallback: string): Texts {
  const base = loc?.getLocaleText('') || fallback
  return Object.fromEntries(locales.map((l) => [l, loc?.getLocaleText(l) || base]))
}

/** Text a definition gives outside survey-core (a level's): a string or `{ default, fi, ... }`. */
function plainTexts(text: unknown, locales: string[], fallback: string): Texts {
  const texts = typeof text === 'string' ? { default: text } : ((text ?? {}) as Texts)
  const base = texts.default || fallback
  return Object.fromEntries(locales.map((l) => [l, texts[l] || base]))
}

function itemsOf(list: unknown, locales: string[]): CodebookValue[] {
  if (!Array.isArray(list)) return []
  return (list as ItemLike[]).map((item) => {
    const value = String(item.value ?? item.name)
    return { value, label: textsOf(item.locText, locales, item.text || value) }
  })
}

/** A question's choices, after those it takes from `choicesFromQuestion`. */
function ownOrInherited(q: Question, seen = new Set<Question>([q])): unknown[] {
  const own = Array.isArray(q.choices) ? (q.choices as unknown[]) : []
  const name = q.choicesFromQuestion
  const source = name ? (q.survey?.getQuestionByName(name) as Question | null) : null
  if (!source || seen.has(source)) return own
  seen.add(source)
  return [...ownOrInherited(source, seen), ...own]
}

function choiceValues(q: Question, locales: string[]): CodebookValue[] {
  const type = q.getType()
  if (type === 'boolean') {
    const yes = {
      value: String(q.valueTrue ?? true),
      label: textsOf(q.locLabelTrue, locales, 'Yes'),
    }
    const no = {
      value: String(q.valueFalse ?? false),
      label: textsOf(q.locLabelFalse, locales, 'No'),
    }
    return [yes, no]
  }
  if (type === 'rating') return itemsOf(q.visibleRateValues, locales)
  if (type === 'matrix') return itemsOf(q.columns, locales)
  if (type === 'matrixdropdown' || type === 'matrixdynamic') return itemsOf(q.choices, locales)
  const values = itemsOf(ownOrInherited(q), locales)
  // Special items are stored by their value like any choice.
  for (const [shown, item] of [
    [q.showNoneItem, q.noneItem],
    [q.showOtherItem, q.otherItem],
    [q.showRefuseItem, q.refuseItem],
    [q.showDontKnowItem, q.dontKnowItem],
  ] as [boolean, ItemLike | undefined][]) {
    if (shown && item) values.push(...itemsOf([item], locales))
  }
  return values
}

function rowItems(q: Question, locales: string[]): CodebookValue[] {
  const type = q.getType()
  if (type === 'matrix' || type === 'matrixdropdown') return itemsOf(q.rows, locales)
  if (type === 'multipletext') return itemsOf(q.items, locales)
  if (type === 'matrixdynamic') {
    return (q.columns as { name: string; locTitle?: LocString }[]).map((c) => ({
      value: c.name,
      label: textsOf(c.locTitle, locales, c.name),
    }))
  }
  return []
}

function containerConditions(q: Question): string[] {
  const conditions: string[] = []
  for (let c = q.parent as Container | undefined; c; c = c.parent) {
    if (c.visibleIf) conditions.unshift(c.visibleIf)
  }
  const page = q.page as Container | undefined
  if (page?.visibleIf && !conditions.includes(page.visibleIf)) conditions.unshift(page.visibleIf)
  return conditions
}

function summaryOf(q: Question, kinds: ReadonlyMap<string, string>, nested: boolean): Summary {
  const kind = nested ? undefined : kinds.get(q.getValueName())
  if (kind === 'choice' || kind === 'numeric') return kind
  const type = q.getType()
  const text = type === 'text' || type === 'comment' || type === 'multipletext'
  return text || isUnlisted(q) ? 'free text' : 'not aggregated'
}

/**
 * Every question of a definition as researchers need it to read the data: names, texts and
 * value labels in each language, dimensions, correct answers and the logic that shows it.
 * Read from survey-core, so it says exactly what the questionnaire does.
 */
export function buildCodebook(definition: Record<string, unknown>): Codebook {
  const report = readDimensions(definition)
  const dimensions = new Set(report.dimensions.map((d) => d.name))
  const kinds = questionKinds(definition)
  const model = new Model(definition)
  try {
    const locales = [...new Set<string>([...RESPONDENT_LOCALES, ...model.getUsedLocales()])]
    const entries: CodebookEntry[] = []
    const add = (q: Question, parent: string | null) => {
      const name = q.getValueName()
      entries.push({
        name,
        type: q.getType(),
        page: (q.page as Container | undefined)?.name ?? '',
        parent,
        title: textsOf(q.locTitle, locales, q.name),
        values: choiceValues(q, locales),
        items: rowItems(q, locales),
        isDimension: parent === null && dimensions.has(name),
        isRequired: Boolean(q.isRequired),
        multiple:
          MULTIPLE.has(q.getType()) || (q.getType() === 'imagepicker' && Boolean(q.multiSelect)),
        correctAnswer: q.correctAnswer ?? null,
        visibleIf: q.visibleIf || null,
        enableIf: q.enableIf || null,
        requiredIf: q.requiredIf || null,
        containerVisibleIf: containerConditions(q),
        summary: summaryOf(q, kinds, parent !== null),
      })
      if (q.getType() === 'paneldynamic') {
        const template = (q as unknown as { template: { questions: Question[] } }).template
        for (const inner of template?.questions ?? [])
          add(inner, parent ? `${parent}.${name}` : name)
      }
    }
    for (const q of model.getAllQuestions(false, false, false) as Question[]) add(q, null)
    const levels = report.levels.map((level) => ({
      name: level.name,
      of: level.of,
      title: plainTexts(level.title, locales, level.name),
      groups: level.groups.map((g) => ({
        value: g.value,
        label: plainTexts(g.text, locales, g.value),
        members: g.members,
      })),
    }))
    return { title: textsOf(model.locTitle, locales, ''), locales, entries, levels }
  } finally {
    model.dispose()
  }
}
