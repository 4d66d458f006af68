import type { Migration } from 'kysely'
import * as createSurveys from './2026-11-25T20-30_create-surveys.js'
import * as createResponses from './2026-11-25T20-31_create-responses.js'
import * as createUsersSessions from './2026-11-25T22-00_create-users-sessions.js'
import * as createReleases from './2026-11-25T22-30_create-releases.js'
import * as createAuditLog from './2026-11-25T23-00_create-audit-log.js'
import * as createApiTokens from './2026-11-25T23-10_create-api-tokens.js'
import * as invitationCodes from './2026-11-26T00-00_invitation-codes.js'
import * as responseCounts from './2026-11-26T02-00_response-counts.js'
import * as releaseTables from './2026-11-26T03-00_release-tables.js'
import * as idempotencyKeys from './2026-12-04T18-00_idempotency-keys.js'
import * as freeTextValues from './2026-12-04T19-00_free-text-values.js'
import * as surveyBaselines from './2026-12-04T21-00_survey-baselines.js'
import * as reports from './2026-12-04T22-00_reports.js'
import * as dropValuesQuestionIndex from './2026-12-04T22-00_drop-values-question-index.js'
import * as responseAnswers from './2026-12-05T01-00_response-answers.js'
import * as dropResponsesReleaseIndex from './2026-12-05T02-00_drop-responses-release-index.js'
import * as responsesUnreleasedIndex from './2026-12-05T07-00_responses-unreleased-index.js'

/** Static record (no directory scanning) so the bundled server carries its migrations. */
export const migrations: Record<string, Migration> = {
  '2026-11-25T20-30_create-surveys': createSurveys,
  '2026-11-25T20-31_create-responses': createResponses,
  '2026-11-25T22-00_create-users-sessions': createUsersSessions,
  '2026-11-25T22-30_create-releases': createReleases,
  '2026-11-25T23-00_create-audit-log': createAuditLog,
  '2026-11-25T23-10_create-api-tokens': createApiTokens,
  '2026-11-26T00-00_invitation-codes': invitationCodes,
  '2026-11-26T02-00_response-counts': responseCounts,
  '2026-11-26T03-00_release-tables': releaseTables,
  '2026-12-04T18-00_idempotency-keys': idempotencyKeys,
  '2026-12-04T19-00_free-text-values': freeTextValues,
  '2026-12-04T21-00_survey-baselines': surveyBaselines,
  '2026-12-04T22-00_reports': reports,
  '2026-12-04T22-00_drop-values-question-index': dropValuesQuestionIndex,
  '2026-12-05T01-00_response-answers': responseAnswers,
  '2026-12-05T02-00_drop-responses-release-index': dropResponsesReleaseIndex,
  '2026-12-05T07-00_responses-unreleased-index': responsesUnreleasedIndex,
}
