import type { TableState } from '../endpoints/world.js'

/** What is wrong with a response that should be a refusal in the API's error shape, if anything. */
export async function refusalProblems(res: Response): Promise<string[]> {
  const problems: string[] = []
  if (res.status < 400 || res.status >= 500) problems.push(`status ${res.status}`)
  const type = res.headers.get('content-type') ?? ''
  if (!type.startsWith('application/json')) problems.push(`content-type "${type}"`)
  const text = await res.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return [...problems, `body not JSON: ${text.slice(0, 200)}`]
  }
  const error = (body as { error?: Record<string, unknown> })?.error
  const shaped =
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    typeof error.message === 'string' &&
    Array.isArray(error.details) &&
    Object.keys(body as object).length === 1
  if (!shaped) problems.push(`not the error shape: ${text.slice(0, 200)}`)
  return problems
}

/**
 * Tables that changed, as "table: before → after": a row count other than the expected change,
 * or, where no change is expected, any change of contents (rows updated in place).
 */
export function rowChanges(
  before: Record<string, TableState>,
  after: Record<string, TableState>,
  expected: Record<string, number> = {},
): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)])
  const empty = { rows: 0, digest: '' }
  return [...tables].flatMap((table) => {
    const [was, is] = [before[table] ?? empty, after[table] ?? empty]
    const delta = expected[table] ?? 0
    if (is.rows !== was.rows + delta) return [`${table}: ${was.rows} → ${is.rows} rows`]
    if (delta === 0 && is.digest !== was.digest) return [`${table}: rows updated`]
    return []
  })
}
