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
  const parsed = parseJson(text)
  if (!parsed.ok) {
    const { at, message } = parsed.problem
    const where = at ? ` at line ${at.line}, column ${at.column}` : ''
    return {
      kind: 'problem',
      problem: { message: `Not valid JSON${where}: ${message}.`, offset: at?.offset },
    }
  }
  const value = parsed.value
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      kind: 'problem',
      problem: { message: 'A questionnaire must be a JSON object, starting with “{”.' },
    }
  }
  return { kind: 'ok', definition: value as Definition }
}
