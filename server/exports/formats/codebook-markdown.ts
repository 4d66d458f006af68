import type { Codebook, CodebookValue } from '../../domain/codebook.js'
import { correctAnswerText } from './codebook-table.js'

// Markdown table cells: pipes and line breaks would end the cell or the row.
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``

function valueTable(title: string, values: CodebookValue[], locales: string[]): string[] {
  if (values.length === 0) return []
  return [
    `${title}:`,
    '',
    `| value | ${locales.join(' | ')} |`,
    `| --- | ${locales.map(() => '---').join(' | ')} |`,
    ...values.map(
      (v) => `| ${cell(code(v.value))} | ${locales.map((l) => cell(v.label[l])).join(' | ')} |`,
    ),
    '',
  ]
}

/** Levels of the dimensions: which values form each group. */
function levelSections(codebook: Codebook): string[] {
  const { locales } = codebook
  if (codebook.levels.length === 0) return []
  const lines = ['## Levels', '', 'Results can also be grouped by these groupings of a dimension.', '']
  for (const level of codebook.levels) {
    lines.push(`### ${code(level.name)}: groups of ${code(level.of)}`, '')
    for (const locale of locales) lines.push(`- ${locale}: ${cell(level.title[locale])}`)
    lines.push(
      '',
      `| group | members | ${locales.join(' | ')} |`,
      `| --- | --- | ${locales.map(() => '---').join(' | ')} |`,
      ...level.groups.map(
        (g) =>
          `| ${cell(code(g.value))} | ${cell(g.members.map(code).join(', '))} | ` +
          `${locales.map((l) => cell(g.label[l])).join(' | ')} |`,
      ),
      '',
    )
  }
  return lines
}

/** The codebook for people: one section per question, then the levels. */
export function codebookMarkdown(codebook: Codebook, heading: string): string {
  const { locales } = codebook
  const lines = [`# Codebook: ${heading}`, '', `Languages: ${locales.join(', ')}.`, '']
  for (const entry of codebook.entries) {
    const name = entry.parent ? `${entry.parent}[].${entry.name}` : entry.name
    lines.push(`## ${code(name)}`, '')
    for (const locale of locales) lines.push(`- ${locale}: ${cell(entry.title[locale])}`)
    const facts = [
      `type ${code(entry.type)}`,
      `page ${code(entry.page)}`,
      entry.isRequired ? 'required' : 'optional',
      entry.multiple ? 'several values per respondent' : '',
      entry.isDimension ? '**dimension** (groups the results)' : '',
      `results: ${entry.summary}`,
    ]
    lines.push(`- ${facts.filter(Boolean).join(', ')}`)
    if (entry.correctAnswer !== null)
      lines.push(`- correct answer: ${code(correctAnswerText(entry.correctAnswer))}`)
    const logic: [string, string | null][] = [
      ['shown if', entry.visibleIf],
      ['enabled if', entry.enableIf],
      ['required if', entry.requiredIf],
      ['its page or panel is shown if', entry.containerVisibleIf.join(' and ') || null],
    ]
    for (const [label, expression] of logic)
      if (expression) lines.push(`- ${label}: ${code(expression)}`)
    lines.push(
      '',
      ...valueTable('Values', entry.values, locales),
      ...valueTable('Items', entry.items, locales),
    )
  }
  lines.push(...levelSections(codebook))
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}
