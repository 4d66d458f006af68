import { cpus } from 'node:os'

export interface Section {
  title: string
  /** Markdown table rows; the first row is the header. */
  rows: (string | number)[][]
  notes: string[]
}

export interface Target {
  name: string
  value: string
  met: boolean
}

export const fmt = (n: number, digits = 1) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : String(n)
export const ratio = (subject: number, baseline: number) => subject / baseline

function table(rows: (string | number)[][]): string {
  const [head, ...body] = rows.map((row) => row.map(String))
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

export function renderReport(
  sections: Section[],
  targets: Target[],
  context: { quick: boolean; date: Date; totalSeconds: number },
): string {
  const lines = [
    '# Benchmarks',
    '',
    `Made by \`npm run bench${context.quick ? ' -- --quick' : ''}\` on ${context.date.toISOString().slice(0, 16).replace('T', ' ')} UTC: ` +
      `${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, ` +
      `${fmt(context.totalSeconds, 0)} s in all. Loopback only.`,
    '',
    'Every figure is compared with a baseline measured in the same run on the same machine, so the',
    'ratios hold even when the absolute numbers move with the load of a shared machine.',
    '',
    '## Targets',
    '',
    table([['target', 'figure', 'met'], ...targets.map((t) => [t.name, t.value, t.met ? 'yes' : '**no**'])]),
    '',
  ]
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', table(section.rows), '')
    for (const note of section.notes) lines.push(`- ${note}`)
    if (section.notes.length > 0) lines.push('')
  }
  return lines.join('\n')
}
