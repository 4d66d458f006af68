import { Model, type Question } from 'survey-core'
import { labelWords } from './labelWords'

/** Question titles and choice texts in one language from a definition; raw names as fallback. */
export interface Labels {
  title: (name: string) => string
  choice: (name: string, value: string) => string
  /** Choice values in the questionnaire's order, to sort table rows and chart bars. */
  order: (name: string) => string[]
  row: (name: string, value: string) => string
  /** Question names in the questionnaire's order. */
  questionOrder: () => string[]
  /** Free text must never be shown, even if a future server sent it. */
  isFreeText: (name: string) => boolean
  /** Quiz questions: the correct values (others are decoys); undefined for other questions. */
  correctValues: (name: string) => string[] | undefined
  /** The grouping dimensions: the definition's own list, else the default names it has. */
  dimensions: () => string[]
  /** What results can be grouped by: each dimension followed by its levels ("region.area"). */
  groupings: () => Grouping[]
  /** "Region", or a level's title in the page's language ("Collaborative area"). */
  dimensionTitle: (name: string) => string
  /**
   * The table with the figures of a grouping published with its groups' sizes only: the second
   * dimension or its level crossed with the first ("Sector × Collaborative area", decision 007).
   */
  figuresIn: (name: string) => string | undefined
}

/**
 * A dimension or a level of one (the definition's "levels", server/domain/dimension-levels.ts).
 * `root` is the dimension itself for both: a level is never crossed with its own dimension.
 */
export interface Grouping {
  name: string
  title: string
  root: string
}

interface LevelLabels {
  of: string
  title: string
  /** Group value -> text, in the declared order. */
  groups: Map<string, string>
}

const DEFAULT_DIMENSIONS = ['sector', 'region', 'profession']

interface Item {
  value: unknown
  text: string
}

const NOT_ANSWERED = 'not answered'

/** A SurveyJS text (plain, or `{ default, fi, sv }`) in `locale`; English is `default`. */
export function localText(text: unknown, locale: string): string | undefined {
  if (typeof text === 'string') return text
  if (!text || typeof text !== 'object') return undefined
  const texts = text as Record<string, unknown>
  const found = [texts[locale], texts.default, texts.en]
  return found.find((t): t is string => typeof t === 'string' && t !== '')
}

/** The definition's levels of the given dimensions; the server checked them when it was saved. */
function readLevels(definition: Record<string, unknown>, dimensions: string[], locale: string) {
  const levels = new Map<string, LevelLabels>()
  if (!Array.isArray(definition.levels)) return levels
  for (const raw of definition.levels as Record<string, unknown>[]) {
    if (!raw || typeof raw.name !== 'string' || typeof raw.of !== 'string') continue
    if (!dimensions.includes(raw.of) || !Array.isArray(raw.groups)) continue
    const name = `${raw.of}.${raw.name}`
    const groups = new Map<string, string>()
    for (const group of raw.groups as Record<string, unknown>[]) {
      if (typeof group?.value !== 'string') continue
      groups.set(group.value, localText(group.text, locale) || group.value)
    }
    levels.set(name, { of: raw.of, title: localText(raw.title, locale) || name, groups })
  }
  return levels
}
const FREE_TEXT = new Set(['text', 'comment', 'multipletext', 'expression', 'html', 'signaturepad'])

function choicesOf(question: Question | null, locale: string): Item[] {
  if (!question) return []
  const q = question as Question & Record<string, unknown>
  if (q.getType() === 'boolean') {
    // SurveyJS falls back to its English "Yes"/"No" (no locale pack is loaded).
    const own = (key: string) => !(q[key] as { isEmpty?: boolean } | undefined)?.isEmpty
    const words = labelWords(locale)
    return [
      { value: q.valueTrue ?? 'true', text: own('locLabelTrue') ? String(q.labelTrue) : words.yes },
      {
        value: q.valueFalse ?? 'false',
        text: own('locLabelFalse') ? String(q.labelFalse) : words.no,
      },
    ]
  }
  // visibleChoices adds "other"/"none" items; choices keeps those hidden by choicesVisibleIf.
  const lists = [q.choices, q.visibleChoices, q.visibleRateValues, q.columns]
  return lists.flatMap((list) => (Array.isArray(list) ? (list as Item[]) : []))
}

