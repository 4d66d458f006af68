import { Migrator, type Kysely } from 'kysely'
import { currentSchema } from './dialect.js'
import { migrations } from './migrations/index.js'

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    migrationTableSchema: await currentSchema(db),
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : ''
    throw new Error(`Database migration failed${name}: ${String(error ?? 'unknown error')}`)
  }
}
