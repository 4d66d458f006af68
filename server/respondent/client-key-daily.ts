import { createHmac, randomBytes } from 'node:crypto'

/**
 * Keys client addresses under a random key that is replaced when the UTC day changes (lazily, by
 * the app clock) and never stored: yesterday's keys cannot be linked to today's, nor reversed.
 */
export const createDailyClientKey = (clock: () => Date) => {
  let day = ''
  let secret = randomBytes(32)
  return (address: string): string => {
    const today = clock().toISOString().slice(0, 10)
    if (today !== day) {
      day = today
      secret = randomBytes(32)
    }
    return createHmac('sha256', secret).update(address).digest('base64url')
  }
}

export type DailyClientKey = ReturnType<typeof createDailyClientKey>
