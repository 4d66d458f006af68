import { readDimensions } from '../../domain/dimensions.js'
import { surveyJsToXpath, type ExpressionScope, type ValueKind } from './expressions.js'
import { languageLabel } from './languages.js'
import { writeLevelsSheet } from './levels-sheet.js'
import type { SheetTexts, Workbook } from './problems.js'
import { CONTACT_FIELDS, CONTACT_SETTINGS, DISPLAY_SETTINGS, INTEGER_REGEX } from './vocabulary.js'

export type ExportProblem = {
  question: string
  message: string
}
export type FormExport =
  | { ok: true; sheets: SheetTexts }
  | { ok: false; problems: ExportProblem[] }

type Json = Record<string, unknown>

// Presentation-only properties: left out of the file without changing which answers count.
const IGNORED = new Set([
  'colCount',
  'titleLocation',
  'descriptionLocation',
  'width',
  'minWidth',
  'maxWidth',
  'startWithNewLine',
  'indent',
  'hideNumber',
  'placeholder',
  'rateType',
  'rateDisplayMode',
  'displayMode',
  'separateSpecialChoices',
  'state',
])
const QUESTION_KEYS = new Set([
  'type',
  'name',
  'title',
  'description',
  'isRequired',
  'requiredIf',
  'requiredErrorText',
  'visibleIf',
  'validators',
  'defaultValue',
  'choices',
  'choicesOrder',
  'choicesVisibleIf',
  'showOtherItem',
  'correctAnswer',
  'inputType',
  'maxLength',
  'rateMin',
  'rateMax',
  'rateStep',
  'rateValues',
  'minRateDescription',
  'maxRateDescription',
  'html',
  'scoring',
])
const SURVEY_KEYS = new Set([
  'title',
  'description',
  'completedHtml',
  'pages',
  'elements',
  'dimensions',
  'levels',
  // The admin editor's record of translation sources: not written (no XLSForm column); after an
  // import the editor takes the translations as up to date again.
  'translatedFrom',
  ...DISPLAY_SETTINGS,
  ...CONTACT_SETTINGS,
])

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The languages of a definition's texts; `en` is `default` (what survey-core shows in English). */
function textLanguages(definition: unknown) {
  const objects: Json[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (isObject(value)) {
      if (typeof value.default === 'string') objects.push(value)
      else Object.values(value).forEach(visit)
    }
  }
  visit(definition)
  const explicit = [...new Set(objects.flatMap((o) => Object.keys(o)))].filter(
    (k) => k !== 'default' && k !== 'en',
  )
  if (explicit.length === 0) return { languages: [] as string[], fallback: undefined }
  // A form without English has `default` equal to one language's text everywhere (see texts.ts).
  const fallback = explicit.find((lang) =>
    objects.every((o) => o[lang] === undefined || o[lang] === o.default),
  )
  const english = !fallback || objects.some((o) => o[fallback] === undefined)
  return english
    ? { languages: ['en', ...explicit], fallback: 'en' }
    : { languages: explicit, fallback }
}

class SheetWriter {
  readonly survey: string[][] = []
  readonly choices: string[][] = []
  readonly problems: ExportProblem[] = []
  private readonly kinds = new Map<string, ValueKind>()
  private readonly questionNames: Set<string>
  private readonly dimensions: Set<string>

  constructor(
    private readonly definition: Json,
    private readonly languages: string[],
    private readonly fallback: string | undefined,
    readonly surveyHeader: string[],
  ) {
    for (const q of this.allQuestions(definition)) {
      const type = String(q.type)
      const kind: ValueKind = ['checkbox', 'ranking'].includes(type)
        ? 'many'
        : ['radiogroup', 'dropdown'].includes(type) ||
            (type === 'rating' && Array.isArray(q.rateValues))
          ? 'one'
          : 'other'
      this.kinds.set(String(q.name), kind)
    }
    this.questionNames = new Set(this.kinds.keys())
    let dimensions: string[] = []
    try {
      dimensions = readDimensions(definition).dimensions.map((d) => d.name)
    } catch {
      // a definition survey-core cannot read has no dimensions to mark
    }
    this.dimensions = new Set(dimensions)
  }

  private allQuestions(container: Json): Json[] {
    const children = [
      ...((container.pages as Json[]) ?? []),
      ...((container.elements as Json[]) ?? []),
    ]
    return children.flatMap((e) =>
      isObject(e) && (e.elements || !e.type) ? this.allQuestions(e) : isObject(e) ? [e] : [],
    )
  }

