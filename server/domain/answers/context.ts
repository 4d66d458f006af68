import type { AnswerIssue } from '../validate-answers'

/** Marks a value that failed a check; the issue explaining why is already in the context. */
export const INVALID: unique symbol = Symbol('invalid')
export type Checked = unknown | typeof INVALID

export interface CheckContext {
  issues: AnswerIssue[]
  maxTextLength: number
  /** Matrix cells and dynamic-panel questions the answers ask survey-core to build so far. */
  nestedQuestions: number
}

export function report(
  ctx: CheckContext,
  question: string,
  code: string,
  message: string,
): typeof INVALID {
  ctx.issues.push({ question, code, message })
  return INVALID
}

// Issue paths: `name`, `name.row.column`, `name[2].inner`, `name.item`.
export const childPath = (path: string, key: string): string => `${path}.${key}`
export const indexPath = (path: string, index: number): string => `${path}[${index}]`
