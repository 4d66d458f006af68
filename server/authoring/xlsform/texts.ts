import type { SheetRow } from './problems.js'
import type { Columns, Report } from './rows.js'

/** A SurveyJS text: plain, or per language with `default` (what survey-core shows in English). */
export type Localized = string | Record<string, string>

/** The languages of the whole workbook and the one whose text is `default` when there is no en. */
export interface Languages {
  all: string[]
  fallback?: string
}

// ODK pipes answers into texts as ${q}; SurveyJS as {q}.
const pipedIn = (text: string) => text.replace(/\$\{([A-Za-z_][\w.-]*)\}/g, '{$1}')

/**
 * The text of `base` in every language of a row. survey-core shows `default` for English (an `en`
 * key is never read), so English goes there; without English, the fallback language does.
 * A language the workbook has but this row lacks is a warning: respondents get `default` instead.
 */
export function localizedText(
  columns: Columns,
  row: SheetRow,
  base: string,
  languages: Languages,
  report: Report,
): Localized | undefined {
  const byLang = new Map<string, string>()
  let plain = ''
  for (const { header, lang } of columns.languageColumns(base)) {
    const text = row.cells[header] ?? ''
    if (text === '') continue
    if (lang === undefined) plain = pipedIn(text)
    else byLang.set(lang, pipedIn(text))
  }
  if (languages.all.length === 0) return plain === '' ? undefined : plain
  const plainLang = languages.fallback ?? languages.all[0]
  if (plain !== '' && !byLang.has(plainLang)) byLang.set(plainLang, plain)
  if (byLang.size === 0) return undefined
  for (const lang of languages.all) {
    if (byLang.has(lang)) continue
    const header = columns.languageColumns(base).find((c) => c.lang === lang)?.header
    report.warn(
      columns.sheet.name,
      row.row,
      header ?? `${base}::${lang}`,
      `No ${base} in "${lang}": respondents reading ${lang} see the ${byLang.has('en') ? 'English' : 'default'} text.`,
    )
  }
  const fallbackText = languages.fallback === undefined ? undefined : byLang.get(languages.fallback)
  const text: Record<string, string> = {
    default: byLang.get('en') ?? fallbackText ?? [...byLang.values()][0],
  }
  for (const [lang, value] of byLang) if (lang !== 'en') text[lang] = value
  return text
}