  /** A text in each language column: English is `default`; a missing language stays empty. */
  texts(value: unknown): string[] {
    const piped = (text: string) =>
      text.replace(/\{([A-Za-z_][\w.-]*)\}/g, (m, n: string) =>
        this.questionNames.has(n) ? `\${${n}}` : m,
      )
    if (value === undefined)
      return this.languages.length === 0 ? [''] : this.languages.map(() => '')
    if (typeof value === 'string') {
      if (this.languages.length === 0) return [piped(value)]
      return this.languages.map((l) => (l === this.fallback ? piped(value) : ''))
    }
    const obj = value as Json
    if (this.languages.length === 0) return [piped(String(obj.default ?? ''))]
    return this.languages.map((l) => {
      const text = l === 'en' ? obj.default : obj[l]
      return typeof text === 'string' ? piped(text) : ''
    })
  }

  expression(element: Json, source: unknown, scope: Partial<ExpressionScope> = {}): string {
    if (source === undefined || source === '') return ''
    const result = surveyJsToXpath(String(source), { kinds: this.kinds, ...scope })
    if (result.ok) return result.text
    this.fail(element, `${result.message} (in "${String(source)}")`)
    return ''
  }

  fail(element: Json, message: string) {
    this.problems.push({ question: String(element.name ?? ''), message })
  }

  row(cells: Record<string, string | string[]>) {
    const row: string[] = []
    for (const header of this.surveyHeader) row.push('')
    for (const [key, value] of Object.entries(cells)) {
      const values = Array.isArray(value) ? value : [value]
      values.forEach((v, i) => {
        const at = this.surveyHeader.indexOf(Array.isArray(value) ? `${key}#${i}` : key)
        row[at] = v
      })
    }
    this.survey.push(row)
  }

  container(element: Json, page: boolean) {
    const extra = Object.keys(element).filter(
      (k) =>
        !['type', 'name', 'title', 'description', 'visibleIf', 'elements'].includes(k) &&
        !IGNORED.has(k),
    )
    if (extra.length > 0)
      this.fail(element, `${extra.join(', ')} on a ${page ? 'page' : 'panel'} cannot be written`)
    this.row({
      type: 'begin_group',
      name: String(element.name ?? ''),
      label: this.texts(element.title),
      hint: this.texts(element.description),
      relevant: this.expression(element, element.visibleIf),
      appearance: page ? 'field-list' : '',
    })
    for (const child of (element.elements as Json[]) ?? []) this.element(child)
    this.row({ type: 'end_group' })
  }

  element(element: Json) {
    if (element.type === 'panel') return this.container(element, false)
    const name = String(element.name)
    const extra = Object.keys(element).filter((k) => !QUESTION_KEYS.has(k) && !IGNORED.has(k))
    if (extra.length > 0) this.fail(element, `${extra.join(', ')} cannot be written as XLSForm`)
    const type = this.xlsType(element)
    if (!type) return
    const cells: Record<string, string | string[]> = {
      type: type.type,
      name,
      label: this.texts(element.type === 'html' ? element.html : element.title),
      hint: this.texts(element.description),
      relevant: this.expression(element, element.visibleIf),
      appearance: type.appearance ?? '',
      parameters: type.parameters ?? '',
      dimension: this.dimensions.has(name) ? 'yes' : '',
    }
    if (element.isRequired === true) cells.required = 'yes'
    else if (element.requiredIf) cells.required = this.expression(element, element.requiredIf)
    cells.required_message = this.texts(element.requiredErrorText)
    this.constraints(element, cells)
    if (element.defaultValue !== undefined)
      cells.default = this.joined(element, element.defaultValue, 'default')
    if (element.correctAnswer !== undefined)
      cells.correct = this.joined(element, element.correctAnswer, 'correct')
    if (element.choicesVisibleIf) {
      cells.choice_filter = this.expression(element, element.choicesVisibleIf, {
        choiceFilter: true,
      })
    }
    cells.min_label = this.texts(element.minRateDescription)
    cells.max_label = this.texts(element.maxRateDescription)
    this.row(cells)
  }

  private joined(element: Json, value: unknown, what: string): string {
    const list = Array.isArray(value) ? value : [value]
    if (list.every((v) => ['string', 'number'].includes(typeof v) && !/\s/.test(String(v)))) {
      return list.map(String).join(' ')
    }
    this.fail(element, `its ${what} value cannot be written as choice names`)
    return ''
  }

