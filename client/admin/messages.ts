import type { ApiFailure } from './api'
import { currentMessages, fill } from './i18n'

/** One sentence an admin can act on, for any failed API call. */
export function describeFailure(failure: ApiFailure): string {
  const t = currentMessages().failures
  const { message } = failure
  switch (failure.status) {
    case 0:
      return failure.code === 'offline' ? t.offline : message
    case 401:
      return t.sessionEnded
    case 403:
      return t.forbidden
    case 409:
      if (failure.code === 'slug_taken') return fill(t.slugTaken, { message })
      if (failure.code === 'invalid_transition') return fill(t.changedMeanwhile, { message })
      return message
    case 413:
      return t.tooLarge
    default:
      return failure.status >= 500 ? t.serverError : message
  }
}

/** "3 minutes" from a Retry-After in seconds. */
export function waitTime(seconds: number): string {
  const t = currentMessages().failures
  if (seconds < 60) return fill(seconds === 1 ? t.second : t.seconds, { n: seconds })
  const minutes = Math.ceil(seconds / 60)
  return fill(minutes === 1 ? t.minute : t.minutes, { n: minutes })
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
