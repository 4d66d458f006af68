import { INVALID, report, type CheckContext, type Checked } from '../context'
import { describeType } from '../json'
import type { PlainQuestion } from '../plain-question'
import { toBound, toFiniteNumber } from './number'

const NUMERIC_INPUTS = new Set(['number', 'range'])
const NUMERIC_MASKS = new Set(['numeric', 'currency'])
// The HTML spec's valid e-mail address: what <input type="email"> in the browser accepts.
const LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?'
const EMAIL = new RegExp(`^[a-zA-Z0-9.!#$%&'*+/=?^_\`{|}~-]+@${LABEL}(?:\\.${LABEL})*$`)
const COLOR = /^#[0-9a-fA-F]{6}$/

const pad = (n: number) => String(n).padStart(2, '0')

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

const TIME = '([01]\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d)(?:\\.\\d{1,3})?)?'
const DATE_FORMATS: Record<string, { pattern: RegExp; example: string }> = {
  date: { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, example: '2024-05-31' },
  'datetime-local': {
    pattern: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})[T ]${TIME}$`),
    example: '2024-05-31T14:30',
  },
  time: { pattern: new RegExp(`^${TIME}$`), example: '14:30' },
  month: { pattern: /^(\d{4})-(0[1-9]|1[0-2])$/, example: '2024-05' },
  week: { pattern: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/, example: '2024-W22' },
}

function isValidDateLike(inputType: string, value: string): boolean {
  const match = DATE_FORMATS[inputType].pattern.exec(value)
  if (!match) return false
  if (inputType === 'date' || inputType === 'datetime-local') {
    return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
  }
  return true
}

/** Bounds of date-like inputs are ISO strings (or Dates from minValueExpression: today()...). */
function dateBound(bound: unknown, inputType: string): string | undefined {
  if (bound instanceof Date && !Number.isNaN(bound.getTime())) {
    const day = `${bound.getFullYear()}-${pad(bound.getMonth() + 1)}-${pad(bound.getDate())}`
    return inputType === 'datetime-local'
      ? `${day}T${pad(bound.getHours())}:${pad(bound.getMinutes())}`
      : day
  }
  return typeof bound === 'string' && bound.trim() ? bound.trim() : undefined
}

function checkDateLike(
  q: PlainQuestion,
  inputType: string,
  value: unknown,
  path: string,
  ctx: CheckContext,
) {
  const { example } = DATE_FORMATS[inputType]
  if (typeof value !== 'string' || !isValidDateLike(inputType, value)) {
    return report(ctx, path, 'invalid_date', `Expected a ${inputType} value like "${example}".`)
  }
  // ISO strings of one format order lexicographically; compare on the bound's precision
  const min = dateBound(q.min, inputType)
  const max = dateBound(q.max, inputType)
  if (min && value.slice(0, min.length) < min) {
    return report(ctx, path, 'out_of_range', `The value must not be earlier than ${min}.`)
  }
  if (max && value.slice(0, max.length) > max) {
    return report(ctx, path, 'out_of_range', `The value must not be later than ${max}.`)
  }
  return value
}

function checkNumber(q: PlainQuestion, value: unknown, path: string, ctx: CheckContext): Checked {
  const number = toFiniteNumber(value)
  if (number === undefined) {
    return report(ctx, path, 'invalid_number', `Expected a number but got ${describeType(value)}.`)
  }
  const min = toBound(q.min)
  const max = toBound(q.max)
  if (min !== undefined && number < min) {
    return report(ctx, path, 'out_of_range', `The number must be at least ${min}.`)
  }
  if (max !== undefined && number > max) {
    return report(ctx, path, 'out_of_range', `The number must be at most ${max}.`)
  }
  return number
}

function expectString(value: unknown, path: string, ctx: CheckContext): value is string {
  if (typeof value === 'string') return true
  report(ctx, path, 'invalid_type', `Expected a string but got ${describeType(value)}.`)
  return false
}

/** Single-line text question (also multiple-text items and text cells): format per inputType. */
export function checkText(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  const inputType = String(q.inputType || 'text').toLowerCase()
  if (NUMERIC_INPUTS.has(inputType)) return checkNumber(q, value, path, ctx)
  if (NUMERIC_MASKS.has(String(q.maskType)) && !q.saveMaskedValue) {
    return checkNumber(q, value, path, ctx)
  }
  if (Object.hasOwn(DATE_FORMATS, inputType)) return checkDateLike(q, inputType, value, path, ctx)
  if (!expectString(value, path, ctx)) return INVALID
  if (inputType === 'email' && !EMAIL.test(value.trim())) {
    return report(ctx, path, 'invalid_email', 'Expected an e-mail address like "name@example.com".')
  }
  if (inputType === 'url' && !URL.canParse(value.trim())) {
    return report(ctx, path, 'invalid_url', 'Expected an absolute URL like "https://example.com".')
  }
  if (inputType === 'color' && !COLOR.test(value)) {
    return report(ctx, path, 'invalid_format', 'Expected a colour like "#1a2b3c".')
  }
  return value
}

/** Long text (comment question and comment cells). */
export function checkComment(
  _q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  return expectString(value, path, ctx) ? value : INVALID
}
