import type { ApiFailure } from './api'

/** One sentence an admin can act on, for any failed API call. */
export function describeFailure(failure: ApiFailure): string {
  switch (failure.status) {
    case 0:
      return failure.message
    case 401:
      return 'Your session had ended. Please try again.'
    case 403:
      return 'Your account may not do this: only admins can change questionnaires.'
    case 409:
      if (failure.code === 'slug_taken') return `${failure.message} Choose another slug.`
      if (failure.code === 'invalid_transition') {
        return `${failure.message} Someone may have changed it meanwhile: the page now shows its current status.`
      }
      return failure.message
    case 413:
      return 'The questionnaire is larger than the server accepts (1 MiB).'
    default:
      return failure.status >= 500
        ? 'Something went wrong on the server. Please try again in a moment.'
        : failure.message
  }
}

/** "3 minutes" from a Retry-After in seconds. */
export function waitTime(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
