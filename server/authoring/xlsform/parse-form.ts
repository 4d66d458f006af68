import { DEFAULT_DIMENSIONS, readDimensions } from '../../domain/dimensions.js'
import { xpathToSurveyJs, type ExpressionScope, type ValueKind } from './expressions.js'
import { languageCode } from './languages.js'
import { LevelsSheet } from './levels-sheet.js'
import type { SheetProblem, SheetRow, Workbook } from './problems.js'
import { Columns, Report } from './rows.js'
import { localizedText, type Languages, type Localized } from './texts.js'
import {
  CHOICE_COLUMNS,
  CHOICE_LOCALIZED,
  CONTACT_FIELDS,
  CONTACT_SETTINGS,
  DISPLAY_SETTINGS,
  INTEGER_MESSAGE,
  INTEGER_REGEX,
  METADATA_TYPES,
  NAME,
  NO,
  SETTINGS_COLUMNS,
  SETTINGS_LOCALIZED,
  SURVEY_COLUMNS,
  SURVEY_LOCALIZED,
  YES,
} from './vocabulary.js'

export type FormImport =
  | { ok: true; definition: Record<string, unknown>; warnings: SheetProblem[] }
  | { ok: false; problems: SheetProblem[]; warnings: SheetProblem[] }

type Json = Record<string, unknown>
interface Choice {
  row: number
  name: string
  item: Json
}
interface TypeCell {
  kind: string
  list?: string
  orOther: boolean
}

const SELECT_KINDS = new Set(['select_one', 'select_multiple', 'rank'])

/** `select_one yes_no or_other` (also `select one ...`, `or other`); list names keep their case. */
function parseType(raw: string): TypeCell {
  let words = raw.trim().split(/\s+/)
  const first = words[0].toLowerCase()
  if (['begin', 'end', 'select'].includes(first) && words.length > 1) {
    words = [`${first}_${words[1].toLowerCase()}`, ...words.slice(2)]
  } else words = [first, ...words.slice(1)]
  const kind = words[0]
  let rest = words.slice(1)
  let orOther = false
  const tail = rest.map((w) => w.toLowerCase()).join(' ')
  if (tail.endsWith(' or_other') || tail.endsWith(' or other')) {
    orOther = true
    rest = rest.slice(0, tail.endsWith(' or_other') ? -1 : -2)
  }
  if (!SELECT_KINDS.has(kind))
    return { kind: rest.length > 0 ? `${kind} ${rest.join(' ')}` : kind, orOther: false }
  return { kind, list: rest.length === 1 ? rest[0] : undefined, orOther }
}

/** `start=1 end=10 step=1` (spaces, commas or semicolons between). */
function parseParameters(text: string): Map<string, string> | string {
  const map = new Map<string, string>()
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^([\w-]+)=(\S+)$/.exec(part)
    if (!m) return `"${part}" is not name=value`
    map.set(m[1].toLowerCase(), m[2])
  }
  return map
}

