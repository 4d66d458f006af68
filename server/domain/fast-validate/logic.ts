// Replays what survey-core does between `survey.data = answers` and a settled model (see
// ../answers/logic.ts): conditions run after the data is set, then clearUnusedValues() until
// nothing changes. Order matters (clearing one answer can reveal or hide another), so this walks
// questions in the same order, re-runs conditions after every change as the model does, and in
// "onHidden" mode clears a question the moment it turns hidden.
import { settings } from 'survey-core'
import { MAX_LOGIC_PASSES } from '../answers/limits'
import { selectedChoicesShown } from './choice-filter'
import type { Node, Plan, QuestionPlan } from './plan'
import { isOtherSelected, isSurveyEmpty, questionValue } from './values'

export class LogicState {
  readonly visible: boolean[]
  readonly readOnly: boolean[]
  readonly required: boolean[]
  private running = false
  private rerun = false
  /**
   * Conditions stopped re-running with answers still changing (the model's re-run limit). Some
   * flags are then stale, and the model's later runs after a value change only redo conditions
   * that read the changed answer, keeping them stale; this path re-runs all, so it gives up.
   */
  capped = false
  /** A selected choice was hidden by its condition at some run (./choice-filter.ts). */
  choiceHidden = false
  /** Answers deleted so far: the only way values change here (see remove). */
  private removed = 0

  constructor(
    readonly plan: Plan,
    readonly values: Record<string, unknown>,
  ) {
    this.visible = plan.nodes.map((node) => node.initialVisible)
    this.readOnly = plan.nodes.map((node) => node.initialReadOnly)
    this.required = plan.nodes.map((node) => node.initialRequired)
  }

  /** The question's value as expressions and validation see it. */
  valueOf = (name: string): unknown => {
    const raw = Object.hasOwn(this.values, name) ? this.values[name] : undefined
    const q = this.plan.byName.get(name)
    return q ? questionValue(q, raw) : raw
  }

  /** PanelModelBase.isVisible: its own flag and at least one visible element. */
  private containerVisible(node: Node): boolean {
    if (!this.visible[node.index]) return false
    return node.children.some((child) =>
      child.kind === 'question' ? this.visible[child.index] : this.containerVisible(child),
    )
  }

  /** isVisibleInSurvey: the question and every panel and page around it are visible. */
  isShown(node: Node): boolean {
    if (!this.visible[node.index]) return false
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (!this.containerVisible(parent)) return false
    }
    return true
  }

  isPageVisible(page: Node): boolean {
    return this.containerVisible(page)
  }

  isReadOnly(node: Node): boolean {
    for (let at: Node | null = node; at; at = at.parent) if (this.readOnly[at.index]) return true
    return false
  }

  /** survey.runConditions(): every condition once, again while answers changed meanwhile. */
  runConditions(): void {
    if (this.running) {
      this.rerun = true
      return
    }
    this.running = true
    let count = 0
    for (;;) {
      this.rerun = false
      for (const node of this.plan.conditionOrder) this.runNode(node)
      if (!this.rerun) break
      if (count >= settings.maxConditionRunCountOnValueChanged) {
        this.capped = true
        break
      }
      count++
    }
    this.running = false
  }

  private runNode(node: Node) {
    if (node.visibleIf) {
      const was = this.visible[node.index]
      this.visible[node.index] = node.visibleIf.run(this.valueOf)
      const q = node.question
      if (was && !this.visible[node.index] && q?.clearMode === 'onHidden') this.clear(q)
    }
    if (node.enableIf) this.readOnly[node.index] = !node.enableIf.run(this.valueOf)
    if (node.requiredIf) this.required[node.index] = node.requiredIf.run(this.valueOf)
    if (node.question?.choiceFilter) this.checkChoices(node.question)
  }

  /** survey-core filters the question's choices here (filterItems) and clears a hidden pick. */
  private checkChoices(q: QuestionPlan) {
    const filter = q.choiceFilter!
    if (!selectedChoicesShown(filter, this.valueOf(q.name), q.multiple, this.valueOf)) {
      this.choiceHidden = true
    }
  }

  private changed() {
    this.runConditions() // while conditions run this only asks for another round
  }

  /** Drops an answer that is present (values come from JSON: never undefined). */
  private remove(key: string) {
    delete this.values[key]
    this.removed++
    this.changed()
  }

  /** Question.clearValue(): the value and its comment ("other" text). */
  private clear(q: QuestionPlan) {
    if (this.valueOf(q.name) !== undefined) this.remove(q.name)
    if (q.commentKey && this.values[q.commentKey]) this.remove(q.commentKey)
  }

  /** survey.clearUnusedValues(): unused "other" text, then hidden answers and their comments. */
  private clearUnusedValues() {
    for (const q of this.plan.questions) {
      if (!q.commentKey || q.commentArea || !Object.hasOwn(this.values, q.commentKey)) continue
      if (isOtherSelected(q, this.valueOf(q.name))) continue
      this.remove(q.commentKey)
    }
    for (const q of this.plan.questions) {
      if (q.clearMode === 'none' || this.isShown(q.node)) continue
      this.clear(q)
    }
  }

  /** Conditions over fixed values (no clearing), as a model holding exactly these answers. */
  evaluate(): void {
    for (let round = 0; round < MAX_LOGIC_PASSES; round++) {
      const before = this.visible.join()
      for (const node of this.plan.conditionOrder) {
        if (node.visibleIf) this.visible[node.index] = node.visibleIf.run(this.valueOf)
        if (node.question?.choiceFilter) this.checkChoices(node.question)
      }
      if (this.visible.join() === before) return
    }
  }

  /** loadAnswers(): the data is set, then unused values are cleared until nothing changes. */
  settle(): void {
    this.runConditions()
    for (let pass = 0; pass < MAX_LOGIC_PASSES; pass++) {
      // the model compares JSON snapshots; here values only ever lose present keys, so the
      // snapshot changed exactly when something was removed
      const before = this.removed
      this.clearUnusedValues()
      if (this.removed === before) return
    }
  }

  isRequiredEmpty(q: QuestionPlan): boolean {
    return this.required[q.node.index] && isSurveyEmpty(this.valueOf(q.name))
  }
}
