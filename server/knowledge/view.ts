/** The knowledge endpoint's body for one `by`, from a release's figures (compute.ts). */
import { kruskalWallis } from './stats.js'
import type { KnowledgeRelease, PublishedKnowledgeFigure } from './types.js'
import type { Knowledge } from './contract.js'

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name))

export function knowledgeBody(
  release: KnowledgeRelease,
  request: { survey: string; release: number; by: string[]; baselineLabel?: string },
): Knowledge {
  const find = (by: readonly string[]) => {
    const t = release.tables.findIndex((table) => sameSet(table.by, by))
    if (t < 0) throw new TypeError(`knowledge: no table by [${by.join(', ')}]`)
    return t
  }
  const totalCell = release.tables[find([])].cells[0]
  const total = totalCell.suppressed
    ? { suppressed: true as const }
    : (({ key: _key, suppressed: _s, ...figures }) => figures)(totalCell)
  const t = find(request.by)
  const groups = release.tables[t].cells.map((cell) => {
    const key = Object.fromEntries(request.by.map((name) => [name, cell.key[name]]))
    return { ...cell, key }
  })
  // Kruskal-Wallis over the shown groups only: hidden ones are never part of any statistic.
  const samples = release.tables[t].cells.flatMap((cell, c) =>
    !cell.suppressed && 'items' in cell && release.scores[t][c].length > 0
      ? [release.scores[t][c]]
      : [],
  )
  const comparison =
    samples.length > 1 ? { test: 'kruskal-wallis' as const, ...kruskalWallis(samples) } : null
  return {
    survey: request.survey,
    release: request.release,
    minGroupSize: release.minGroupSize,
    by: request.by,
    total,
    groups,
    comparison,
    ...(request.baselineLabel === undefined ? {} : { baseline: { label: request.baselineLabel } }),
  }
}

/**
 * Every count and sum the knowledge figures of a release publish, across all of its tables (so
 * across every `by`): the input the disclosure audit needs (issue 15). Item counts are the same
 * numbers as the aggregates' quiz counts.
 */
export const publishedKnowledgeFigures = (release: KnowledgeRelease): PublishedKnowledgeFigure[] =>
  release.figures