  private constraints(element: Json, cells: Record<string, string | string[]>) {
    const parts: string[] = []
    let message: unknown
    if (typeof element.maxLength === 'number' && element.maxLength > 0) {
      parts.push(`string-length(.) <= ${element.maxLength}`)
    }
    for (const validator of (element.validators as Json[] | undefined) ?? []) {
      if (validator.type === 'regex' && validator.regex === INTEGER_REGEX) continue
      if (validator.type !== 'expression' || message !== undefined) {
        this.fail(element, `a ${String(validator.type)} validator cannot be written as XLSForm`)
        continue
      }
      parts.push(this.expression(element, validator.expression, { self: String(element.name) }))
      message = validator.text
    }
    cells.constraint =
      parts.length > 1 ? parts.map((p) => `(${p})`).join(' and ') : (parts[0] ?? '')
    cells.constraint_message = this.texts(message)
  }

  private xlsType(
    element: Json,
  ): { type: string; appearance?: string; parameters?: string } | undefined {
    const name = String(element.name)
    const type = String(element.type)
    const other = element.showOtherItem === true ? ' or_other' : ''
    const random = element.choicesOrder === 'random' ? 'randomize=true' : ''
    if (
      element.choicesOrder !== undefined &&
      element.choicesOrder !== 'random' &&
      element.choicesOrder !== 'none'
    ) {
      this.fail(element, `choicesOrder "${String(element.choicesOrder)}" cannot be written`)
    }
    switch (type) {
      case 'radiogroup':
        return {
          type: `select_one ${this.list(element, element.choices)}${other}`,
          parameters: random,
        }
      case 'dropdown':
        return {
          type: `select_one ${this.list(element, element.choices)}${other}`,
          appearance: 'minimal',
          parameters: random,
        }
      case 'checkbox': {
        // issue 22: a quiz checklist scored per option
        const scoring = element.scoring === 'per-option' ? 'scoring=per-option' : ''
        return {
          type: `select_multiple ${this.list(element, element.choices)}${other}`,
          parameters: [random, scoring].filter(Boolean).join(' '),
        }
      }
      case 'ranking':
        return { type: `rank ${this.list(element, element.choices)}`, parameters: random }
      case 'rating': {
        if (Array.isArray(element.rateValues) && element.rateValues.length > 0) {
          return {
            type: `select_one ${this.list(element, element.rateValues)}`,
            appearance: 'likert',
          }
        }
        const start = Number(element.rateMin ?? 1)
        const end = Number(element.rateMax ?? 5)
        const step = Number(element.rateStep ?? 1)
        return { type: 'range', parameters: `start=${start} end=${end} step=${step}` }
      }
      case 'comment':
        return { type: 'text', appearance: 'multiline' }
      case 'html':
        return { type: 'note' }
      case 'text': {
        const input = element.inputType ?? 'text'
        if (input === 'text') return { type: 'text' }
        if (input === 'date') return { type: 'date' }
        if (input === 'number') {
          const whole = ((element.validators as Json[]) ?? []).some(
            (v) => v.type === 'regex' && v.regex === INTEGER_REGEX,
          )
          return { type: whole ? 'integer' : 'decimal' }
        }
        this.fail(element, `text input "${String(input)}" has no XLSForm type`)
        return undefined
      }
      default:
        this.fail(element, `${type} questions have no XLSForm type (see the README's table)`)
        return undefined
    }
  }

  /** Writes the question's choices as a list named after it. */
  private list(element: Json, items: unknown): string {
    const list = String(element.name)
    if (!Array.isArray(items) || items.length === 0) {
      this.fail(element, 'choices must be listed in the questionnaire')
      return list
    }
    for (const item of items) {
      const choice: Json = isObject(item) ? item : { value: item }
      const extra = Object.keys(choice).filter((k) => !['value', 'text', 'isExclusive'].includes(k))
      if (extra.length > 0)
        this.fail(element, `choice properties ${extra.join(', ')} cannot be written`)
      if (!['string', 'number'].includes(typeof choice.value) || String(choice.value) === '') {
        this.fail(element, 'a choice without a plain value cannot be written')
        continue
      }
      this.choices.push([
        list,
        String(choice.value),
        ...this.texts(choice.text),
        choice.isExclusive === true ? 'yes' : '',
      ])
    }
    return list
  }
}

