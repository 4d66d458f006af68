import { listTexts, type TextEntry } from './textRefs'
import { isObject, LANGS, readText, sourceLang, type Json, type Lang } from './texts'

/**
 * Our own survey-level property (survey-core ignores it; the server keeps it):
 * `"translatedFrom": { "<text key>": { "fi": "<source text when the Finnish was written>" } }`.
 * A translation is outdated when its source text has changed since.
 */
export const SOURCES = 'translatedFrom'

type Sources = Record<string, Record<string, string>>

export function sourcesOf(definition: Json): Sources {
  const raw = definition[SOURCES]
  if (!isObject(raw)) return {}
  const sources: Sources = {}
  for (const [key, langs] of Object.entries(raw)) {
    if (!isObject(langs)) continue
    sources[key] = {}
    for (const [lang, text] of Object.entries(langs)) {
      if (typeof text === 'string') sources[key][lang] = text
    }
  }
  return sources
}

export interface LanguageStatus {
  lang: Lang
  isSource: boolean
  missing: TextEntry[]
  outdated: TextEntry[]
}

/** Per language: the texts still to write, and translations whose source changed since. */
export function translationStatus(definition: Json): LanguageStatus[] {
  const source = sourceLang(definition)
  const sources = sourcesOf(definition)
  const entries = listTexts(definition)
  return LANGS.map((lang) => {
    const missing: TextEntry[] = []
    const outdated: TextEntry[] = []
    for (const entry of entries) {
      const text = readText(entry.value, lang, source)
      const original = readText(entry.value, source, source)
      if (text === '') {
        // Listed texts are required or written in some language: the source must have them.
        if (lang === source || original !== '') missing.push(entry)
        continue
      }
      const recorded = sources[entry.key]?.[lang]
      if (lang !== source && recorded !== undefined && recorded !== original) outdated.push(entry)
    }
    return { lang, isSource: lang === source, missing, outdated }
  })
}

/** Notes that `lang`'s text of `key` now matches the current source text (written or checked). */
export function recordSource(copy: Json, key: string, lang: Lang, sourceText: string): void {
  const sources = sourcesOf(copy)
  sources[key] = { ...sources[key], [lang]: sourceText }
  copy[SOURCES] = sources
}

export function forgetSource(copy: Json, key: string, lang?: Lang): void {
  const sources = sourcesOf(copy)
  if (!sources[key]) return
  if (lang) delete sources[key][lang]
  if (!lang || Object.keys(sources[key]).length === 0) delete sources[key]
  if (Object.keys(sources).length === 0) delete copy[SOURCES]
  else copy[SOURCES] = sources
}

/** Renames text keys (a question or choice got a new name): `old.` prefixes become `next.`. */
export function renameSources(copy: Json, oldPrefix: string, nextPrefix: string): void {
  const sources = sourcesOf(copy)
  let changed = false
  for (const key of Object.keys(sources)) {
    if (key === oldPrefix || key.startsWith(`${oldPrefix}.`)) {
      sources[nextPrefix + key.slice(oldPrefix.length)] = sources[key]
      delete sources[key]
      changed = true
    }
  }
  if (changed) copy[SOURCES] = sources
}

/**
 * Translations written before the editor tracked them (imported JSON) are taken as up to date
 * with today's source texts, so a later change of the source shows them as outdated. Returns
 * the definition itself when nothing was missing a record.
 */
export function adoptTranslations(definition: Json): Json {
  const source = sourceLang(definition)
  const sources = sourcesOf(definition)
  let copy: Json | null = null
  for (const entry of listTexts(definition)) {
    const original = readText(entry.value, source, source)
    for (const lang of LANGS) {
      if (lang === source || readText(entry.value, lang, source) === '') continue
      if (sources[entry.key]?.[lang] !== undefined) continue
      copy ??= structuredClone(definition)
      recordSource(copy, entry.key, lang, original)
    }
  }
  return copy ?? definition
}

/** Records that no longer name a text of the definition are dropped (deleted questions). */
export function pruneSources(copy: Json): void {
  const sources = sourcesOf(copy)
  if (Object.keys(sources).length === 0) return
  const keys = new Set(listTexts(copy).map((entry) => entry.key))
  for (const key of Object.keys(sources)) if (!keys.has(key)) forgetSource(copy, key)
}
