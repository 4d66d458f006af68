import { api, type ApiFailure, type SurveyDetail } from './api'
import type { Definition } from './definitionText'
import { currentMessages, fill } from './i18n'
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
  const t = currentMessages().saves
  if (target.kind === 'new') {
    const result = await api.createSurvey(slug, definition)
    if (!result.ok) return failed(result)
    return { ok: true, slug, notice: t.draftSaved }
  }
  const { survey } = target
  const result = await api.replaceDefinition(survey.slug, definition)
  if (!result.ok) return failed(result)
  const { version } = result.data
  const notice =
    survey.status === 'draft'
      ? t.draftUpdated
      : fill(version > survey.version ? t.newVersion : t.unchanged, { n: version })
  return { ok: true, slug: survey.slug, notice }
}

function failed(failure: ApiFailure): SaveOutcome {
  const t = currentMessages().saves
  if (failure.code === 'invalid_slug' || failure.code === 'slug_taken') {
    const hint = failure.details[0]?.message
    return { ok: false, slugError: [failure.message, hint].filter(Boolean).join(' ') }
  }
  if (failure.code === 'invalid_definition') {
    return {
      ok: false,
      problem: { message: fill(t.notSaved, { message: failure.message }), details: failure.details },
    }
  }
  const message =
    failure.status === 401
      ? t.notSavedSession
      : describeFailure(failure)
  return { ok: false, problem: { message, details: failure.details } }
}
