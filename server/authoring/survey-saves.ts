import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import { createDraft, replaceDraftDefinition } from '../../db/queries/survey-admin.js'
import { saveSurveyVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { inTransaction } from '../../db/transaction.js'
import { checkDefinition } from '../domain/publishing.js'
import { isValidSlug, SLUG_MAX_LENGTH } from '../domain/slug.js'
import { definitionChecksum } from '../domain/survey-definition.js'
import { ApiError } from '../platform/errors.js'
import { surveyOr404 } from '../platform/survey-or-404.js'

// The saves that POST and PUT /api/admin/surveys make, shared with the XLSForm import so that an
// imported questionnaire is checked, stored and audited exactly as a pasted one.

export function checkedDefinition(definition: Record<string, unknown>) {
  const check = checkDefinition(definition)
  if (!check.ok) {
    const details = check.errors.map((message) => ({ field: 'definition', message }))
    throw new ApiError(
      422,
      'invalid_definition',
      'The questionnaire cannot be used as it is.',
      details,
    )
  }
  return {
    title: check.title,
    definition: JSON.stringify(definition),
    checksum: definitionChecksum(definition),
  }
}

export function assertValidSlug(slug: string) {
  if (!isValidSlug(slug)) {
    throw new ApiError(
      422,
      'invalid_slug',
      'The slug must be lower-case letters, digits and single hyphens.',
      [{ field: 'slug', message: `At most ${SLUG_MAX_LENGTH} characters, e.g. "nurses-2027".` }],
    )
  }
}

interface Save {
  db: Kysely<Database>
  audit: Audit
  actor: string
  slug: string
  /** Extra audit details (e.g. the source of an import); never anything a respondent sent. */
  via?: Record<string, unknown>
}

/** A new draft and its audit entry, stored together or not at all; 409 when the slug is taken. */
export async function createSurvey(
  { db, audit, actor, slug, via }: Save,
  definition: Record<string, unknown>,
) {
  const input = checkedDefinition(definition)
  await inTransaction(db, async (trx) => {
    if (!(await createDraft(trx, slug, input))) {
      throw new ApiError(409, 'slug_taken', `A survey "${slug}" already exists.`)
    }
    const entry = { actor, target: slug, details: { version: 1, ...via } }
    await audit({ ...entry, action: 'survey.create' }, trx)
  })
  return { slug, title: input.title, status: 'draft' as const, version: 1 }
}

/** PUT's save: a draft is replaced, an open survey gets a new version, a closed one is refused. */
export async function replaceSurvey(
  { db, audit, actor, slug, via }: Save,
  definitionFor: (current: Record<string, unknown>) => Record<string, unknown>,
  survey?: Awaited<ReturnType<typeof surveyOr404>>,
) {
  const current = survey ?? (await surveyOr404(db, slug))
  const input = checkedDefinition(definitionFor(JSON.parse(current.definition)))
  if (current.status === 'draft') {
    await inTransaction(db, async (trx) => {
      await replaceDraftDefinition(trx, current.surveyId, input)
      const details = { version: current.version, ...via }
      await audit({ actor, action: 'survey.replace-draft', target: slug, details }, trx)
    })
    return { slug, title: input.title, status: 'draft' as const, version: current.version }
  }
  if (current.status === 'closed') {
    throw new ApiError(409, 'survey_closed', 'A closed survey cannot be changed.')
  }
  const saved = await inTransaction(db, async (trx) => {
    const next = { slug, ...input, source: null, initialStatus: 'open' as const }
    const result = await saveSurveyVersion(trx, next)
    if (result.outcome === 'dimensions-changed') {
      const details = [{ field: 'definition', message: result.reason ?? '' }]
      const message = 'An open survey keeps its dimensions; group by others in a new survey.'
      throw new ApiError(409, 'dimensions_changed', message, details)
    }
    const details = { version: result.version, ...via }
    await audit({ actor, action: 'survey.version', target: slug, details }, trx)
    return result
  })
  return { slug, title: input.title, status: 'open' as const, version: saved.version }
}
