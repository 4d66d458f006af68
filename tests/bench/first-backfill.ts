import { sql, type Kysely } from 'kysely'

// The response-counts migration's backfill as first written (db/migrations/
// 2026-11-26T02-00_response-counts.ts before decision 008): one INSERT ... SELECT ... GROUP BY on
// the whole eleven-column key per kind. Kept to check that the rewrite gives the same rows
// (tests/response-counts-backfill.test.ts) and to measure both in the same run (the bench).
export async function firstBackfill(db: Kysely<any>, versionId: number, dimensions: readonly string[]) {
  const counted = dimensions.slice(0, 4)
  const cell = Array.from({ length: 4 }, (_, i) =>
    i < counted.length ? sql`coalesce(${sql.raw(`d${i}`)}.value, '')` : sql`''`,
  )
  const joins = sql.join(
    counted.map((question, i) => {
      const d = sql.raw(`d${i}`)
      return sql`left join response_values ${d}
        on ${d}.response_id = r.id and ${d}.question = ${question} and ${d}.item = ''`
    }),
    sql` `,
  )
  const kinds = {
    response: {
      join: sql``,
      what: sql`'', '', '', count(*), count(r.knowledge_score), coalesce(sum(r.knowledge_score), 0)`,
      filter: sql``,
    },
    answer: {
      join: sql`join response_values a on a.response_id = r.id`,
      what: sql`a.question, a.item, a.value, count(*), count(a.number), coalesce(sum(a.number), 0)`,
      filter: sql`and a.value is not null`,
    },
    quiz: {
      join: sql`join response_quiz_items q on q.response_id = r.id`,
      what: sql`q.question, '', '', count(*), count(q.correct), coalesce(sum(q.correct), 0)`,
      filter: sql``,
    },
  }
  const keyColumns = 'survey_id, release_no, dims, g0, g1, g2, g3, kind, question, item, value'
  for (const kind of ['response', 'answer', 'quiz'] as const) {
    const { join, what, filter } = kinds[kind]
    await sql`
      insert into response_counts (${sql.raw(keyColumns)}, n, numbers, number_sum)
      select v.survey_id, coalesce(r.release_no, 0), cast(${JSON.stringify(counted)} as text),
        ${sql.join(cell, sql`, `)}, cast(${kind} as text), ${what}
      from responses r
      join survey_versions v on v.id = r.survey_version_id
      ${joins}
      ${join}
      where r.survey_version_id = ${versionId} ${filter}
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      order by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
      on conflict (${sql.raw(keyColumns)}) do update set
        n = response_counts.n + excluded.n,
        numbers = response_counts.numbers + excluded.numbers,
        number_sum = response_counts.number_sum + excluded.number_sum`.execute(db)
  }
}

