// Compiles a definition into a Plan when it stays inside the subset the fast path reproduces
// exactly; null otherwise (see ./support.ts for what is refused, ./index.ts for the contract).
import type {
  ItemValue,
  PanelModelBase,
  Question,
  SurveyModel,
  SurveyValidator,
} from 'survey-core'
import { choiceFilter, isChoiceFiltered, listedQuestion } from './choice-filter'
import { compileCondition, type Condition } from './expressions'
import { emailText, matrixPlan, numberBounds, otherText, requiredText } from './error-texts'
import type { ClearMode, Node, Plan, QuestionPlan, TextItemPlan } from './plan'
import { hasCommentArea } from '../answers/catalog'
import { isPerOptionQuestion } from '../score-quiz'
import {
  commentKeyOf,
  unsupportedContainer,
  unsupportedQuestion,
  unsupportedSurvey,
  CHOICE_TYPES,
} from './support'

// a tagbox is a checkbox in a dropdown (QuestionTagboxModel extends QuestionCheckboxModel)
const MULTIPLE_TYPES = new Set(['checkbox', 'tagbox', 'ranking'])
const CLEAR_MODES = new Set<string>(['none', 'onComplete', 'onHidden'])

type Element = Question | PanelModelBase

class Refused extends Error {}

function condition(
  expression: unknown,
  names: Map<string, string>,
  withItem = false,
): Condition | null {
  if (typeof expression !== 'string' || expression.trim() === '') return null
  const compiled = compileCondition(expression, names, withItem)
  if (!compiled) throw new Refused(`expression ${expression}`)
  return compiled
}

function pageOf(node: Node): Node {
  let page = node
  while (page.parent) page = page.parent
  return page
}

const validatorsOf = (q: Question) => (q.validators ?? []) as SurveyValidator[]

/** QuestionTextModel checks an email input itself unless it has an e-mail validator. */
const isEmailInput = (q: Question) =>
  q.getType() === 'text' &&
  q.inputType === 'email' &&
  !validatorsOf(q).some((v) => v.getType() === 'emailvalidator')

const isNumberInput = (q: Question) => q.getType() === 'text' && q.inputType === 'number'

function textItemPlans(q: Question): TextItemPlan[] {
  return ((q.items ?? []) as { name: string; editor: Question }[]).map(({ name, editor }) => ({
    name,
    required: Boolean(editor.isRequired),
    requiredText: requiredText(editor),
    emailText: isEmailInput(editor) ? emailText(editor) : '',
    bounds: isNumberInput(editor) ? numberBounds(editor) : null,
    validators: validatorsOf(editor).map((validator) => ({ validator, condition: null })),
  }))
}

/** A condition that must compile: an expression validator cannot simply be left out. */
function requiredCondition(expression: string, names: Map<string, string>): Condition {
  const compiled = condition(expression, names)
  if (!compiled) throw new Refused(`expression validator ${expression}`)
  return compiled
}

function questionPlan(
  q: Question,
  node: Node,
  survey: SurveyModel,
  names: Map<string, string>,
  unfiltered: SurveyModel | null,
): QuestionPlan {
  const filtered = isChoiceFiltered(q)
  // choices as survey-core lists them when all show (the model over empty answers hides some)
  const listed = listedQuestion(q, unfiltered)
  const withClear = q as unknown as { getClearIfInvisible(): string }
  const clearMode = String(withClear.getClearIfInvisible())
  if (!CLEAR_MODES.has(clearMode)) throw new Refused(`clearInvisibleValues ${clearMode}`)
  const isChoice = CHOICE_TYPES.has(q.getType())
  const choices = isChoice ? (listed.visibleChoices as ItemValue[]) : null
  const withQuiz = q as unknown as {
    hasCorrectAnswerValue(): boolean
    getCorrectAnswerValue(): unknown
    getAnswerCorrectIgnoreOrder(): boolean
  }
  return {
    node,
    page: pageOf(node),
    name: q.getValueName(),
    clearMode: clearMode as ClearMode,
    choiceValues: choices ? choices.map((item) => item.value) : null,
    multiple: MULTIPLE_TYPES.has(q.getType()),
    otherIndex: choices && q.showOtherItem ? choices.indexOf(listed.otherItem as ItemValue) : -1,
    commentKey:
      (isChoice && q.showOtherItem) || hasCommentArea(q) ? commentKeyOf(survey, q) : null,
    commentArea: hasCommentArea(q),
    requiredText: requiredText(q),
    otherText: isChoice ? otherText(q) : '',
    emailText: isEmailInput(q) ? emailText(q) : '',
    choiceFilter: filtered ? choiceFilter(q, (e) => condition(e, names, true)!) : null,
    matrix: q.getType() === 'matrix' ? matrixPlan(q) : null,
    bounds: isNumberInput(q) ? numberBounds(q) : null,
    items: q.getType() === 'multipletext' ? textItemPlans(q) : null,
    validators: validatorsOf(q).map((validator) => ({
      validator,
      condition:
        validator.getType() === 'expressionvalidator'
          ? requiredCondition((validator as unknown as { expression: string }).expression, names)
          : null,
    })),
    hasInput: Boolean(q.hasInput),
    quiz: withQuiz.hasCorrectAnswerValue()
      ? {
          correct: withQuiz.getCorrectAnswerValue(),
          ignoreOrder: withQuiz.getAnswerCorrectIgnoreOrder(),
          perOption: isPerOptionQuestion(q)
            ? (q as unknown as { choices: ItemValue[] }).choices.map((choice) => choice.value)
            : null,
        }
      : null,
  }
}

