import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely'
import { dialectOf } from '../dialect.js'

/**
 * Kysely builds an insert's operation tree and SQL anew on every call: on the submission path
 * that cost about as much CPU as SQLite's own work (decision 008). An insert whose text depends
 * only on its number of rows is built by Kysely once per row count and dialect, then run with
 * each call's parameters. Rows must give every column a value (null, never undefined): Kysely
 * writes DEFAULT for a missing one, which a cached text could not follow.
 */
const texts = new Map<string, string>()

export async function executeCachedInsert<Row extends Record<string, unknown>>(
  db: Kysely<any>,
  name: string,
  columns: readonly (keyof Row & string)[],
  rows: readonly Row[],
  build: (rows: readonly Row[]) => Compilable,
): Promise<QueryResult<unknown>> {
  const parameters: unknown[] = []
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column]
      if (value === undefined) throw new Error(`${name}: ${column} has no value`)
      parameters.push(value)
    }
  }
  const key = `${dialectOf(db)}\u0000${name}\u0000${rows.length}`
  let text = texts.get(key)
  if (text === undefined) {
    const compiled = build(rows).compile()
    // The cached text is only valid if Kysely binds exactly these values in this order.
    const same =
      compiled.parameters.length === parameters.length &&
      compiled.parameters.every((value, i) => value === parameters[i])
    if (!same) throw new Error(`${name}: Kysely binds other parameters than the columns in order`)
    text = compiled.sql
    texts.set(key, text)
  }
  return db.executeQuery(CompiledQuery.raw(text, parameters))
}
