import { GENERALISED } from '../../domain/anonymise-responses.js'
import type { Codebook, CodebookEntry } from '../../domain/codebook.js'
import { inertCellText } from './csv.js'
import type { ResponseColumn, ResponseLayout } from './response-columns.js'

/** Languages the scripts can label in. */
export const LABEL_LANGUAGES = ['en', 'fi', 'sv'] as const
export type LabelLanguage = (typeof LABEL_LANGUAGES)[number]

const GENERALISED_LABEL: Record<LabelLanguage, string> = {
  en: 'Other (generalised for anonymity)',
  fi: 'Muu (yleistetty tunnistamattomuuden vuoksi)',
  sv: 'Annan (generaliserad för anonymitet)',
}

export interface ScriptInput {
  csvFile: string
  heading: string
  codebook: Codebook
  layout: ResponseLayout
  lang: LabelLanguage
}

interface Variable {
  name: string
  label: string
  numeric: boolean
  /** value -> label, for categorical variables */
  values: [string, string][]
}

/** Every column of the file with its label and value labels, in file order. */
function variables({ codebook, layout, lang }: ScriptInput): Variable[] {
  const entries = new Map(codebook.entries.filter((e) => e.parent === null).map((e) => [e.name, e]))
  const valueLabels = (entry: CodebookEntry | undefined): [string, string][] =>
    entry ? entry.values.map((v) => [v.value, v.label[lang]]) : []
  const itemLabel = (entry: CodebookEntry | undefined, column: ResponseColumn) => {
    const item = [...(entry?.items ?? []), ...(entry?.values ?? [])].find(
      (i) => i.value === column.item,
    )
    const title = entry?.title[lang] ?? column.question
    return `${title}: ${item?.label[lang] ?? column.item}`
  }
  const dimension = (name: string): Variable => ({
    name,
    label: entries.get(name)?.title[lang] ?? name,
    numeric: false,
    values: [...valueLabels(entries.get(name)), [GENERALISED, GENERALISED_LABEL[lang]]],
  })
  const answer = (column: ResponseColumn): Variable => {
    const entry = entries.get(column.question)
    const label =
      column.item === '' ? (entry?.title[lang] ?? column.name) : itemLabel(entry, column)
    if (column.kind === 'choice')
      return { name: column.name, label, numeric: false, values: valueLabels(entry) }
    return { name: column.name, label, numeric: true, values: [] }
  }
  const columns: Variable[] = [
    {
      name: 'month',
      label: 'Month of submission (YYYY-MM; empty where withheld)',
      numeric: false,
      values: [],
    },
    ...layout.dimensions.map(dimension),
    {
      name: 'generalised',
      label: 'Dimensions generalised in this row',
      numeric: false,
      values: [],
    },
    {
      name: 'knowledge_score',
      label: 'Knowledge score (share of quiz items correct)',
      numeric: true,
      values: [],
    },
    ...layout.columns.map(answer),
  ]
  // Names and values as the CSV holds them, so a value such as "-x" (written '-x) still matches.
  return columns.map((v) => ({
    ...v,
    name: inertCellText(v.name),
    values: v.values.map(([value, label]) => [inertCellText(value), label]),
  }))
}

// JSON string literals are valid R string literals (\" \\ \n \uXXXX).
const r = (text: string) => JSON.stringify(text)
const rVector = (items: string[]) => `c(${items.map(r).join(', ')})`

