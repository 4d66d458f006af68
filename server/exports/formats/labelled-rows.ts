import type { Codebook } from '../../domain/codebook.js'
import { ALL_GROUPS, toLongRows, type AggregatesView, type LongOrder, type LongRow } from './long-table.js'

/** Text beside the codes, in one language of the codebook. */
export interface Labeller {
  dimension: (name: string, value: string) => string
  question: (name: string) => string
  item: (question: string, item: string) => string
  value: (question: string, value: string) => string
}

export function labellerOf(codebook: Codebook, lang: string): Labeller {
  const entries = new Map(codebook.entries.map((e) => [e.name, e]))
  const pick = (texts: Record<string, string> | undefined) =>
    texts ? (texts[lang] ?? texts.en ?? Object.values(texts)[0] ?? '') : ''
  const valueLabel = (question: string, value: string) =>
    pick(entries.get(question)?.values.find((v) => v.value === value)?.label)
  // A level (`region.area`) is labelled by its groups' text.
  const levels = new Map(codebook.levels.map((level) => [level.name, level]))
  const groupLabel = (name: string, value: string) =>
    pick(levels.get(name)?.groups.find((g) => g.value === value)?.label)
  return {
    dimension: (name, value) =>
      value === ALL_GROUPS ? '' : levels.has(name) ? groupLabel(name, value) : valueLabel(name, value),
    question: (name) => pick(entries.get(name)?.title),
    // Matrix rows are items; a multiple choice question's items are its choices.
    item: (question, item) =>
      pick(entries.get(question)?.items.find((i) => i.value === item)?.label) ||
      valueLabel(question, item),
    value: valueLabel,
  }
}

/** Percent on the one scale of every file: 0-100 with one decimal. */
export const toPercent = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10

const rounded = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits

/** Columns of the labelled long table: a label beside every code. */
export const labelledColumns = (dimensions: readonly string[]) => [
  'table',
  ...dimensions.flatMap((name) => [name, `${name}_label`]),
  'suppressed',
  'n',
  'knowledge_score_percent',
  'question',
  'question_label',
  'item',
  'item_label',
  'value',
  'value_label',
  'count',
  'percent',
  'mean',
  'median',
  'sd',
  'share_correct_percent',
]

export type LabelledField = string | number | boolean | null

function fieldsOf(
  table: string,
  dimensions: readonly string[],
  row: LongRow,
  label: Labeller,
): LabelledField[] {
  const { question, item, value } = row
  return [
    table,
    ...dimensions.flatMap((name) => {
      const code = row.key[name] ?? ALL_GROUPS
      return [code, label.dimension(name, code)]
    }),
    row.suppressed,
    row.n,
    toPercent(row.knowledgeScore),
    question,
    question && label.question(question),
    item,
    item && label.item(question, item),
    value,
    value && label.value(question, value),
    row.count,
    // The long rows carry percent already on the 0-100 scale; one decimal like the others.
    rounded(row.percent, 1),
    rounded(row.mean, 2),
    row.median,
    rounded(row.sd, 2),
    toPercent(row.shareCorrect),
  ]
}

const tableName = (by: readonly string[]) => (by.length === 0 ? 'total' : by.join(' x '))

/**
 * Every table of `views` in one tidy table: the requested one first (with the total), then the
 * one-way tables. A row's dimensions outside its table read "(all)".
 */
export function labelledRows(views: readonly AggregatesView[], order: LongOrder, label: Labeller) {
  const dimensions = [...new Set(views.flatMap((view) => view.by))]
  const rows: LabelledField[][] = []
  views.forEach((view, i) => {
    for (const row of toLongRows(view, order)) {
      const isTotal = view.by.every((name) => row.key[name] === ALL_GROUPS)
      // The total is the same in every view of a release: once, at the top.
      if (isTotal && i > 0) continue
      const table = isTotal ? tableName([]) : tableName(view.by)
      rows.push(fieldsOf(table, dimensions, row, label))
    }
  })
  return { header: labelledColumns(dimensions), rows }
}
