// The sliding-window limiter against the plainest reading of its rule (every attempt of the last
// window counted from scratch), over random sequences of attempts, refusals and forgiveness.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRateLimiter } from '../server/platform/rate-limit'

function reference(max: number, windowMs: number) {
  const attempts = new Map<string, number[]>()
  const live = (key: string, now: number) =>
    (attempts.get(key) ?? []).filter((time) => time > now - windowMs)
  return {
    retryAfter(key: string, now: number) {
      const times = live(key, now)
      if (times.length < max) return 0
      return Math.max(1, Math.ceil((times[times.length - max] + windowMs - now) / 1000))
    },
    hit(key: string, now: number) {
      attempts.set(key, [...live(key, now), now])
    },
    forgive(key: string) {
      attempts.get(key)?.pop()
    },
  }
}

const step = fc.record({
  // the clock never goes back here: see the limiter's comment for what a step back does
  advanceMs: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 400 }),
    fc.integer({ min: 0, max: 5000 }),
  ),
  key: fc.constantFrom('a', 'b', 'c'),
  action: fc.constantFrom('attempt', 'attempt', 'attempt', 'forgive', 'reset'),
})

describe('rate limiter', () => {
  it('answers as a from-scratch count of the window would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.array(step, { maxLength: 400 }),
        (max, windowMs, steps) => {
          let now = Date.UTC(2026, 0, 1)
          const limiter = createRateLimiter({ max, windowMs, clock: () => new Date(now) })
          let model = reference(max, windowMs)
          const keys = new Set<string>()
          for (const { advanceMs, key, action } of steps) {
            now += advanceMs
            keys.add(key)
            if (action === 'forgive') {
              limiter.forgive(key)
              model.forgive(key)
            } else if (action === 'reset') {
              limiter.reset(key)
              const fresh = reference(max, windowMs)
              // only this key starts over: replay the others' state through the old model
              const old = model
              model = {
                retryAfter: (k, t) => (k === key ? fresh : old).retryAfter(k, t),
                hit: (k, t) => (k === key ? fresh : old).hit(k, t),
                forgive: (k) => (k === key ? fresh : old).forgive(k),
              }
            } else {
              const wait = limiter.retryAfter(key)
              expect(wait).toBe(model.retryAfter(key, now))
              if (wait === 0) {
                limiter.hit(key)
                model.hit(key, now)
              }
            }
            for (const other of keys) {
              expect(limiter.retryAfter(other)).toBe(model.retryAfter(other, now))
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps counting right over long runs from one key (expired attempts dropped in bulk)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 30, max: 200 }),
        fc.integer({ min: 20, max: 200 }),
        // bursts at one instant (0) between small steps: a bulk drop off by one shows at once
        fc.array(fc.constantFrom(0, 0, 0, 1, 2, 7), { minLength: 300, maxLength: 1500 }),
        (max, windowMs, advances) => {
          let now = 0
          const limiter = createRateLimiter({ max, windowMs, clock: () => new Date(now) })
          const model = reference(max, windowMs)
          for (const advanceMs of advances) {
            now += advanceMs
            const wait = limiter.retryAfter('ward')
            expect(wait).toBe(model.retryAfter('ward', now))
            if (wait === 0) {
              limiter.hit('ward')
              model.hit('ward', now)
            }
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