/** A SurveyJS definition as XLSForm sheets (pure), or what in it XLSForm cannot say. */
export function writeForm(
  definition: Json,
  meta: { formId: string; version?: number },
): FormExport {
  const { languages, fallback } = textLanguages(definition)
  const columns = (base: string) =>
    languages.length === 0 ? [base] : languages.map((l) => `${base}::${languageLabel(l)}`)
  const keyed = (base: string) =>
    languages.length === 0 ? [base] : languages.map((_, i) => `${base}#${i}`)
  const layout: [string, string[], string[]][] = [
    ['type', ['type'], ['type']],
    ['name', ['name'], ['name']],
    ['label', columns('label'), keyed('label')],
    ['hint', columns('hint'), keyed('hint')],
    ['required', ['required'], ['required']],
    ['required_message', columns('required_message'), keyed('required_message')],
    ['relevant', ['relevant'], ['relevant']],
    ['constraint', ['constraint'], ['constraint']],
    ['constraint_message', columns('constraint_message'), keyed('constraint_message')],
    ['appearance', ['appearance'], ['appearance']],
    ['default', ['default'], ['default']],
    ['choice_filter', ['choice_filter'], ['choice_filter']],
    ['parameters', ['parameters'], ['parameters']],
    ['correct', ['correct'], ['correct']],
    ['dimension', ['dimension'], ['dimension']],
    ['min_label', columns('min_label'), keyed('min_label')],
    ['max_label', columns('max_label'), keyed('max_label')],
  ]
  const header = layout.flatMap(([, shown]) => shown)
  const writer = new SheetWriter(
    definition,
    languages,
    fallback,
    layout.flatMap(([, , keys]) => keys),
  )
  const extra = Object.keys(definition).filter((k) => !SURVEY_KEYS.has(k))
  if (extra.length > 0)
    writer.fail({ name: '' }, `survey settings ${extra.join(', ')} cannot be written`)
  const pages = Array.isArray(definition.pages) ? (definition.pages as Json[]) : []
  if (Array.isArray(definition.elements))
    pages.unshift({ name: 'page1', elements: definition.elements })
  for (const page of pages) writer.container(page, true)
  if (writer.problems.length > 0) return { ok: false, problems: writer.problems }

  const settingsHeader = [
    ...columns('form_title'),
    'form_id',
    'version',
    ...(fallback ? ['default_language'] : []),
    ...columns('description'),
    ...columns('completed_html'),
  ]
  const settingsRow = [
    ...writer.texts(definition.title),
    meta.formId,
    meta.version === undefined ? '' : String(meta.version),
    ...(fallback ? [languageLabel(fallback)] : []),
    ...writer.texts(definition.description),
    ...writer.texts(definition.completedHtml),
  ]
  for (const name of DISPLAY_SETTINGS) {
    if (definition[name] === undefined) continue
    settingsHeader.push(name)
    settingsRow.push(String(definition[name]))
  }
  for (const key of CONTACT_SETTINGS) {
    const entry = definition[key]
    if (entry === undefined) continue
    const known = new Set<string>(CONTACT_FIELDS.map((f) => f.field))
    if (!isObject(entry) || Object.keys(entry).some((field) => !known.has(field))) {
      writer.fail({ name: '' }, `${key} cannot be written (fields: name, hours, phone, email, url)`)
      continue
    }
    for (const { field, localized } of CONTACT_FIELDS) {
      const value = entry[field]
      if (value === undefined) continue
      if (localized) {
        settingsHeader.push(...columns(`${key}_${field}`))
        settingsRow.push(...writer.texts(value))
      } else if (typeof value === 'string') {
        settingsHeader.push(`${key}_${field}`)
        settingsRow.push(value)
      } else writer.fail({ name: '' }, `${key} ${field} is written as one text for every language`)
    }
  }
  const levels =
    definition.levels === undefined
      ? undefined
      : writeLevelsSheet(definition.levels, (t) => writer.texts(t), columns, (message) =>
          writer.fail({ name: '' }, message),
        )
  if (writer.problems.length > 0) return { ok: false, problems: writer.problems }
  return {
    ok: true,
    sheets: {
      survey: [header, ...writer.survey],
      choices: [['list_name', 'name', ...columns('label'), 'exclusive'], ...writer.choices],
      settings: [settingsHeader, settingsRow],
      ...(levels ? { levels } : {}),
    },
  }
}

/** Sheets of strings as the reader's Workbook (tests round-trip without a file). */
export function asWorkbook(sheets: SheetTexts): Workbook {
  const sheet = (name: keyof Workbook) => {
    const [columns = [], ...rows] = sheets[name] ?? []
    return {
      name,
      columns,
      rows: rows.map((cells, i) => ({
        row: i + 2,
        cells: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])),
      })),
    }
  }
  return {
    survey: sheet('survey'),
    choices: sheet('choices'),
    settings: sheet('settings'),
    levels: sheet('levels'),
  }
}
