import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'

/**
 * The secret stored under `name`, created from `make()` on first use. Several instances starting
 * at once may each try to create it: the first insert wins and everyone reads that one.
 */
export async function readOrCreateSecret(
  db: Kysely<Database>,
  name: string,
  make: () => string,
): Promise<string> {
  const read = () =>
    db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirst()
  const existing = await read()
  if (existing) return existing.value
  await db
    .insertInto('server_secrets')
    .values({ name, value: make() })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute()
  return (await read())!.value
}
