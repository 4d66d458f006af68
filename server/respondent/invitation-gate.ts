import type { Kysely, Transaction } from 'kysely'
import { claimCode, codeState, type CodeState } from '../../db/queries/invitation-codes.js'
import type { VersionHead } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { codeHmac, normalizeCode } from '../domain/invitation-code.js'
import { ApiError } from '../platform/errors.js'
import type { InvitationKey } from '../invitations/invitation-secret.js'

// invalid_code is the same for a code that never existed and one of another survey.
const REFUSALS = {
  code_required: [422, 'This survey is answered by invitation only.', 'Enter your invitation code.'],
  invalid_code: [422, 'This invitation code is not valid for this survey.', 'Check the code.'],
  code_used: [409, 'This invitation code has already been used.', 'Each code can be used once.'],
} as const

function refusal(code: keyof typeof REFUSALS): ApiError {
  const [status, message, hint] = REFUSALS[code]
  return new ApiError(status, code, message, [{ field: 'code', message: hint }])
}

function refuse(state: CodeState): void {
  if (state === 'unknown') throw refusal('invalid_code')
  if (state === 'used') throw refusal('code_used')
}

/** Who may answer an invitation-only survey: the holder of an unused code, once. */
export function createInvitationGate(db: Kysely<Database>, key: InvitationKey) {
  return {
    /**
     * The HMAC of the code a submission must spend, after checking it exists and is unused (a
     * cheap refusal before the answers are validated). undefined for a public survey, which
     * ignores any code sent.
     */
    async admit(survey: VersionHead, code: string | undefined): Promise<string | undefined> {
      if (survey.access !== 'invitation') return undefined
      if (code === undefined || code.trim() === '') throw refusal('code_required')
      const normalized = normalizeCode(code)
      if (normalized === null) throw refusal('invalid_code')
      const hmac = codeHmac(await key(), normalized)
      refuse(await codeState(db, survey.surveyId, hmac))
      return hmac
    },

    /** Marks the code used inside the response's transaction; throws (storing nothing) if lost. */
    spend: (survey: VersionHead, hmac: string) => async (trx: Transaction<Database>) => {
      refuse(await claimCode(trx, survey.surveyId, hmac))
    },
  }
}

export type InvitationGate = ReturnType<typeof createInvitationGate>
