import { splitColumn } from './languages.js'
import type { Sheet, SheetProblem, SheetRow } from './problems.js'

/** Collects problems (refusals) and warnings as the sheets are read. */
export class Report {
  readonly problems: SheetProblem[] = []
  readonly warnings: SheetProblem[] = []
  problem(sheet: string, row: number, column: string, message: string) {
    this.problems.push({ sheet, row, column, message })
  }
  warn(sheet: string, row: number, column: string, message: string) {
    this.warnings.push({ sheet, row, column, message })
  }
}

/** A sheet's columns by base name, with the language columns of each. */
export class Columns {
  private readonly byBase = new Map<string, { header: string; lang?: string }[]>()

  constructor(
    readonly sheet: Sheet,
    known: ReadonlySet<string>,
    localized: ReadonlySet<string>,
    report: Report,
  ) {
    for (const header of sheet.columns) {
      if (header === '') continue
      const parsed = splitColumn(header)
      if (typeof parsed === 'string') {
        report.problem(sheet.name, 1, header, parsed)
        continue
      }
      const base = parsed.base.toLowerCase().replace(/ /g, '_')
      if (!known.has(base)) {
        report.warn(sheet.name, 1, header, `The column "${header}" is not used.`)
        continue
      }
      if (parsed.lang && !localized.has(base)) {
        report.warn(sheet.name, 1, header, `"${base}" has no languages; the column is not used.`)
        continue
      }
      const list = this.byBase.get(base) ?? []
      list.push({ header, lang: parsed.lang })
      this.byBase.set(base, list)
    }
  }

  /** The plain column's text ('' when absent). */
  get(row: SheetRow, base: string): string {
    const column = this.byBase.get(base)?.find((c) => c.lang === undefined)
    return column ? (row.cells[column.header] ?? '') : ''
  }

  /** The header a plain column has in this sheet (for problem reports). */
  header(base: string): string {
    return this.byBase.get(base)?.find((c) => c.lang === undefined)?.header ?? base
  }

  languageColumns(base: string) {
    return this.byBase.get(base) ?? []
  }

  languages(): string[] {
    const found: string[] = []
    for (const columns of this.byBase.values()) {
      for (const { lang } of columns) if (lang && !found.includes(lang)) found.push(lang)
    }
    return found
  }
}
