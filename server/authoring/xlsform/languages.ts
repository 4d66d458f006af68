// Language columns: `label::fi`, ODK's `label::Suomi (fi)`, and older `label::English`.

const NAMED: Record<string, string> = {
  english: 'en',
  finnish: 'fi',
  suomi: 'fi',
  swedish: 'sv',
  svenska: 'sv',
  ruotsi: 'sv',
}
const NAMES: Record<string, string> = { en: 'English', fi: 'Suomi', sv: 'Svenska' }
const CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/

/** A language as written in a header or in `default_language`: its code, or undefined. */
export function languageCode(written: string): string | undefined {
  const text = written.trim()
  const inParens = /\(([^()]+)\)\s*$/.exec(text)
  const candidate = inParens ? inParens[1].trim() : text
  if (CODE.test(candidate)) return candidate
  return NAMED[text.toLowerCase()]
}

/** How exports name a language column: ODK's "Name (code)". */
export const languageLabel = (code: string) => `${NAMES[code] ?? code} (${code})`

export interface ColumnName {
  base: string
  /** undefined: the column without a language (`label`). */
  lang?: string
}

/** `label::Suomi (fi)` -> label, fi; an unreadable language is an error message. */
export function splitColumn(header: string): ColumnName | string {
  const at = header.indexOf('::')
  if (at < 0) return { base: header.trim() }
  const base = header.slice(0, at).trim()
  const lang = languageCode(header.slice(at + 2))
  if (!lang) return `add the language code, e.g. "${base}::Suomi (fi)"`
  return { base, lang }
}
