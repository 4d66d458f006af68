import type { ReleasedResponse } from '../../../db/queries/released-responses.js'
import type { Codebook, CodebookEntry } from '../../domain/codebook.js'
import type { ResponseRecord } from '../../domain/anonymise-responses.js'
import type { CsvField } from './csv.js'

/**
 * One column of the response-level file. `selected`: 1/0 for a value of a multiple-choice
 * question (empty when the question was not answered); `rank`: a ranking's position.
 */
export interface ResponseColumn {
  name: string
  question: string
  item: string
  kind: 'choice' | 'numeric' | 'selected' | 'rank'
}

export interface ResponseLayout {
  dimensions: string[]
  columns: ResponseColumn[]
}

/**
 * Only what aggregates count goes in the file: choices and numbers. Free text (text, comment,
 * "other" text, multiple text) never does, nor anything nested in dynamic panels.
 */
const exported = (entry: CodebookEntry) =>
  entry.parent === null &&
  !entry.isDimension &&
  (entry.summary === 'choice' || entry.summary === 'numeric') &&
  entry.type !== 'multipletext'

const rankIn = (order: string[]) => (a: string, b: string) => {
  const rank = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length)
  return rank(a) - rank(b) || a.localeCompare(b)
}

/** Columns in questionnaire order; matrix items answered but not listed (dynamic rows) added. */
export function planResponseColumns(
  codebook: Codebook,
  answered: readonly { question: string; item: string }[],
): ResponseLayout {
  const itemsOf = new Map<string, Set<string>>()
  for (const { question, item } of answered) {
    if (!itemsOf.has(question)) itemsOf.set(question, new Set())
    itemsOf.get(question)!.add(item)
  }
  const columns: ResponseColumn[] = []
  for (const entry of codebook.entries.filter(exported)) {
    const seen = itemsOf.get(entry.name) ?? new Set<string>()
    const values = entry.values.map((v) => v.value)
    const column = (item: string, kind: ResponseColumn['kind']) => ({
      name: item === '' ? entry.name : `${entry.name}.${item}`,
      question: entry.name,
      item,
      kind,
    })
    if (entry.multiple) {
      // Listed values only: an unlisted one is free text and must not name a column.
      const items = values
      const kind = entry.type === 'ranking' ? 'rank' : 'selected'
      columns.push(...items.map((item) => column(item, kind)))
      continue
    }
    const kind = entry.summary === 'numeric' ? 'numeric' : 'choice'
    if (entry.items.length === 0 || seen.has('')) columns.push(column('', kind))
    const listed = entry.items.map((i) => i.value)
    const items = [...new Set([...listed, ...seen])]
      .filter((item) => item !== '')
      .sort(rankIn(listed))
    columns.push(...items.map((item) => column(item, kind)))
  }
  const dimensions = codebook.entries.filter((e) => e.isDimension).map((e) => e.name)
  return { dimensions, columns }
}

/** One response as the anonymiser sees it: month, dimension values, the other cells. */
export function toResponseRecord(
  response: ReleasedResponse,
  layout: ResponseLayout,
): ResponseRecord<CsvField[]> {
  const answers = new Map<string, Map<string, { value: string | null; number: number | null }>>()
  for (const { question, item, value, number } of response.values) {
    if (!answers.has(question)) answers.set(question, new Map())
    answers.get(question)!.set(item, { value, number })
  }
  const cells = layout.columns.map((column): CsvField => {
    const answered = answers.get(column.question)
    const cell = answered?.get(column.item)
    if (column.kind === 'selected') return answered ? (cell ? 1 : 0) : null
    if (column.kind === 'rank' || column.kind === 'numeric')
      return cell?.number ?? cell?.value ?? null
    return cell?.value ?? null
  })
  return {
    month: response.month,
    dimensions: layout.dimensions.map((name) => answers.get(name)?.get('')?.value ?? ''),
    cells: [response.knowledgeScore, ...cells],
  }
}

/** Header of the file: the fixed columns, then one per answer column. */
export const responseHeader = (layout: ResponseLayout) => [
  'month',
  ...layout.dimensions,
  'generalised',
  'knowledge_score',
  ...layout.columns.map((c) => c.name),
]
