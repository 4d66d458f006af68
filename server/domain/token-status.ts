export type TokenStatus = 'active' | 'expired' | 'revoked'

/** Revoked wins over expired; ISO times of one length compare as text. */
export function tokenStatus(
  token: { revokedAt: string | null; expiresAt: string | null },
  nowIso: string,
): TokenStatus {
  if (token.revokedAt !== null) return 'revoked'
  if (token.expiresAt !== null && token.expiresAt <= nowIso) return 'expired'
  return 'active'
}