/** Builds the plan from a fresh model (no data set yet), or null with the reason refused. */
export function buildPlan(
  survey: SurveyModel,
  unfiltered: SurveyModel | null = null,
): { plan: Plan | null; reason: string } {
  const surveyReason = unsupportedSurvey(survey)
  if (surveyReason) return { plan: null, reason: surveyReason }
  const all = survey.getAllQuestions(false, false, true) as Question[]
  const names = new Map<string, string>()
  for (const q of survey.getAllQuestions(false, false, false) as Question[]) {
    const lower = q.name.toLowerCase()
    if (names.has(lower)) return { plan: null, reason: `duplicate name ${q.name}` }
    names.set(lower, q.getValueName())
  }
  const plan: Plan = {
    nodes: [],
    pages: [],
    questions: [],
    conditionOrder: [],
    hasQuiz: false,
    byName: new Map(),
  }
  const visit = (el: Element, kind: Node['kind'], parent: Node | null): Node => {
    const reason =
      kind === 'question'
        ? unsupportedQuestion(el as Question)
        : unsupportedContainer(el as PanelModelBase)
    if (reason) throw new Refused(`${el.name}: ${reason}`)
    const node: Node = {
      index: plan.nodes.length,
      kind,
      parent,
      children: [],
      visibleIf: condition(el.visibleIf, names),
      enableIf: condition(el.enableIf, names),
      requiredIf: condition((el as Question).requiredIf, names),
      initialVisible: Boolean(el.visible),
      initialReadOnly: Boolean(el.readOnly),
      initialRequired: kind === 'question' && Boolean((el as Question).isRequired),
      question: null,
    }
    plan.nodes.push(node)
    if (kind === 'question') {
      const q = el as Question
      if (!q.isPanel && !['html', 'image', 'empty'].includes(q.getType())) {
        node.question = questionPlan(q, node, survey, names, unfiltered)
        plan.questions.push(node.question)
      }
    } else {
      for (const child of (el as PanelModelBase).elements) {
        const childKind = child.isPanel ? 'panel' : 'question'
        node.children.push(visit(child as unknown as Element, childKind, node))
      }
    }
    plan.conditionOrder.push(node) // after its children: the order survey-core runs them in
    return node
  }
  try {
    for (const page of survey.pages) plan.pages.push(visit(page, 'page', null))
  } catch (error) {
    if (error instanceof Refused) return { plan: null, reason: error.message }
    throw error
  }
  const order = (survey.getAllQuestions(false, false, false) as Question[]).map((q) => q.name)
  const mine = plan.questions.map((q) => q.name) // value names, the names (valueName is refused)
  const valueQuestions = order.filter((name) => mine.includes(name))
  if (valueQuestions.join('\n') !== mine.join('\n')) return { plan: null, reason: 'question order' }
  plan.hasQuiz = all.some((q) => q.correctAnswer !== undefined && q.correctAnswer !== null)
  for (const q of plan.questions) plan.byName.set(q.name, q)
  return { plan, reason: '' }
}
