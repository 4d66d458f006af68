import type { CsvField } from './formats/csv.js'
import { toCsv } from './formats/csv.js'
import { KNOWLEDGE_FIGURES } from '../knowledge/codebook.js'
import type { Knowledge, KnowledgeFigures } from '../knowledge/contract.js'
import { buildWorkbook } from './xlsx-workbook.js'

const FIGURE_COLUMNS = [
  'figure',
  'item',
  'value',
  'count',
  'of',
  'estimate',
  'ci_low',
  'ci_high',
  'df',
  'p',
]

type Row = Partial<Record<(typeof FIGURE_COLUMNS)[number], CsvField>>

/** One row per figure of one group, in the long format of the aggregate export. */
function figureRows(cell: KnowledgeFigures): Row[] {
  const rows: Row[] = []
  const ci = (interval: [number, number] | null | undefined) =>
    interval ? { ci_low: interval[0], ci_high: interval[1] } : {}
  if (cell.score) {
    rows.push({
      figure: 'score_mean',
      estimate: cell.score.mean,
      of: cell.score.max,
      ...ci(cell.score.ci),
    })
    rows.push({ figure: 'score_sd', estimate: cell.score.sd })
    for (const [bin, count] of Object.entries(cell.score.distribution)) {
      rows.push({ figure: 'score_bin', value: bin, count })
    }
  }
  for (const item of cell.items) {
    rows.push({
      figure: 'item_share',
      item: item.name,
      count: item.correct,
      of: item.n,
      estimate: item.share,
      ...ci(item.ci),
    })
    rows.push({ figure: 'discrimination', item: item.name, estimate: item.discrimination })
    if (item.baseline) {
      const { correct, n, difference, p } = item.baseline
      rows.push({
        figure: 'baseline_difference',
        item: item.name,
        count: correct,
        of: n,
        estimate: difference,
        ...ci(item.baseline.ci),
        p,
      })
    }
  }
  if (cell.reliability) {
    rows.push({ figure: 'kr20', estimate: cell.reliability.kr20 })
    for (const [item, alpha] of Object.entries(cell.reliability.alphaIfDeleted)) {
      rows.push({ figure: 'alpha_if_deleted', item, estimate: alpha })
    }
  }
  if (cell.selfRating) {
    const item = cell.selfRating.question
    for (const v of cell.selfRating.values) {
      if ('suppressed' in v) continue
      rows.push({
        figure: 'rating_mean_score',
        item,
        value: String(v.value),
        count: v.n,
        estimate: v.meanScore,
        ...ci(v.ci),
      })
    }
    rows.push({ figure: 'spearman', item, estimate: cell.selfRating.spearman })
  }
  return rows
}

/** The knowledge body as a tidy table: what GET .../knowledge shows, nothing more. */
export function knowledgeTable(body: Knowledge) {
  const header = [...body.by, 'suppressed', 'n', ...FIGURE_COLUMNS]
  const rows: CsvField[][] = []
  const add = (dims: CsvField[], suppressed: boolean, n: CsvField, figures: Row[]) => {
    if (suppressed || figures.length === 0) rows.push([...dims, suppressed, n])
    for (const row of figures) rows.push([...dims, false, n, ...FIGURE_COLUMNS.map((c) => row[c])])
  }
  const all = body.by.map(() => '(all)')
  const total = body.total
  if ('suppressed' in total) add(all, true, '', [])
  else if ('items' in total) add(all, false, total.n, figureRows(total))
  else add(all, false, total.n, [])
  if (body.comparison) {
    const { statistic, df, p } = body.comparison
    add(all, false, 'n' in total ? total.n : '', [
      { figure: 'kruskal_wallis', item: body.by.join(' x '), estimate: statistic, df, p },
    ])
  }
  for (const group of body.groups) {
    const dims = body.by.map((name) => group.key[name])
    if (group.suppressed) add(dims, true, '', [])
    else if (!('items' in group))
      add(dims, false, group.n, []) // n only: no statistics (decision 007)
    else add(dims, false, group.n, figureRows(group))
  }
  return { header, rows }
}

export const knowledgeCsv = (body: Knowledge) => {
  const { header, rows } = knowledgeTable(body)
  return toCsv(header, rows)
}

export function knowledgeWorkbook(body: Knowledge) {
  return buildWorkbook({
    long: knowledgeTable(body),
    crossTables: [],
    codebook: {
      header: ['figure', 'definition'],
      rows: KNOWLEDGE_FIGURES.map((f) => [f.figure, f.definition]),
    },
    minGroupSize: body.minGroupSize,
  })
}
