// Pass 2 dispatcher: checks one answer against its survey-core question, after the answers are
// set on the model and logic has run. Returns the value to store, undefined for "no answer", or
// INVALID (with the issue already reported).
import type { Question } from 'survey-core'
import { type CheckContext, type Checked } from '../context'
import { isEmptyAnswer, isJsonSafe } from '../json'
import { plainQuestion, type PlainQuestion } from '../plain-question'
import {
  checkBoolean,
  checkImageMap,
  checkMultiChoice,
  checkRanking,
  checkRating,
  checkSingleChoice,
} from './choice'
import {
  checkMatrix,
  checkMatrixDropdown,
  checkMatrixDynamic,
  checkMatrixView,
  checkTextItems,
  checkMultipleText,
  checkPanelDynamic,
  computedValue,
  type ContentCheck,
} from './containers'
import { checkFile, checkSignature } from './media'
import { checkSlider } from './slider'
import { checkComment, checkText } from './text'

type PlainCheck = (q: PlainQuestion, value: unknown, path: string, ctx: CheckContext) => Checked

/** Checks that read only a question's plain check inputs (../plain-question.ts). */
const PLAIN_CHECKS: Record<string, PlainCheck> = {
  text: checkText,
  comment: checkComment,
  radiogroup: checkSingleChoice,
  dropdown: checkSingleChoice,
  buttongroup: checkSingleChoice,
  checkbox: checkMultiChoice,
  tagbox: checkMultiChoice,
  ranking: checkRanking,
  boolean: checkBoolean,
  rating: checkRating,
}

/** Checks of the compiled path only: the model path reads these types from the live question. */
const COMPILED_ONLY: Record<string, PlainCheck> = {
  matrix: (q, v, p, c) =>
    checkMatrixView({ rows: q.matrixRows, columns: q.matrixColumns, multiSelect: false }, v, p, c),
  multipletext: (q, v, p, c) => checkTextItems(q.items, v, p, c, checkPlainContent),
}

const CHECKS: Record<string, ContentCheck> = {
  imagepicker: (q, v, p, c) =>
    (q.multiSelect ? checkMultiChoice : checkSingleChoice)(plainQuestion(q), v, p, c),
  imagemap: checkImageMap,
  slider: checkSlider,
  file: checkFile,
  signaturepad: checkSignature,
  matrix: checkMatrix,
  expression: (q) => computedValue(q),
  matrixdropdown: (q, v, p, c) => checkMatrixDropdown(q, v, p, c, checkContent),
  matrixdynamic: (q, v, p, c) => checkMatrixDynamic(q, v, p, c, checkContent),
  multipletext: (q, v, p, c) => checkMultipleText(q, v, p, c, checkContent),
  paneldynamic: (q, v, p, c) => checkPanelDynamic(q, v, p, c, checkContent),
}

/** What is stored of a checked value: nothing for an empty one. */
const kept = (checked: Checked): Checked =>
  typeof checked !== 'symbol' && isEmptyAnswer(checked) ? undefined : checked

export function checkContent(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  const type = q.getType()
  if (type !== 'expression' && isEmptyAnswer(value)) return undefined
  // read from the live question now, after logic (choices may depend on answers)
  if (Object.hasOwn(PLAIN_CHECKS, type)) {
    return kept(PLAIN_CHECKS[type](plainQuestion(q), value, path, ctx))
  }
  const check = Object.hasOwn(CHECKS, type) ? CHECKS[type] : undefined
  // Types we do not model (custom components) keep their JSON, already bounded by pass 1
  return kept(check ? check(q, value, path, ctx) : isJsonSafe(value) ? value : undefined)
}

/** checkContent for a plain question read once in advance (the compiled path). */
export function checkPlainContent(
  q: PlainQuestion,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  if (isEmptyAnswer(value)) return undefined
  const checks = Object.hasOwn(PLAIN_CHECKS, q.type) ? PLAIN_CHECKS : COMPILED_ONLY
  const check = Object.hasOwn(checks, q.type) ? checks[q.type] : undefined
  if (!check) throw new Error(`no plain check for ${q.type}`)
  return kept(check(q, value, path, ctx))
}
