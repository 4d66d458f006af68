// The compiled shape of a definition: its pages, panels and questions in survey-core's order,
// with the conditions and static properties the fast path needs. Built once from one model, as
// plain data: a submission reads no survey-core object (their getters are what made it slow),
// but for the validators a question has (QuestionPlan.validators).
import type { KeyEntry } from '../answers/catalog'
import type { PlainQuestion } from '../answers/plain-question'
import type { SurveyValidator } from 'survey-core'
import type { ChoiceFilter } from './choice-filter'
import type { Condition } from './expressions'

export type ClearMode = 'none' | 'onComplete' | 'onHidden'

export interface Node {
  index: number // position in Plan.nodes, used to index per-call flag arrays
  kind: 'page' | 'panel' | 'question'
  parent: Node | null
  children: Node[]
  visibleIf: Condition | null
  enableIf: Condition | null
  requiredIf: Condition | null
  /** Flags of a fresh model before any data is set (conditions run over empty values). */
  initialVisible: boolean
  initialReadOnly: boolean
  initialRequired: boolean
  question: QuestionPlan | null
}

export interface QuestionPlan {
  node: Node
  /** The page the question is on (the root of its node's parents). */
  page: Node
  name: string
  clearMode: ClearMode
  /** Values of the choices survey-core maps raw values onto (valueFromData), null for non-choice. */
  choiceValues: unknown[] | null
  multiple: boolean
  /** Index of the shown "other" item in choiceValues; -1 when there is none. */
  otherIndex: number
  /** `<name>-Comment`: the "other" text, or the comment area's. */
  commentKey: string | null
  /** The comment is the question's comment area, which only hiding the question clears. */
  commentArea: boolean
  requiredText: string
  otherText: string
  /** survey-core's e-mail error of an `inputType: "email"` text question; '' for any other. */
  emailText: string
  /** Choices shown by conditions (./choice-filter.ts); null when all always show. */
  choiceFilter: ChoiceFilter | null
  /** A single-select matrix: its row keys and columns, and the row rules survey-core applies. */
  matrix: MatrixPlan | null
  /** A number input's renderedMin/renderedMax and survey-core's errors for them; else null. */
  bounds: Bounds | null
  /** Multiple text: its items, each checked as a text question of its own; else null. */
  items: TextItemPlan[] | null
  /**
   * The question's validators (./support.ts): survey-core's own objects, the one thing a
   * submission still calls into survey-core for (their model is kept), with the compiled
   * condition of an expression validator.
   */
  validators: PlannedValidator[]
  hasInput: boolean
  /** `perOption`: the choice values of a checkbox scored per option (../score-quiz.ts). */
  quiz: { correct: unknown; ignoreOrder: boolean; perOption: unknown[] | null } | null
}

export interface Bounds {
  min: unknown
  max: unknown
  minText: string
  maxText: string
}

/** What pass 3 checks of one multiple-text item (its editor, a text question). */
export interface TextItemPlan {
  name: string
  required: boolean
  requiredText: string
  emailText: string
  bounds: Bounds | null
  validators: PlannedValidator[]
}

export interface PlannedValidator {
  validator: SurveyValidator
  /** An expression validator's expression, run over the answers as visibleIf is; else null. */
  condition: Condition | null
}

export interface MatrixPlan {
  rows: string[]
  columns: unknown[]
  /** eachRowRequired: RequiredInAllRowsError (code 'required') with this text. */
  allRowsText: string | null
  /** eachRowUnique: EachRowUniqueError (code 'validator') with this text. */
  uniqueText: string | null
}

export interface Plan {
  nodes: Node[] // every page, panel and question, parents before children, in model order
  pages: Node[]
  questions: QuestionPlan[] // getAllQuestions() order
  /** Order in which survey-core runs conditions: a panel's children first, then the panel. */
  conditionOrder: Node[]
  hasQuiz: boolean
  byName: Map<string, QuestionPlan>
}

/** A plan with the keys an answers object may hold and the checks' inputs of each question. */
export interface Compiled {
  plan: Plan
  catalog: Map<string, KeyEntry<PlainQuestion>>
  /** The plan node of each question in the catalog. */
  nodeOf: Map<PlainQuestion, Node>
}
