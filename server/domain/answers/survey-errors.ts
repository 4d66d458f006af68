// Pass 3: survey-core's own validation (required, requiredIf, validators, other-text, row
// rules), read back from the question objects after `survey.validate()`.
import type { PanelModelBase, Question, SurveyError, SurveyModel } from 'survey-core'
import { childPath, indexPath, type CheckContext } from './context'

const CODE_BY_ERROR: Record<string, string> = {
  required: 'required',
  requireoneanswer: 'required',
  requiredinallrowserror: 'required',
  otherempty: 'required',
  minrowcounterror: 'out_of_range',
  exceedsize: 'out_of_range',
  exceedfilescount: 'out_of_range',
  requirenumeric: 'invalid_number',
}

export function codeOf(error: SurveyError): string {
  const type = error.getErrorType()
  return Object.hasOwn(CODE_BY_ERROR, type) ? CODE_BY_ERROR[type] : 'validator'
}

function addErrors(errors: SurveyError[], path: string, ctx: CheckContext) {
  for (const error of errors) {
    if (!error.isError) continue // warnings and info notes do not block a submission
    const text = error.getText() || 'The answer did not pass validation.'
    ctx.issues.push({ question: path, code: codeOf(error), message: text })
  }
}

interface CellRow {
  rowName: unknown
  cells: { column: { name: string }; question: Question }[]
}

function walkQuestion(q: Question, path: string, ctx: CheckContext) {
  addErrors(q.errors, path, ctx)
  const type = q.getType()
  if (type === 'matrixdropdown' || type === 'matrixdynamic') {
    ;(q.visibleRows as CellRow[]).forEach((row, i) => {
      const rowPath =
        type === 'matrixdynamic' ? indexPath(path, i) : childPath(path, String(row.rowName))
      for (const cell of row.cells)
        walkQuestion(cell.question, childPath(rowPath, cell.column.name), ctx)
    })
  } else if (type === 'paneldynamic') {
    ;(q.panels as { questions: Question[] }[]).forEach((panel, i) => {
      for (const inner of panel.questions) {
        walkQuestion(inner, childPath(indexPath(path, i), inner.getValueName()), ctx)
      }
    })
  } else if (type === 'multipletext') {
    for (const item of q.items as { name: string; editor: Question }[]) {
      addErrors(item.editor.errors, childPath(path, item.name), ctx)
    }
  }
}

function walkContainer(
  container: PanelModelBase,
  ctx: CheckContext,
  skip: (root: string) => boolean,
) {
  for (const element of container.elements) {
    if (element.isPanel) {
      const panel = element as unknown as PanelModelBase
      addErrors(panel.errors, panel.name, ctx)
      walkContainer(panel, ctx, skip)
    } else {
      const question = element as unknown as Question
      if (!skip(question.getValueName())) walkQuestion(question, question.getValueName(), ctx)
    }
  }
}

/** Runs survey-core validation over all visible pages and reports its errors as issues. */
export function collectSurveyErrors(
  survey: SurveyModel,
  ctx: CheckContext,
  skip: (root: string) => boolean,
): void {
  // Only the synchronous result counts: an async validator that is still running cannot block.
  survey.validate(true, false)
  for (const page of survey.visiblePages) walkContainer(page, ctx, skip)
}
