import { createHash } from 'node:crypto'
import { Model } from 'survey-core'
import './survey-core-setup.js'
import { isPlainObject } from './answers/json.js'

export interface DefinitionReport {
  title: string
  questionCount: number
  locales: string[]
  errors: string[]
}

/** Loads a SurveyJS definition headless and reports what a publisher must fix. */
export function inspectDefinition(definition: unknown): DefinitionReport {
  if (!isPlainObject(definition)) {
    return { title: '', questionCount: 0, locales: [], errors: ['The definition must be a JSON object'] }
  }
  let model: Model
  try {
    model = new Model(definition)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { title: '', questionCount: 0, locales: [], errors: [`survey-core cannot load it: ${reason}`] }
  }
  // Properties survey-core does not know (e.g. `score` on choices, from SurveyJS's scoring
  // examples) are kept in the stored definition but ignored by the model, and validation reads
  // only the model: they are harmless, so they are not refused. Everything else still is.
  const errors = (model.jsonErrors ?? [])
    .filter((error) => error.type !== 'unknownproperty')
    .map((error) => error.message)
  const questionCount = model.getAllQuestions(false, false, true).length
  if (questionCount === 0) errors.push('The definition has no questions')
  const title = defaultText(definition.title) ?? ''
  const locales = model.getUsedLocales().map((locale) => (locale === 'default' ? 'en' : locale))
  model.dispose()
  return { title, questionCount, locales: [...new Set(locales)], errors }
}

/** The default-locale text of a SurveyJS string, which may be plain or localized. */
export function defaultText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (isPlainObject(value)) {
    const text = value.default ?? value.en ?? Object.values(value)[0]
    return typeof text === 'string' ? text : undefined
  }
  return undefined
}

/** Key order and whitespace do not make a new version: hash a canonical serialisation. */
export function definitionChecksum(definition: unknown): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex')
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isPlainObject(value)) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
