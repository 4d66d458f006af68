// Helpers shared by the pass-1 shape guards (see ./index.ts).
import type { Question } from 'survey-core'
import { report, type CheckContext } from '../context'
import { describeType, isPrimitive } from '../json'
import { MAX_DATA_URL_LENGTH } from '../limits'
import type { PlainQuestion } from '../plain-question'

export type Guard = (
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  depth: number,
) => boolean

/** Longest text a question accepts: its maxLength (or the survey's), else the server default. */
export function textLimit(q: PlainQuestion, ctx: CheckContext): number {
  const own = q.maxLength
  return Number.isFinite(own) && own > 0 ? own : ctx.maxTextLength
}

export function dataUrlLimit(q: Question): number {
  const maxSize = Number(q.maxSize)
  // base64 inflates by 4/3; allow a little for the `data:<type>;base64,` header
  return maxSize > 0 ? Math.ceil((maxSize * 4) / 3) + 256 : MAX_DATA_URL_LENGTH
}

export function typeIssue(
  ctx: CheckContext,
  path: string,
  expected: string,
  value: unknown,
): false {
  report(ctx, path, 'invalid_type', `Expected ${expected} but got ${describeType(value)}.`)
  return false
}

export function shapeIssue(ctx: CheckContext, path: string, message: string): false {
  report(ctx, path, 'invalid_shape', message)
  return false
}

export function unknownKey(ctx: CheckContext, path: string, message: string): false {
  report(ctx, path, 'unknown_question', message)
  return false
}

export function checkString(value: string, limit: number, path: string, ctx: CheckContext) {
  if (value.length <= limit) return true
  report(
    ctx,
    path,
    'too_long',
    `Text is ${value.length} characters long; at most ${limit} allowed.`,
  )
  return false
}

export function guardPrimitive(value: unknown, path: string, ctx: CheckContext): boolean {
  if (typeof value === 'string') return checkString(value, ctx.maxTextLength, path, ctx)
  if (isPrimitive(value)) return true
  return typeIssue(ctx, path, 'a string, number or boolean', value)
}

export function guardArray(value: unknown, path: string, ctx: CheckContext, max: number): boolean {
  if (!Array.isArray(value)) return typeIssue(ctx, path, 'an array', value)
  if (value.length > max) return shapeIssue(ctx, path, `At most ${max} items allowed.`)
  return true
}

export function guardText(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): boolean {
  if (typeof value === 'string') return checkString(value, textLimit(q, ctx), path, ctx)
  if (typeof value === 'number') return true // numeric inputs and masks store numbers
  const numeric = ['number', 'range'].includes(String(q.inputType))
  return typeIssue(ctx, path, numeric ? 'a number' : 'a string', value)
}
