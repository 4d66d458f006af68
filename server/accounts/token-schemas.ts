import { z } from 'zod'

export const MAX_TOKEN_DAYS = 365

export const createTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "R on my laptop"'),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS)
    .optional()
    .describe('Days until the token stops working; omit for no expiry'),
})

export const createdTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  token: z.string().describe('The token itself: shown this once, only its hash is stored'),
  expiresAt: z.string().nullable(),
})

export const tokenListSchema = z.object({
  tokens: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      createdAt: z.string(),
      expiresAt: z.string().nullable(),
      revokedAt: z.string().nullable(),
      lastUsedOn: z.string().nullable().describe('The last day (UTC) the token was used'),
      status: z.enum(['active', 'expired', 'revoked']),
    }),
  ),
})
