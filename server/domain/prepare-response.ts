import type { ResponseInput } from '../../db/queries/responses.js'
import { flattenAnswers } from './flatten-answers.js'
import { validateAnswers } from './validate-answers.js'

/** The product's languages; a definition may add its own (then those are accepted too). */
export const RESPONDENT_LOCALES = ['fi', 'sv', 'en'] as const
export const DEFAULT_LOCALE = 'en'

type PreparedResponse = Omit<
  ResponseInput,
  'id' | 'surveyId' | 'surveyVersionId' | 'dimensions' | 'submittedOn'
>

export type Preparation =
  | { ok: true; response: PreparedResponse }
  | { ok: false; code: string; message: string; details: { [key: string]: unknown; message: string }[] }

/** Validates a submission against its version and derives every row to store. Pure. */
export function prepareResponse(
  version: { definition: Record<string, unknown>; locales: string[] },
  submission: { answers: Record<string, unknown>; locale?: string },
): Preparation {
  const locale = submission.locale ?? DEFAULT_LOCALE
  const accepted = new Set<string>([...RESPONDENT_LOCALES, ...version.locales])
  if (!accepted.has(locale)) {
    return {
      ok: false,
      code: 'invalid_locale',
      message: `The locale must be one of: ${[...accepted].join(', ')}.`,
      details: [{ field: 'locale', message: `"${locale}" is not a language of this survey.` }],
    }
  }
  const validation = validateAnswers(version.definition, submission.answers)
  if (!validation.ok) {
    return {
      ok: false,
      code: 'invalid_answers',
      message: 'Some answers do not fit the questionnaire.',
      details: validation.issues,
    }
  }
  const { answers, quiz: score } = validation
  return {
    ok: true,
    response: {
      locale,
      answers,
      knowledgeScore: score && score.total > 0 ? score.correct / score.total : null,
      values: flattenAnswers(version.definition, answers),
      quizItems: score?.items ?? [],
    },
  }
}
