import type { Kysely } from 'kysely'
import { findLatestVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { isValidSlug } from '../domain/slug.js'
import { ApiError } from './errors.js'

/** The newest version of a survey, whatever its status, or the admin routes' 404. */
export async function surveyOr404(db: Kysely<Database>, slug: string) {
  // No lookup for what cannot be a slug: PostgreSQL refuses a NUL in a query parameter.
  const survey = isValidSlug(slug) ? await findLatestVersion(db, slug) : undefined
  if (!survey) throw new ApiError(404, 'survey_not_found', `No survey "${slug}" exists.`)
  return survey
}
