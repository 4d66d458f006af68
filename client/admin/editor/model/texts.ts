/** The languages every questionnaire is written in, in the order the editor shows them. */
export const LANGS = ['fi', 'sv', 'en'] as const
export type Lang = (typeof LANGS)[number]

export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The language a definition's `default` texts are in: its `locale`, else English (SurveyJS's
 * own default, and what the respondent app shows when a language is missing).
 */
export function sourceLang(definition: Json): Lang {
  const locale = definition.locale
  return locale === 'fi' || locale === 'sv' ? locale : 'en'
}

/** One language of a SurveyJS localizable value (a plain string or `{ default, fi, ... }`). */
export function readText(value: unknown, lang: Lang, source: Lang): string {
  if (typeof value === 'string') return lang === source ? value : ''
  if (!isObject(value)) return ''
  const own = value[lang] ?? (lang === source ? value.default : undefined)
  return typeof own === 'string' ? own : ''
}

/**
 * The value with one language replaced. The source language lives in `default`; a value left
 * with only that is written as a plain string, as hand-written SurveyJS JSON usually is.
 * Returns undefined when no language has text (the property is then removed).
 */
export function writeText(value: unknown, lang: Lang, text: string, source: Lang): unknown {
  const texts: Json =
    typeof value === 'string' ? { default: value } : isObject(value) ? { ...value } : {}
  const key = lang === source ? 'default' : lang
  if (lang === source) delete texts[lang]
  if (text === '') delete texts[key]
  else texts[key] = text
  const keys = Object.keys(texts)
  if (keys.length === 0) return undefined
  if (keys.length === 1 && keys[0] === 'default') return texts.default
  return texts
}
