// Pass 2 dispatcher: checks one answer against its survey-core question, after the answers are
// set on the model and logic has run. Returns the value to store, undefined for "no answer", or
// INVALID (with the issue already reported).
import type { Question } from 'survey-core'
import { type CheckContext, type Checked } from '../context'
import { isEmptyAnswer, isJsonSafe } from '../json'
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
  checkMultipleText,
  checkPanelDynamic,
  computedValue,
  type ContentCheck,
} from './containers'
import { checkFile, checkSignature } from './media'
import { checkSlider } from './slider'
import { checkComment, checkText } from './text'

const CHECKS: Record<string, ContentCheck> = {
  text: checkText,
  comment: checkComment,
  radiogroup: checkSingleChoice,
  dropdown: checkSingleChoice,
  buttongroup: checkSingleChoice,
  imagepicker: (q, v, p, c) => (q.multiSelect ? checkMultiChoice : checkSingleChoice)(q, v, p, c),
  imagemap: checkImageMap,
  checkbox: checkMultiChoice,
  tagbox: checkMultiChoice,
  ranking: checkRanking,
  boolean: checkBoolean,
  rating: checkRating,
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

export function checkContent(
  q: Question,
  value: unknown,
  path: string,
  ctx: CheckContext,
): Checked {
  if (q.getType() !== 'expression' && isEmptyAnswer(value)) return undefined
  const check = Object.hasOwn(CHECKS, q.getType()) ? CHECKS[q.getType()] : undefined
  // Types we do not model (custom components) keep their JSON, already bounded by pass 1
  const checked = check ? check(q, value, path, ctx) : isJsonSafe(value) ? value : undefined
  return typeof checked !== 'symbol' && isEmptyAnswer(checked) ? undefined : checked
}
