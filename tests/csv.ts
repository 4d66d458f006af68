/** A strict RFC 4180 reader for tests: BOM required, CRLF records, quoted fields. */
export function parseCsv(
  text: string,
  separator = ',',
): { header: string[]; rows: Record<string, string>[] } {
  if (!text.startsWith('\uFEFF')) throw new Error('no UTF-8 byte order mark')
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++)
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === separator) (record.push(field), (field = ''))
    else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      ;((field = ''), (record = []), i++)
    } else if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${i}`)
    else field += ch
  }
  if (field !== '' || record.length > 0) throw new Error('last record not terminated by CRLF')
  const [header, ...body] = records
  for (const r of body)
    if (r.length !== header.length) throw new Error(`ragged record: ${r.join(',')}`)
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) }
}
