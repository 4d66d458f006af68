import { isPlainObject } from '../../domain/answers/json.js'
import { isText, readLevels } from '../../domain/dimension-levels.js'
import type { Dimension } from '../../domain/dimensions.js'
import type { Sheet, SheetRow } from './problems.js'
import { Columns, Report } from './rows.js'
import { localizedText, type Languages, type Localized } from './texts.js'
import { LEVEL_COLUMNS, LEVEL_LOCALIZED } from './vocabulary.js'

// The `levels` sheet: one row per member of a group (README, "Questionnaires in a spreadsheet").
// A definition's "levels" (server/domain/dimension-levels.ts) hold texts in every language per
// group, which fit no single settings row; a row per member is how choices are written too.

type Json = Record<string, unknown>
interface Group {
  row: number
  text?: Localized
  members: string[]
}
interface Draft {
  name: string
  of: string
  row: number
  dimension?: Dimension
  title?: Localized
  groups: Map<string, Group>
  /** member -> its group and row, for "in two groups" */
  seen: Map<string, { group: string; row: number }>
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export class LevelsSheet {
  readonly columns: Columns
  private readonly drafts = new Map<string, Draft>()

  constructor(
    private readonly sheet: Sheet,
    private readonly report: Report,
  ) {
    this.columns = new Columns(sheet, LEVEL_COLUMNS, LEVEL_LOCALIZED, report)
  }

  get empty() {
    return this.sheet.rows.length === 0
  }

  private problem(row: number, base: string, message: string) {
    this.report.problem(this.sheet.name, row, base === '' ? '' : this.columns.header(base), message)
  }

  /**
   * The definition's "levels", or undefined when the sheet has no rows. `dimensions` are the
   * definition's without levels; `dimensionErrors` say why a marked question is not one.
   */
  read(
    dimensions: readonly Dimension[],
    dimensionErrors: readonly string[],
    languages: Languages,
  ): Json[] | undefined {
    if (this.empty) return undefined
    const before = this.report.problems.length
    for (const row of this.sheet.rows) this.row(row, dimensions, dimensionErrors, languages)
    for (const draft of this.drafts.values()) {
      if (!draft.dimension) continue
      const missing = draft.dimension.values.filter((v) => !draft.seen.has(v))
      if (missing.length > 0) {
        this.problem(
          draft.row,
          'member',
          `Every choice of ${draft.of} needs a group in level "${draft.name}"; ` +
            `missing: ${missing.join(', ')}.`,
        )
      }
    }
    const drafts = [...this.drafts.values()]
    const levels = drafts.map(asLevel)
    // The rules the sheet does not check row by row (names, at least two groups, how many
    // levels), as every definition's levels are checked: each level's at its first row.
    if (this.report.problems.length === before) {
      const reported = new Set<string>()
      drafts.forEach((draft, i) => {
        for (const message of readLevels([levels[i]], dimensions).errors) {
          this.problem(draft.row, 'level', message)
          reported.add(message)
        }
      })
      for (const message of readLevels(levels, dimensions).errors) {
        if (!reported.has(message)) this.problem(1, '', message)
      }
    }
    return levels
  }

  private row(
    row: SheetRow,
    dimensions: readonly Dimension[],
    dimensionErrors: readonly string[],
    languages: Languages,
  ) {
    const keys = ['level', 'of', 'group', 'member']
    const [name, of, value, member] = keys.map((base) => this.columns.get(row, base))
    const empty = keys.find((base) => this.columns.get(row, base) === '')
    if (empty) {
      this.problem(row.row, empty, `Each row needs a level, of, group and member (no ${empty}).`)
      return
    }
    const key = `${of}.${name}`
    let draft = this.drafts.get(key)
    if (!draft) {
      const dimension = dimensions.find((d) => d.name === of)
      draft = { name, of, row: row.row, dimension, groups: new Map(), seen: new Map() }
      this.drafts.set(key, draft)
      if (!dimension) {
        const why = dimensionErrors.find((e) => e.includes(`"${of}"`))
        this.problem(
          row.row,
          'of',
          why
            ? `"${of}" cannot group results: ${why}.`
            : `"${of}" is not a dimension: write yes in its dimension column on the survey sheet.`,
        )
      }
    }
    draft.title = this.text(row, 'level_label', draft.title, `level "${name}"`, languages)
    const group = draft.groups.get(value) ?? { row: row.row, members: [] }
    draft.groups.set(value, group)
    group.text = this.text(row, 'label', group.text, `group "${value}"`, languages)
    group.members.push(member)
    if (!draft.dimension) return
    const earlier = draft.seen.get(member)
    if (!draft.dimension.values.includes(member)) {
      this.problem(row.row, 'member', `"${member}" is not a choice of ${of}.`)
    } else if (earlier) {
      const where = earlier.group === value ? 'also' : `already in group "${earlier.group}"`
      this.problem(
        row.row,
        'member',
        `"${member}" is ${where} in row ${earlier.row}: each choice is in one group of a level.`,
      )
    } else draft.seen.set(member, { group: value, row: row.row })
  }

  /** A text given once (the first row) or alike on every row; another one is a problem. */
  private text(
    row: SheetRow,
    base: string,
    known: Localized | undefined,
    of: string,
    languages: Languages,
  ): Localized | undefined {
    // Missing languages are warned about once, where the text is first given.
    const quiet = localizedText(this.columns, row, base, languages, new Report())
    if (quiet === undefined) return known
    if (known === undefined) return localizedText(this.columns, row, base, languages, this.report)
    if (!same(quiet, known)) {
      this.problem(
        row.row,
        base,
        `The ${of} has another ${base} in an earlier row: give it once, or alike on every row.`,
      )
    }
    return known
  }
}

function asLevel(draft: Draft): Json {
  const level: Json = { name: draft.name, of: draft.of }
  if (draft.title !== undefined) level.title = draft.title
  level.groups = [...draft.groups].map(([value, group]) =>
    group.text === undefined
      ? { value, members: group.members }
      : { value, text: group.text, members: group.members },
  )
  return level
}


/**
 * The definition's "levels" as the sheet's rows: a row per member, the level's title on its first
 * row and each group's text on the group's first row. What the sheet cannot hold is a problem
 * (the file is never written with something left out).
 */
export function writeLevelsSheet(
  levels: unknown,
  texts: (text: unknown) => string[],
  columns: (base: string) => string[],
  fail: (message: string) => void,
): string[][] | undefined {
  const problem = (why: string) => (fail(`levels cannot be written: ${why}`), undefined)
  if (!Array.isArray(levels)) return problem('they are not a list')
  const header = ['level', 'of', ...columns('level_label'), 'group', ...columns('label'), 'member']
  const blank = (base: string) => columns(base).map(() => '')
  const rows: string[][] = [header]
  for (const level of levels) {
    if (!isPlainObject(level)) return problem('a level is not an object')
    const { name, of, title, groups } = level
    const extra = Object.keys(level).filter((k) => !['name', 'of', 'title', 'groups'].includes(k))
    if (extra.length > 0) return problem(`${extra.join(', ')} on a level`)
    if (typeof name !== 'string' || typeof of !== 'string' || !isText(title)) {
      return problem('a level needs a name, of and a text title')
    }
    if (!Array.isArray(groups)) return problem(`level "${name}" has no list of groups`)
    let first = true
    for (const group of groups) {
      const keys = isPlainObject(group) ? Object.keys(group) : []
      if (!isPlainObject(group) || keys.some((k) => !['value', 'text', 'members'].includes(k))) {
        return problem(`a group of "${name}" has properties other than value, text, members`)
      }
      const { value, text, members } = group
      const listed = Array.isArray(members) && members.every((m) => typeof m === 'string')
      if (typeof value !== 'string' || !isText(text) || !listed || members.length === 0) {
        return problem(`a group of "${name}" needs a value, a text and members`)
      }
      ;(members as string[]).forEach((member, i) => {
        rows.push([
          name,
          of,
          ...(first ? texts(title) : blank('level_label')),
          value,
          ...(i === 0 ? texts(text) : blank('label')),
          member,
        ])
        first = false
      })
    }
  }
  return rows
}
