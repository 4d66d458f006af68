import type { Kysely } from 'kysely'
import { dimensionNames } from './frozen/dimensions.js'
import { flattenAnswers } from './frozen/flatten-answers.js'
import { rederiveAnswerRows, type VersionRules } from './frozen/rederive-values.js'

// Issue 14: values a definition does not list (custom choices, choicesByUrl values, "other"
// text kept as the value, multiple text) were stored as answer values and counted. The answer
// rows, running counts and stored release tables are derived again from the answers, so no
// typed text stays a counted value (decision 001). Responses that change nothing are left alone.
export async function up(db: Kysely<any>): Promise<void> {
  await rederiveAnswerRows(db, currentRules)
}

/** The flattening rules and dimensions of a stored definition, as they were on 2026-12-04. */
export function currentRules(text: string): VersionRules {
  const definition = JSON.parse(text) as Record<string, unknown>
  return {
    flatten: (answers) => flattenAnswers(definition, answers),
    dimensions: dimensionNames(definition),
  }
}

// Free text is not brought back.
export async function down(): Promise<void> {}
