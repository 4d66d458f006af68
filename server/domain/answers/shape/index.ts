// Pass 1: structural checks that need only the definition, run before any value reaches
// survey-core. They keep pathological input (wrong JSON kinds, unknown nested keys, huge arrays,
// long strings, deep nesting) away from the model, where it could throw or cost a lot of work.
import type { Question } from 'survey-core'
import { childPath, indexPath, type CheckContext } from '../context'
import { isPlainObject, isPrimitive, type PlainObject } from '../json'
import { MAX_ARRAY_ITEMS, MAX_DEPTH, MAX_FILES } from '../limits'
import { plainQuestion, type PlainQuestion } from '../plain-question'
import {
  checkString,
  dataUrlLimit,
  guardArray,
  guardPrimitive,
  guardText,
  shapeIssue,
  textLimit,
  typeIssue,
  unknownKey,
  type Guard,
} from './common'
import {
  guardMatrix,
  guardMatrixRows,
  guardTextItems,
  guardMatrixDropdown,
  guardMatrixDynamic,
  guardMultipleText,
  guardPanelDynamic,
} from './containers'

export { checkString }

function guardComment(q: PlainQuestion, value: unknown, path: string, ctx: CheckContext): boolean {
  if (typeof value === 'string') return checkString(value, textLimit(q, ctx), path, ctx)
  return typeIssue(ctx, path, 'a string', value)
}

/** `{ value, comment }`: how SurveyJS 3 stores a choice that has its own comment area. */
function guardChoiceObject(value: PlainObject, path: string, ctx: CheckContext): boolean {
  for (const key of Object.keys(value)) {
    if (key === 'comment') {
      const comment = value[key]
      if (typeof comment !== 'string')
        return typeIssue(ctx, childPath(path, key), 'a string', comment)
      if (!checkString(comment, ctx.maxTextLength, childPath(path, key), ctx)) return false
    } else if (!guardPrimitive(value[key], childPath(path, key), ctx)) {
      return false
    }
  }
  return true
}

function guardSingleChoice(_q: unknown, value: unknown, path: string, ctx: CheckContext) {
  if (isPlainObject(value)) return guardChoiceObject(value, path, ctx)
  return guardPrimitive(value, path, ctx)
}

function guardMultiChoice(_q: unknown, value: unknown, path: string, ctx: CheckContext) {
  if (!guardArray(value, path, ctx, MAX_ARRAY_ITEMS)) return false
  return (value as unknown[]).every((item, i) =>
    isPlainObject(item)
      ? guardChoiceObject(item, indexPath(path, i), ctx)
      : guardPrimitive(item, indexPath(path, i), ctx),
  )
}

function guardRanking(_q: unknown, value: unknown, path: string, ctx: CheckContext) {
  if (!guardArray(value, path, ctx, MAX_ARRAY_ITEMS)) return false
  return (value as unknown[]).every((item, i) => guardPrimitive(item, indexPath(path, i), ctx))
}

function guardScalar(_q: unknown, value: unknown, path: string, ctx: CheckContext) {
  return guardPrimitive(value, path, ctx)
}

function guardSlider(q: Question, value: unknown, path: string, ctx: CheckContext) {
  if (q.sliderType !== 'range') return guardPrimitive(value, path, ctx)
  if (!guardArray(value, path, ctx, 2)) return false
  return (value as unknown[]).every((item, i) => guardPrimitive(item, indexPath(path, i), ctx))
}

function guardDataUrl(q: Question, value: unknown, path: string, ctx: CheckContext) {
  if (typeof value !== 'string') return typeIssue(ctx, path, 'a string', value)
  return checkString(value, dataUrlLimit(q), path, ctx)
}

function guardFile(q: Question, value: unknown, path: string, ctx: CheckContext) {
  const maxFiles = Number(q.maxFiles) > 0 ? Number(q.maxFiles) : MAX_FILES
  if (!guardArray(value, path, ctx, q.allowMultiple ? maxFiles : 1)) return false
  return (value as unknown[]).every((file, i) => {
    const filePath = indexPath(path, i)
    if (typeof file === 'string') return guardDataUrl(q, file, filePath, ctx)
    if (!isPlainObject(file)) return typeIssue(ctx, filePath, 'a file object', file)
    return Object.keys(file).every((key) => {
      const field = file[key]
      if (key === 'content') return guardDataUrl(q, field, childPath(filePath, key), ctx)
      if (key === 'name' || key === 'type') {
        if (typeof field !== 'string')
          return typeIssue(ctx, childPath(filePath, key), 'a string', field)
        return checkString(field, 1000, childPath(filePath, key), ctx)
      }
      return shapeIssue(ctx, childPath(filePath, key), `A file has only name, type and content.`)
    })
  })
}

