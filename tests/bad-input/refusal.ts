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

/** Row counts that differ from the expected ones, as "table: before → after". */
export function rowChanges(
  before: Record<string, number>,
  after: Record<string, number>,
  expected: Record<string, number> = {},
): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...tables]
    .filter((table) => (after[table] ?? 0) !== (before[table] ?? 0) + (expected[table] ?? 0))
    .map((table) => `${table}: ${before[table]} → ${after[table]}`)
}
