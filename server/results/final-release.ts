import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import type { PublishedVersion } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { ApiError } from '../platform/errors.js'
import { auditedRelease } from './routes.js'

export interface FinalReleaseDeps {
  db: Kysely<Database>
  minGroupSize: number
  clock: () => Date
  audit: Audit
}

/**
 * Closing a survey makes its final release, recorded in its own transaction: the close stands even
 * if that release is refused (then nothing is recorded for it, and the refusal is reported).
 */
export const finalReleaseAtClose =
  ({ db, minGroupSize, clock, audit }: FinalReleaseDeps) =>
  async (survey: PublishedVersion, actor: string) => {
    try {
      const by = { minGroupSize, clock, audit, actor }
      return { finalRelease: await auditedRelease(db, survey, 'final', by) }
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'release_refused') throw error
      return { finalRelease: null, releaseRefused: error.details.map((d) => d.message) }
    }
  }