export function makeLabels(
  definition: Record<string, unknown>,
  locale = 'en',
  notAnswered = NOT_ANSWERED,
): Labels {
  let model: Model | null = null
  try {
    model = new Model(definition)
    model.locale = locale
  } catch {
    model = null // labels fall back to raw names; the numbers still show
  }
  const question = (name: string) => model?.getQuestionByName(name) ?? null
  const texts = new Map<string, Map<string, string>>()
  const textsOf = (name: string) => {
    let map = texts.get(name)
    if (!map) {
      map = new Map()
      for (const item of choicesOf(question(name), locale)) {
        if (!map.has(String(item.value))) map.set(String(item.value), item.text)
      }
      texts.set(name, map)
    }
    return map
  }
  const dimensions = () => {
    const declared = definition.dimensions
    const names = Array.isArray(declared) ? declared.map(String) : DEFAULT_DIMENSIONS
    return names.filter((name) => question(name) !== null)
  }
  const levels = readLevels(definition, dimensions(), locale)
  // A dimension's name: the question's shortTitle, else the usual name in the page's language.
  const dimensionLabel = (name: string) =>
    localText(findElement(definition, name)?.shortTitle, locale) ||
    labelWords(locale).dimensions[name] ||
    dimensionName(name)
  const dimensionTitle = (name: string) => levels.get(name)?.title ?? dimensionLabel(name)
  const figuresIn = (name: string) => {
    const [first, second] = dimensions()
    const root = levels.get(name)?.of ?? name
    if (!first || root !== second) return undefined
    return `${dimensionTitle(first)} × ${dimensionTitle(name)}`
  }
  return {
    // A checklist scored per option has one quiz item per choice, "indicators.fear_anxiety"
    // (server/domain/score-quiz.ts): the question's title and the choice's text.
    title: (name) => {
      const own = question(name)?.title
      if (own) return own
      const dot = name.indexOf('.')
      const owner = dot > 0 ? question(name.slice(0, dot)) : null
      if (!owner) return name
      const choice = name.slice(dot + 1)
      return `${owner.title}: ${textsOf(owner.name).get(choice) || choice}`
    },
    choice: (name, value) => {
      if (value === '') return notAnswered
      const level = levels.get(name)
      return (level ? level.groups.get(value) : textsOf(name).get(value)) || value
    },
    order: (name) => [...(levels.get(name)?.groups ?? textsOf(name)).keys()],
    row: (name, value) => {
      const rows = (question(name) as (Question & { rows?: Item[] }) | null)?.rows ?? []
      return rows.find((row) => String(row.value) === value)?.text || value
    },
    questionOrder: () => model?.getAllQuestions().map((q) => q.name) ?? [],
    isFreeText: (name) => FREE_TEXT.has(question(name)?.getType() ?? ''),
    correctValues: (name) => {
      const correct = (question(name) as { correctAnswer?: unknown } | null)?.correctAnswer
      if (correct === undefined || correct === null) return undefined
      return (Array.isArray(correct) ? correct : [correct]).map(String)
    },
    dimensions,
    groupings: () =>
      dimensions().flatMap((root) => [
        { name: root, title: dimensionLabel(root), root },
        ...[...levels]
          .filter(([, level]) => level.of === root)
          .map(([name, level]) => ({ name, title: level.title, root })),
      ]),
    dimensionTitle,
    figuresIn,
  }
}

/** The element of that name in the definition's own JSON (properties SurveyJS does not keep). */
function findElement(node: unknown, name: string): Record<string, unknown> | undefined {
  if (!node || typeof node !== 'object') return undefined
  const element = node as Record<string, unknown>
  if (element.name === name && typeof element.type === 'string') return element
  for (const key of ['pages', 'elements', 'templateElements']) {
    const list = element[key]
    if (!Array.isArray(list)) continue
    for (const child of list) {
      const found = findElement(child, name)
      if (found) return found
    }
  }
  return undefined
}

/** Sorts values by the questionnaire's order; unknown ones (and "not answered") last. */
export function sortValues(values: string[], order: string[]): string[] {
  const rank = (value: string) => {
    const index = order.indexOf(value)
    return index === -1 ? order.length + (value === '' ? 1 : 0) : index
  }
  return [...values].sort((a, b) => rank(a) - rank(b))
}

/** "sector" → "Sector": dimension names are short question names, readable as they are. */
export const dimensionName = (dim: string) =>
  (dim.charAt(0).toUpperCase() + dim.slice(1)).replace(/_/g, ' ')

/** Splits a long label into lines: Chart.js draws an array label as lines instead of cutting it. */
export function wrapLabel(text: string, width = 28): string[] {
  const lines: string[] = []
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1]
    const fits = last !== undefined && last.length + word.length < width
    if (fits) lines[lines.length - 1] += ` ${word}`
    else lines.push(word)
  }
  return lines
}
