import type { Question } from 'survey-core'
import { indexPath, INVALID, report, type CheckContext, type Checked } from '../context'
import { describeType, preview } from '../json'
import { isOnStep, toBound, toFiniteNumber } from './number'

function checkPoint(
  q: Question,
  raw: unknown,
  path: string,
  ctx: CheckContext,
): number | typeof INVALID {
  const value = toFiniteNumber(raw)
  if (value === undefined) {
    return report(ctx, path, 'invalid_number', `Expected a number but got ${describeType(raw)}.`)
  }
  const min = toBound(q.renderedMin) ?? toBound(q.min) ?? 0
  const max = toBound(q.renderedMax) ?? toBound(q.max) ?? 100
  if (value < min || value > max) {
    return report(ctx, path, 'out_of_range', `The value must be between ${min} and ${max}.`)
  }
  const step = toBound(q.step)
  if (step !== undefined && !isOnStep(value, min, step)) {
    return report(ctx, path, 'out_of_range', `The value must be ${min} plus a multiple of ${step}.`)
  }
  return value
}

/** Slider: one number, or [from, to] in range mode. */
export function checkSlider(q: Question, value: unknown, path: string, ctx: CheckContext): Checked {
  if (q.sliderType !== 'range') return checkPoint(q, value, path, ctx)
  if (!Array.isArray(value) || value.length !== 2) {
    return report(ctx, path, 'invalid_shape', `Expected [from, to] but got ${preview(value)}.`)
  }
  const from = checkPoint(q, value[0], indexPath(path, 0), ctx)
  const to = checkPoint(q, value[1], indexPath(path, 1), ctx)
  if (from === INVALID || to === INVALID) return INVALID
  if (from > to && !q.allowSwap) {
    return report(ctx, path, 'out_of_range', 'The range start must not be after its end.')
  }
  const length = Math.abs(to - from)
  const minLength = toBound(q.renderedMinRangeLength ?? q.minRangeLength)
  const maxLength = toBound(q.renderedMaxRangeLength ?? q.maxRangeLength)
  if (minLength !== undefined && length < minLength) {
    return report(ctx, path, 'out_of_range', `The range must span at least ${minLength}.`)
  }
  if (maxLength !== undefined && maxLength > 0 && length > maxLength) {
    return report(ctx, path, 'out_of_range', `The range must span at most ${maxLength}.`)
  }
  return [from, to]
}
