import { sql, type RawBuilder } from 'kysely'

/**
 * A level (server/domain/dimension-levels.ts) as the aggregate readers need it: the counted
 * dimension it groups and each group's members, e.g. `region.area` of `region`. A reader groups
 * by it by mapping the dimension's column to group values in SQL and summing the finer figures.
 */
export interface LevelGrouping {
  name: string
  of: string
  groups: Readonly<Record<string, readonly string[]>>
}

export const levelNamed = (levels: readonly LevelGrouping[] | undefined, name: string) =>
  levels?.find((level) => level.name === name)

/** The dimension whose values a grouping name reads: itself, or the one a level groups. */
export const sourceOf = (levels: readonly LevelGrouping[] | undefined, name: string) =>
  levelNamed(levels, name)?.of ?? name

/**
 * `case <column> when <member> then <group> ... end`, members and groups bound as parameters.
 * Unanswered ('') stays '' at the level; a value in no group reads NULL (in no published cell).
 */
export function levelCase(column: RawBuilder<unknown>, level: LevelGrouping): RawBuilder<unknown> {
  const pairs: [string, string][] = Object.entries(level.groups).flatMap(([group, members]) =>
    members.map((member): [string, string] => [member, group]),
  )
  if (!pairs.some(([member]) => member === '')) pairs.unshift(['', ''])
  const whens = pairs.map(([member, group]) => sql`when ${member} then ${group}`)
  return sql`case ${column} ${sql.join(whens, sql` `)} end`
}
