import { currentMessages, fill } from './i18n'
import { parseJson } from './parseJson'

export type Definition = Record<string, unknown>

export interface TextProblem {
  message: string
  /** Where in the text, when known. */
  offset?: number
}

export type DefinitionText =
  | { kind: 'empty' }
  | { kind: 'ok'; definition: Definition }
  | { kind: 'problem'; problem: TextProblem }

/** Reads the editor's text as a definition; the server checks the rest (survey-core, questions). */
export function readDefinition(text: string): DefinitionText {
  if (text.trim() === '') return { kind: 'empty' }
  const t = currentMessages().definitionText
  const parsed = parseJson(text)
  if (!parsed.ok) {
    const { at, message: problem } = parsed.problem
    const message = at ? fill(t.invalidAt, { ...at, problem }) : fill(t.invalid, { problem })
    return { kind: 'problem', problem: { message, offset: at?.offset } }
  }
  const value = parsed.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      kind: 'problem',
      problem: { message: t.notObject },
    }
  }
  return { kind: 'ok', definition: value as Definition }
}
