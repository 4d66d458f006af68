import type { Json } from './texts'

/** The question kinds the visual editor offers, and how each is written in SurveyJS JSON. */
export const KINDS = [
  'single',
  'multiple',
  'dropdown',
  'rating',
  'yesno',
  'text',
  'longtext',
  'number',
  'date',
  'matrix',
] as const
export type Kind = (typeof KINDS)[number]

const TEMPLATES: Record<Kind, Json> = {
  single: { type: 'radiogroup' },
  multiple: { type: 'checkbox' },
  dropdown: { type: 'dropdown' },
  rating: { type: 'rating', rateMin: 1, rateMax: 5 },
  yesno: { type: 'boolean' },
  text: { type: 'text' },
  longtext: { type: 'comment' },
  number: { type: 'text', inputType: 'number' },
  date: { type: 'text', inputType: 'date' },
  matrix: { type: 'matrix' },
}

/** The editor's kind of a SurveyJS element, or null for anything it leaves to the JSON view. */
export function kindOf(element: Json): Kind | null {
  switch (element.type) {
    case 'radiogroup':
      return 'single'
    case 'checkbox':
      return 'multiple'
    case 'dropdown':
      return 'dropdown'
    case 'rating':
      return 'rating'
    case 'boolean':
      return 'yesno'
    case 'comment':
      return 'longtext'
    case 'matrix':
      return 'matrix'
    case 'text': {
      const input = element.inputType ?? 'text'
      return input === 'number'
        ? 'number'
        : input === 'date'
          ? 'date'
          : input === 'text'
            ? 'text'
            : null
    }
    default:
      return null
  }
}

export const hasChoices = (kind: Kind | null) =>
  kind === 'single' || kind === 'multiple' || kind === 'dropdown'

/** The item lists a kind has: choices, or a matrix's rows and columns. */
export const listsOf = (kind: Kind | null): ('choices' | 'rows' | 'columns')[] =>
  hasChoices(kind) ? ['choices'] : kind === 'matrix' ? ['rows', 'columns'] : []

/** Kinds whose answer can be checked against a correct answer (quiz items). */
export const canBeQuiz = (kind: Kind | null) => hasChoices(kind) || kind === 'yesno'

/** Single-choice kinds with listed values: the only ones the server takes as dimensions. */
export const canBeDimension = (kind: Kind | null) =>
  kind === 'single' || kind === 'dropdown' || kind === 'yesno'

// What every kind shares; everything else is specific to the old kind and dropped on a change.
const SHARED = ['name', 'title', 'description', 'isRequired', 'visibleIf']

/** The element turned into another kind: shared settings kept, choices kept between choice kinds. */
export function convertKind(element: Json, kind: Kind): Json {
  const next: Json = { ...TEMPLATES[kind] }
  for (const key of SHARED) if (key in element) next[key] = element[key]
  if (hasChoices(kind) && hasChoices(kindOf(element))) next.choices = element.choices
  if (hasChoices(kind) && !next.choices) next.choices = []
  if (kind === 'matrix') Object.assign(next, { rows: [], columns: [] })
  return next
}

export function newElement(kind: Kind, name: string): Json {
  return convertKind({ name }, kind)
}