/** A base-R script that reads the CSV and applies the codebook's labels. */
export function rScript(input: ScriptInput): string {
  const vars = variables(input)
  const numeric = vars.filter((v) => v.numeric).map((v) => v.name)
  const lines = [
    `# ${input.heading}`,
    `# Reads ${input.csvFile} and applies the codebook's value labels (${input.lang}). Base R only.`,
    '# Run it from the folder that holds the CSV: source("this file", encoding = "UTF-8")',
    '',
    `responses <- read.csv(${r(input.csvFile)}, fileEncoding = "UTF-8-BOM", colClasses = "character",`,
    '  check.names = FALSE, na.strings = "")',
    '',
    `for (name in intersect(${rVector(numeric)}, names(responses))) {`,
    '  responses[[name]] <- as.numeric(responses[[name]])',
    '}',
    '',
  ]
  for (const v of vars.filter((x) => x.values.length > 0)) {
    lines.push(
      `responses[[${r(v.name)}]] <- factor(responses[[${r(v.name)}]],`,
      `  levels = ${rVector(v.values.map(([value]) => value))},`,
      `  labels = ${rVector(v.values.map(([, label]) => label))})`,
    )
  }
  lines.push('', 'variable_labels <- c(')
  lines.push(vars.map((v) => `  ${r(v.name)} = ${r(v.label)}`).join(',\n'), ')')
  lines.push(
    'for (name in intersect(names(variable_labels), names(responses))) {',
    '  attr(responses[[name]], "label") <- variable_labels[[name]]',
    '}',
    '',
  )
  return lines.join('\n')
}

const SPSS_RESERVED = new Set([
  'ALL',
  'AND',
  'BY',
  'EQ',
  'GE',
  'GT',
  'LE',
  'LT',
  'NE',
  'NOT',
  'OR',
  'TO',
  'WITH',
])

/** SPSS names: letter first, letters/digits/._ only, not ending in a period, at most 64 bytes. */
function spssNames(names: string[]): string[] {
  const used = new Set<string>()
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9._]/g, '_').replace(/\.+$/, '')
    if (!/^[A-Za-z]/.test(base) || SPSS_RESERVED.has(base.toUpperCase())) base = `v_${base}`
    base = base.slice(0, 60)
    let candidate = base
    for (let i = 2; used.has(candidate.toUpperCase()); i++) candidate = `${base}_${i}`
    used.add(candidate.toUpperCase())
    return candidate
  })
}

const sps = (text: string) => `'${text.replace(/'/g, "''").replace(/\r?\n/g, ' ')}'`

/** SPSS syntax that reads the CSV (UTF-8) and applies variable and value labels. */
export function spssSyntax(input: ScriptInput): string {
  const vars = variables(input)
  const names = spssNames(vars.map((v) => v.name))
  const format = (v: Variable) => (v.numeric ? 'F12.4' : 'A255')
  const lines = [
    `* ${input.heading}.`,
    `* Reads ${input.csvFile} and applies the codebook's labels (${input.lang}).`,
    '* Run in Unicode mode (the default since SPSS 21) from the folder that holds the CSV.',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${sps(input.csvFile)}`,
    "  /ENCODING='UTF8'",
    '  /ARRANGEMENT=DELIMITED',
    '  /DELCASE=LINE',
    '  /FIRSTCASE=2',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /VARIABLES=',
    ...vars.map((v, i) => `    ${names[i]} ${format(v)}`),
    '.',
    'DATASET NAME responses.',
    '',
    'VARIABLE LABELS',
    vars.map((v, i) => `  ${names[i]} ${sps(v.label)}`).join('\n  /'),
    '.',
  ]
  const labelled = vars.map((v, i) => [v, names[i]] as const).filter(([v]) => v.values.length > 0)
  if (labelled.length > 0) {
    lines.push('', 'VALUE LABELS')
    lines.push(
      labelled
        .map(
          ([v, name]) =>
            `  ${name}\n${v.values.map(([value, label]) => `    ${sps(value)} ${sps(label)}`).join('\n')}`,
        )
        .join('\n  /'),
      '.',
    )
  }
  const selected = input.layout.columns.filter((c) => c.kind === 'selected')
  if (selected.length > 0) {
    const selectedNames = vars
      .map((v, i) => [v.name, names[i]] as const)
      .filter(([name]) => selected.some((c) => c.name === name))
      .map(([, name]) => name)
    lines.push(
      '',
      'VALUE LABELS',
      `  ${selectedNames.join(' ')}`,
      "    0 'not selected'",
      "    1 'selected'",
      '.',
    )
  }
  lines.push('EXECUTE.', '')
  return lines.join('\n')
}