/** Anything else (types we do not model): plain JSON within the depth and text limits. */
function guardJson(
  _q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  depth: number,
): boolean {
  if (depth > MAX_DEPTH) return shapeIssue(ctx, path, 'The answer is nested too deeply.')
  if (value === null) return true
  if (isPrimitive(value)) return guardPrimitive(value, path, ctx)
  if (Array.isArray(value)) {
    if (!guardArray(value, path, ctx, MAX_ARRAY_ITEMS)) return false
    return value.every((item, i) => guardJson(_q, item, indexPath(path, i), ctx, depth + 1))
  }
  if (!isPlainObject(value)) return typeIssue(ctx, path, 'JSON data', value)
  return Object.keys(value).every((key) =>
    key === '__proto__'
      ? unknownKey(ctx, childPath(path, key), 'The key "__proto__" is not allowed.')
      : guardJson(_q, value[key], childPath(path, key), ctx, depth + 1),
  )
}

const GUARDS: Record<string, Guard> = {
  text: (q, v, p, c) => guardText(plainQuestion(q), v, p, c),
  comment: (q, v, p, c) => guardComment(plainQuestion(q), v, p, c),
  radiogroup: guardSingleChoice,
  dropdown: guardSingleChoice,
  buttongroup: guardSingleChoice,
  imagepicker: (q, v, p, c) => (q.multiSelect ? guardMultiChoice : guardSingleChoice)(q, v, p, c),
  imagemap: (q, v, p, c) => (q.isMultiSelect ? guardMultiChoice : guardSingleChoice)(q, v, p, c),
  checkbox: guardMultiChoice,
  tagbox: guardMultiChoice,
  ranking: guardRanking,
  rating: guardScalar,
  boolean: guardScalar,
  slider: guardSlider,
  file: guardFile,
  signaturepad: guardDataUrl,
  matrix: guardMatrix,
  matrixdropdown: (q, v, p, c, d) => guardMatrixDropdown(q, v, p, c, d, guardShape),
  matrixdynamic: (q, v, p, c, d) => guardMatrixDynamic(q, v, p, c, d, guardShape),
  multipletext: guardMultipleText,
  paneldynamic: (q, v, p, c, d) => guardPanelDynamic(q, v, p, c, d, guardShape),
}

/** The same guards as GUARDS for the types a PlainQuestion describes (../plain-question.ts). */
type PlainGuard = (q: PlainQuestion, value: unknown, path: string, ctx: CheckContext) => boolean
const PLAIN_GUARDS: Record<string, PlainGuard> = {
  text: guardText,
  comment: guardComment,
  radiogroup: guardSingleChoice,
  dropdown: guardSingleChoice,
  buttongroup: guardSingleChoice,
  checkbox: guardMultiChoice,
  tagbox: guardMultiChoice,
  ranking: guardRanking,
  rating: guardScalar,
  boolean: guardScalar,
  matrix: (q, v, p, c) => guardMatrixRows(q.matrixRows, v, p, c),
  multipletext: (q, v, p, c) => guardTextItems(q.items, v, p, c),
}

/** Pass 1 for a top-level answer to a plain question (the compiled path): as guardShape. */
export function guardPlain(q: PlainQuestion, value: unknown, path: string, ctx: CheckContext) {
  if (value === null || value === undefined) return true
  if (!Object.hasOwn(PLAIN_GUARDS, q.type)) throw new Error(`no plain guard for ${q.type}`)
  return PLAIN_GUARDS[q.type](q, value, path, ctx)
}

/** Pass 1 for one answer. Null and undefined mean "no answer" and always pass. */
export function guardShape(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
  depth = 0,
): boolean {
  if (value === null || value === undefined) return true
  if (depth > MAX_DEPTH) return shapeIssue(ctx, path, 'The answer is nested too deeply.')
  const guard = Object.hasOwn(GUARDS, q.getType()) ? GUARDS[q.getType()] : guardJson
  return guard(q, value, path, ctx, depth)
}

/** Values of trigger targets: any JSON within limits. */
export function guardAnyJson(value: unknown, path: string, ctx: CheckContext): boolean {
  if (value === null || value === undefined) return true
  return guardJson(undefined as unknown as Question, value, path, ctx, 0)
}
