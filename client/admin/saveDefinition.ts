import { api, type ApiFailure, type SurveyDetail } from './api'
import type { Definition } from './definitionText'
import { describeFailure } from './messages'
import type { Problem } from './ServerErrors'

export type Target = { kind: 'new' } | { kind: 'edit'; survey: SurveyDetail }

export type SaveOutcome =
  { ok: true; slug: string; notice: string } | { ok: false; slugError?: string; problem?: Problem }

/** Creates a draft or replaces a definition, and words the outcome for the admin. */
export async function saveDefinition(
  target: Target,
  slug: string,
  definition: Definition,
): Promise<SaveOutcome> {
  if (target.kind === 'new') {
    const result = await api.createSurvey(slug, definition)
    if (!result.ok) return failed(result)
    return { ok: true, slug, notice: 'Draft saved. Check the preview, then publish when ready.' }
  }
  const { survey } = target
  const result = await api.replaceDefinition(survey.slug, definition)
  if (!result.ok) return failed(result)
  const { version } = result.data
  const notice =
    survey.status === 'draft'
      ? 'Draft updated.'
      : version > survey.version
        ? `Saved as version ${version}: respondents get it from their next visit.`
        : `Nothing changed: the definition is the same as version ${version}.`
  return { ok: true, slug: survey.slug, notice }
}

function failed(failure: ApiFailure): SaveOutcome {
  if (failure.code === 'invalid_slug' || failure.code === 'slug_taken') {
    const hint = failure.details[0]?.message
    return { ok: false, slugError: [failure.message, hint].filter(Boolean).join(' ') }
  }
  if (failure.code === 'invalid_definition') {
    return {
      ok: false,
      problem: { message: `Not saved. ${failure.message}`, details: failure.details },
    }
  }
  const message =
    failure.status === 401
      ? 'Not saved: your session had ended. Press Save again.'
      : describeFailure(failure)
  return { ok: false, problem: { message, details: failure.details } }
}
