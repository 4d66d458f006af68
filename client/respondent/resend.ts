import { submitAnswers, type SubmitResult, type Submission } from './api'

/** A send that may work if simply tried again: no connection, or the server busy (5xx). */
export type TransientFailure = Extract<SubmitResult, { kind: 'offline' | 'unavailable' }>

const isTransient = (result: SubmitResult): result is TransientFailure =>
  result.kind === 'offline' || result.kind === 'unavailable'

// About two and a half minutes of automatic tries; then the respondent's own button takes over.
const DELAYS_MS = [1500, 3000, 6000, 10_000, 15_000, 30_000, 30_000, 30_000, 30_000]

/** The wait before automatic retry `retry`: jittered (±25 %), never shorter than Retry-After. */
export function retryDelay(retry: number, failure: TransientFailure, random = Math.random): number {
  const base = DELAYS_MS[Math.min(retry, DELAYS_MS.length - 1)]
  const jittered = base * (0.75 + random() * 0.5)
  const asked = failure.kind === 'unavailable' ? (failure.retryAfterMs ?? 0) : 0
  return Math.round(Math.min(60_000, Math.max(jittered, asked)))
}

export interface ResendOptions {
  /** Called before each wait, so the page can say that it is retrying and why. */
  onRetrying: (failure: TransientFailure) => void
  /** Waits `ms`, or less when the respondent asks to send now. */
  wait: (ms: number) => Promise<void>
}

/**
 * Sends, and after a transient failure sends the very same submission again (same body, same
 * Idempotency-Key, so a resend after a lost 201 stores nothing twice) with growing, jittered
 * waits. Settles with the first answer that is not transient, or the last one.
 */
export async function sendWithRetries(
  slug: string,
  submission: Submission,
  { onRetrying, wait }: ResendOptions,
): Promise<SubmitResult> {
  for (let retry = 0; ; retry++) {
    const result = await submitAnswers(slug, submission)
    if (!isTransient(result) || retry >= DELAYS_MS.length) return result
    onRetrying(result)
    await wait(retryDelay(retry, result))
  }
}
