import type { Kysely } from 'kysely'
import type { Baseline } from '../../server/knowledge/types.js'
import type { Database } from '../schema.js'

export async function readBaseline(
  db: Kysely<Database>,
  surveyId: number,
): Promise<Baseline | undefined> {
  const row = await db
    .selectFrom('survey_baselines')
    .select(['label', 'items'])
    .where('survey_id', '=', surveyId)
    .executeTakeFirst()
  return row && { label: row.label, items: JSON.parse(row.items) as Baseline['items'] }
}

/** Replaces the survey's baseline (one per survey). */
export async function saveBaseline(db: Kysely<Database>, surveyId: number, baseline: Baseline) {
  const values = {
    survey_id: surveyId,
    label: baseline.label,
    items: JSON.stringify(baseline.items),
  }
  await db
    .insertInto('survey_baselines')
    .values(values)
    .onConflict((oc) =>
      oc.column('survey_id').doUpdateSet({ label: values.label, items: values.items }),
    )
    .execute()
}
