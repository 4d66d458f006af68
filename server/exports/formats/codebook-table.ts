import type { Codebook, CodebookEntry, CodebookValue } from '../../domain/codebook.js'
import type { CsvField } from './csv.js'

/**
 * The codebook as one flat table (CSV and the workbook's sheet): a `question` row per question,
 * then a `value` row per answer value and an `item` row per matrix row or text item; then a
 * `level` row per level of a dimension and a `group` row per group, its `members` listed.
 */
export function codebookTable(codebook: Codebook): { header: string[]; rows: CsvField[][] } {
  const { locales } = codebook
  const header = [
    'question',
    'row_kind',
    'value',
    ...locales.map((l) => `label_${l}`),
    'type',
    'page',
    'parent',
    'is_dimension',
    'is_required',
    'multiple',
    'summary',
    'correct_answer',
    'visible_if',
    'enable_if',
    'required_if',
    'container_visible_if',
    'members',
  ]
  const rows: CsvField[][] = []
  const facts = (entry: CodebookEntry): CsvField[] => [
    entry.type,
    entry.page,
    entry.parent ?? '',
    entry.isDimension,
    entry.isRequired,
    entry.multiple,
    entry.summary,
    correctAnswerText(entry.correctAnswer),
    entry.visibleIf ?? '',
    entry.enableIf ?? '',
    entry.requiredIf ?? '',
    entry.containerVisibleIf.join(' and '),
  ]
  const labelled = (entry: CodebookEntry, kind: string, value: CodebookValue): CsvField[] => [
    entry.name,
    kind,
    value.value,
    ...locales.map((l) => value.label[l]),
  ]
  for (const entry of codebook.entries) {
    rows.push([...labelled(entry, 'question', { value: '', label: entry.title }), ...facts(entry)])
    for (const value of entry.values) rows.push(labelled(entry, 'value', value))
    for (const item of entry.items) rows.push(labelled(entry, 'item', item))
  }
  // A level: its title, then each group with the dimension's values it holds (space-separated).
  for (const level of codebook.levels) {
    const title = locales.map((l) => level.title[l])
    rows.push([level.name, 'level', '', ...title, 'level'])
    for (const group of level.groups) {
      const labels = locales.map((l) => group.label[l])
      const blank = Array(header.length - 4 - locales.length).fill('')
      rows.push([level.name, 'group', group.value, ...labels, ...blank, group.members.join(' ')])
    }
  }
  // Every record as long as the header: RFC 4180, and what R and pandas expect.
  return {
    header,
    rows: rows.map((row) => [...row, ...Array(header.length - row.length).fill('')]),
  }
}

export function correctAnswerText(answer: unknown): string {
  if (answer === null || answer === undefined) return ''
  return typeof answer === 'string' ? answer : JSON.stringify(answer)
}