const isExpression = (text: string) => /\$\{|\(/.test(text)

/** The XLSForm sheets as a SurveyJS definition (pure); problems refuse it, warnings do not. */
export function parseForm(book: Workbook): FormImport {
  const report = new Report()
  const survey = new Columns(book.survey, SURVEY_COLUMNS, SURVEY_LOCALIZED, report)
  const choices = new Columns(book.choices, CHOICE_COLUMNS, CHOICE_LOCALIZED, report)
  const settings = new Columns(book.settings, SETTINGS_COLUMNS, SETTINGS_LOCALIZED, report)
  const levelsSheet = new LevelsSheet(book.levels, report)
  if (book.survey.rows.length === 0) {
    report.problem('survey', 1, '', 'The workbook needs a "survey" sheet with a row per question.')
  }
  for (const base of ['type', 'name']) {
    if (
      book.survey.rows.length > 0 &&
      !book.survey.columns.some((c) => c.trim().toLowerCase() === base)
    ) {
      report.problem('survey', 1, base, `The survey sheet needs a "${base}" column.`)
    }
  }
  const settingsRow: SheetRow = book.settings.rows[0] ?? { row: 2, cells: {} }
  const all = [
    ...new Set(
      [survey, choices, settings, levelsSheet.columns].flatMap((columns) => columns.languages()),
    ),
  ]
  const declared = settings.get(settingsRow, 'default_language')
  const fallback = declared === '' ? undefined : languageCode(declared)
  if (declared !== '' && !fallback) {
    report.problem(
      'settings',
      settingsRow.row,
      'default_language',
      `"${declared}" is not a language; write e.g. "Suomi (fi)".`,
    )
  }
  const languages: Languages = { all, fallback: fallback ?? (all.includes('en') ? 'en' : all[0]) }
  const text = (columns: Columns, row: SheetRow, base: string) =>
    localizedText(columns, row, base, languages, report)

  const lists = readChoices(book, choices, text, report)
  const builder = new FormBuilder(survey, lists, text, report)
  const definition = builder.build(book.survey.rows)

  const title = text(settings, settingsRow, 'form_title')
  const description = text(settings, settingsRow, 'description')
  const completed = text(settings, settingsRow, 'completed_html')
  const head: Json = {}
  if (title !== undefined) head.title = title
  if (description !== undefined) head.description = description
  for (const name of DISPLAY_SETTINGS) {
    const value = settings.get(settingsRow, name.toLowerCase())
    if (value !== '') head[name] = value === 'true' ? true : value === 'false' ? false : value
  }
  if (completed !== undefined) head.completedHtml = completed
  for (const key of CONTACT_SETTINGS) {
    const entry: Json = {}
    for (const { field, localized } of CONTACT_FIELDS) {
      const column = `${key}_${field}`
      const value = localized
        ? text(settings, settingsRow, column)
        : settings.get(settingsRow, column) || undefined
      if (value !== undefined) entry[field] = value
    }
    if (Object.keys(entry).length > 0) head[key] = entry
  }
  if (builder.dimensions.length > 0 || builder.hasDefaultNames) {
    // Marked exactly as the default names would be: say nothing, as the bundled file does.
    const defaults = DEFAULT_DIMENSIONS.filter((n) => builder.questionNames.has(n))
    const same =
      defaults.length === builder.dimensions.length &&
      defaults.every((n) => builder.dimensions.includes(n))
    if (!same) head.dimensions = builder.dimensions
  }
  const levels = readLevelsSheet(levelsSheet, { ...head, pages: definition }, languages)
  if (levels) head.levels = levels
  const warnings = report.warnings
  if (report.problems.length > 0) return { ok: false, problems: report.problems, warnings }
  return { ok: true, definition: { ...head, pages: definition }, warnings }
}

/** The levels sheet read against the dimensions the other sheets declare. */
function readLevelsSheet(sheet: LevelsSheet, definition: Json, languages: Languages) {
  if (sheet.empty) return undefined
  let read: ReturnType<typeof readDimensions> = { dimensions: [], levels: [], errors: [] }
  try {
    read = readDimensions(definition)
  } catch {
    // survey-core could not read the rest: its problems are reported, and no level fits
  }
  return sheet.read(read.dimensions, read.errors, languages)
}

type TextOf = (columns: Columns, row: SheetRow, base: string) => Localized | undefined

function readChoices(book: Workbook, columns: Columns, text: TextOf, report: Report) {
  const lists = new Map<string, Choice[]>()
  for (const row of book.choices.rows) {
    const list = columns.get(row, 'list_name')
    const name = columns.get(row, 'name')
    if (list === '' && name === '') continue
    if (list === '' || name === '') {
      const column = list === '' ? 'list_name' : 'name'
      report.problem('choices', row.row, columns.header(column), `The choice needs a ${column}.`)
      continue
    }
    const entries = lists.get(list) ?? []
    if (entries.some((c) => c.name === name)) {
      report.problem(
        'choices',
        row.row,
        columns.header('name'),
        `"${name}" is listed twice in "${list}".`,
      )
    }
    const item: Json = { value: name }
    const label = text(columns, row, 'label')
    if (label !== undefined) item.text = label
    const exclusive = columns.get(row, 'exclusive').toLowerCase()
    if (YES.has(exclusive)) item.isExclusive = true
    else if (!NO.has(exclusive)) {
      report.problem('choices', row.row, columns.header('exclusive'), 'Write yes or leave empty.')
    }
    entries.push({ row: row.row, name, item })
    lists.set(list, entries)
  }
  return lists
}

interface Frame {
  element: Json
  row: number
  page: boolean
}

class FormBuilder {
  readonly pages: Json[] = []
  readonly dimensions: string[] = []
  readonly questionNames = new Set<string>()
  hasDefaultNames = false
  private readonly kinds = new Map<string, ValueKind>()
  private readonly listOf = new Map<string, string>()
  private readonly stack: Frame[] = []
  private loose: Json | undefined
  private readonly names = new Map<string, number>()

  constructor(
    private readonly columns: Columns,
    private readonly lists: Map<string, Choice[]>,
    private readonly text: TextOf,
    private readonly report: Report,
  ) {}

  private problem(row: SheetRow | number, column: string, message: string) {
    const at = typeof row === 'number' ? row : row.row
    this.report.problem('survey', at, this.columns.header(column), message)
  }

  private warn(row: SheetRow, column: string, message: string) {
    this.report.warn('survey', row.row, this.columns.header(column), message)
  }

  build(rows: SheetRow[]): Json[] {
    // Expressions may name questions further down, so every name is known first.
    for (const row of rows) {
      const type = parseType(this.columns.get(row, 'type'))
      const name = this.columns.get(row, 'name')
      if (name === '') continue
      const kind: ValueKind =
        type.kind === 'select_one'
          ? 'one'
          : ['select_multiple', 'rank'].includes(type.kind)
            ? 'many'
            : 'other'
      if (!['begin_group', 'end_group', 'note'].includes(type.kind)) this.kinds.set(name, kind)
      if (type.list) this.listOf.set(name, type.list)
    }
    for (const row of rows) this.row(row)
    for (const open of this.stack) this.problem(open.row, 'type', 'This group has no end_group.')
    return this.pages
  }

  private add(element: Json) {
    const top = this.stack.at(-1)
    if (top) {
      ;(top.element.elements as Json[]).push(element)
      return
    }
    if (!this.loose) {
      this.loose = { name: `page${this.pages.length + 1}`, elements: [] }
      this.pages.push(this.loose)
    }
    ;(this.loose.elements as Json[]).push(element)
  }

  private expression(row: SheetRow, column: string, scope: Partial<ExpressionScope> = {}) {
    const source = this.columns.get(row, column)
    if (source === '') return undefined
    const result = xpathToSurveyJs(source, { kinds: this.kinds, ...scope })
    if (!result.ok) {
      this.problem(row, column, `${result.message} (in "${source}")`)
      return undefined
    }
    return result.text
  }

  private named(row: SheetRow, required = true): string | undefined {
    const name = this.columns.get(row, 'name')
    if (name === '') {
      if (required) this.problem(row, 'name', 'Every question and group needs a name.')
      return undefined
    }
    if (!NAME.test(name)) {
      this.problem(
        row,
        'name',
        `"${name}" must start with a letter or _ and hold only letters, digits, _ . -`,
      )
    }
    const earlier = this.names.get(name)
    if (earlier !== undefined)
      this.problem(row, 'name', `"${name}" is also the name in row ${earlier}.`)
    this.names.set(name, row.row)
    return name
  }

  private row(row: SheetRow) {
    const raw = this.columns.get(row, 'type')
    if (raw === '') {
      if (Object.values(row.cells).some((v) => v !== ''))
        this.problem(row, 'type', 'This row has no type.')
      return
    }
    const type = parseType(raw)
    if (METADATA_TYPES.has(type.kind)) {
      this.warn(row, 'type', `"${type.kind}" is not collected: answers are anonymous.`)
      return
    }
    if (type.kind === 'begin_group') return this.beginGroup(row)
    if (type.kind === 'end_group') {
      if (!this.stack.pop()) this.problem(row, 'type', 'end_group without a begin_group.')
      return
    }
    const element = this.question(row, type)
    if (element) this.add(element)
  }

  private common(row: SheetRow, element: Json) {
    const title = this.text(this.columns, row, 'label')
    if (title !== undefined) element[element.type === 'html' ? 'html' : 'title'] = title
    else if (element.type !== 'html') this.warn(row, 'label', 'No label: respondents see the name.')
    const hint = this.text(this.columns, row, 'hint')
    if (hint !== undefined) element.description = hint
    const relevant = this.expression(row, 'relevant')
    if (relevant) element.visibleIf = relevant
  }

  private beginGroup(row: SheetRow) {
    const name = this.named(row)
    const appearance = this.columns.get(row, 'appearance')
    const page = this.stack.length === 0 && appearance === 'field-list'
    if (appearance !== '' && appearance !== 'field-list') {
      this.warn(row, 'appearance', `The appearance "${appearance}" is not used for groups.`)
    }
    const element: Json = page ? { name } : { type: 'panel', name }
    this.common(row, element)
    element.elements = []
    if (page) {
      this.pages.push(element)
      this.loose = undefined
    } else this.add(element)
    this.stack.push({ element, row: row.row, page })
  }

  private question(row: SheetRow, type: TypeCell): Json | undefined {
    const name = this.named(row)
    if (!name) return undefined
    const element = this.typed(row, type, name)
    if (!element) return undefined
    this.questionNames.add(name)
    if ((DEFAULT_DIMENSIONS as readonly string[]).includes(name)) this.hasDefaultNames = true
    this.common(row, element)
    if (element.type === 'html') return element
    this.required(row, element)
    this.constraint(row, element, name)
    this.defaults(row, element, type)
    this.quiz(row, element, type)
    const dimension = this.columns.get(row, 'dimension').toLowerCase()
    if (YES.has(dimension)) this.dimensions.push(name)
    else if (!NO.has(dimension)) this.problem(row, 'dimension', 'Write yes or leave empty.')
    return element
  }

  private typed(row: SheetRow, type: TypeCell, name: string): Json | undefined {
    const appearance = this.columns.get(row, 'appearance')
    const used = new Set<string>()
    const params = parseParameters(this.columns.get(row, 'parameters'))
    if (typeof params === 'string') {
      this.problem(row, 'parameters', params)
      return undefined
    }
    let element: Json | undefined
    switch (type.kind) {
      case 'select_one':
      case 'select_multiple':
      case 'rank': {
        const list = this.choices(row, type, name)
        if (!list) return undefined
        if (type.kind === 'rank') element = { type: 'ranking', name, choices: list }
        else if (type.kind === 'select_multiple')
          element = { type: 'checkbox', name, choices: list }
        else if (appearance === 'minimal') element = { type: 'dropdown', name, choices: list }
        else if (appearance === 'likert') element = { type: 'rating', name, rateValues: list }
        else element = { type: 'radiogroup', name, choices: list }
        if (
          (type.kind === 'select_one' && ['minimal', 'likert'].includes(appearance)) ||
          appearance === ''
        ) {
          used.add('appearance')
        }
        if (type.orOther) {
          if (type.kind === 'rank' || appearance === 'likert') {
            this.problem(row, 'type', 'or_other is for select_one and select_multiple only.')
          } else element.showOtherItem = true
        }
        const randomize = params.get('randomize')
        if (randomize !== undefined) {
          used.add('randomize')
          if (randomize === 'true') element.choicesOrder = 'random'
        }
        // issue 22: a quiz checklist scored per option (server/domain/score-quiz.ts)
        const scoring = params.get('scoring')
        if (scoring !== undefined && type.kind === 'select_multiple') {
          used.add('scoring')
          if (scoring === 'per-option') element.scoring = 'per-option'
          else if (scoring !== 'all') {
            this.problem(row, 'parameters', 'scoring is per-option or all.')
          }
        }
        const filter = this.expression(row, 'choice_filter', { choiceFilter: true })
        if (filter) element.choicesVisibleIf = filter
        break
      }
      case 'text':
        element = { type: appearance === 'multiline' ? 'comment' : 'text', name }
        if (appearance === 'multiline' || appearance === '') used.add('appearance')
        break
      case 'integer':
        element = { type: 'text', name, inputType: 'number' }
        element.validators = [{ type: 'regex', regex: INTEGER_REGEX, text: INTEGER_MESSAGE }]
        break
      case 'decimal':
        element = { type: 'text', name, inputType: 'number' }
        break
      case 'date':
        element = { type: 'text', name, inputType: 'date' }
        break
      case 'note':
        element = { type: 'html', name }
        break
      case 'range':
        element = this.range(row, name, params, used)
        break
      default:
        this.problem(
          row,
          'type',
          `The type "${type.kind}" is not supported (see the README's table).`,
        )
        return undefined
    }
    if (!element) return undefined
    if (appearance !== '' && !used.has('appearance')) {
      this.warn(row, 'appearance', `The appearance "${appearance}" is not used for ${type.kind}.`)
    }
    for (const key of params.keys()) {
      if (!used.has(key))
        this.warn(row, 'parameters', `The parameter "${key}" is not used for ${type.kind}.`)
    }
    if (this.columns.get(row, 'choice_filter') !== '' && !type.list) {
      this.problem(row, 'choice_filter', 'choice_filter is for select questions only.')
    }
    for (const base of ['min_label', 'max_label']) {
      const label = this.text(this.columns, row, base)
      if (label === undefined) continue
      if (element.type !== 'rating' || element.rateValues) {
        this.problem(row, base, `${base} is for range questions only.`)
      } else element[base === 'min_label' ? 'minRateDescription' : 'maxRateDescription'] = label
    }
    return element
  }

  private range(row: SheetRow, name: string, params: Map<string, string>, used: Set<string>) {
    const number = (key: string, fallback: number) => {
      used.add(key)
      const raw = params.get(key)
      return raw === undefined ? fallback : Number(raw)
    }
    const start = number('start', 1)
    const end = number('end', 10)
    const step = number('step', 1)
    const steps = (end - start) / step
    if (![start, end, step].every(Number.isFinite) || step <= 0 || steps < 1 || steps > 100) {
      this.problem(
        row,
        'parameters',
        'A range needs start < end and a step > 0, at most 100 steps.',
      )
      return undefined
    }
    const element: Json = { type: 'rating', name, rateMin: start, rateMax: end }
    if (step !== 1) element.rateStep = step
    return element
  }

  private choices(row: SheetRow, type: TypeCell, name: string): Json[] | undefined {
    const list = type.list === undefined ? undefined : this.lists.get(type.list)
    if (type.list === undefined) {
      this.problem(row, 'type', `Write the type as "${type.kind} <list name>".`)
      return undefined
    }
    if (!list || list.length === 0) {
      this.problem(row, 'type', `There is no choice list "${type.list}" on the choices sheet.`)
      return undefined
    }
    if (type.orOther && list.some((c) => c.name === 'other')) {
      this.problem(
        row,
        'type',
        `or_other adds the choice "other", which "${type.list}" already has.`,
      )
    }
    if (type.kind !== 'select_one') {
      for (const c of list) {
        if (/\s/.test(c.name)) {
          this.report.problem(
            'choices',
            c.row,
            'name',
            `"${c.name}": choice names of ${name} cannot hold spaces.`,
          )
        }
      }
    }
    return list.map((c) => structuredClone(c.item))
  }

  private required(row: SheetRow, element: Json) {
    const required = this.columns.get(row, 'required')
    const lower = required.toLowerCase()
    if (YES.has(lower)) element.isRequired = true
    else if (!NO.has(lower)) {
      const condition = this.expression(row, 'required')
      if (condition) element.requiredIf = condition
    }
    const message = this.text(this.columns, row, 'required_message')
    if (message !== undefined) element.requiredErrorText = message
  }

  private constraint(row: SheetRow, element: Json, name: string) {
    const source = this.columns.get(row, 'constraint')
    const message = this.text(this.columns, row, 'constraint_message')
    const maxLength = /^string-length\(\s*\.\s*\)\s*<=\s*(\d{1,9})$/.exec(source)
    if (maxLength && message === undefined && ['text', 'comment'].includes(String(element.type))) {
      element.maxLength = Number(maxLength[1])
      return
    }
    const expression = this.expression(row, 'constraint', { self: name })
    if (!expression) return
    const validator: Json = { type: 'expression', expression }
    if (message !== undefined) validator.text = message
    element.validators = [...((element.validators as Json[] | undefined) ?? []), validator]
  }

  private values(element: Json): string[] | undefined {
    const items = (element.choices ?? element.rateValues) as Json[] | undefined
    return items?.map((c) => String(c.value))
  }

  private defaults(row: SheetRow, element: Json, type: TypeCell) {
    const raw = this.columns.get(row, 'default')
    if (raw === '') return
    if (isExpression(raw)) {
      this.problem(row, 'default', 'Only fixed default values are supported, not expressions.')
      return
    }
    const values = this.values(element)
    const many = type.kind === 'select_multiple' || type.kind === 'rank'
    const given = many ? raw.split(/\s+/) : [raw]
    if (values && given.some((v) => !values.includes(v))) {
      this.problem(row, 'default', `"${raw}" is not a choice of this question.`)
      return
    }
    if (element.inputType === 'number' || (element.type === 'rating' && !element.rateValues)) {
      const number = Number(raw)
      if (!Number.isFinite(number)) this.problem(row, 'default', `"${raw}" is not a number.`)
      else element.defaultValue = number
      return
    }
    element.defaultValue = many ? given : raw
  }

  private quiz(row: SheetRow, element: Json, type: TypeCell) {
    const raw = this.columns.get(row, 'correct')
    if (raw === '') return
    const values = this.values(element)
    if (!type.list || !values) {
      this.problem(row, 'correct', 'correct is for select questions (a choice name, or several).')
      return
    }
    const names = raw.split(/\s+/)
    const unknown = names.filter((n) => !values.includes(n))
    if (unknown.length > 0) {
      this.problem(row, 'correct', `"${unknown.join(' ')}" is not a choice of this question.`)
      return
    }
    if (type.kind === 'select_one' && names.length > 1) {
      this.problem(row, 'correct', 'A select_one question has one correct choice.')
      return
    }
    element.correctAnswer = type.kind === 'select_one' ? names[0] : names
  }
}
