import { isPlainObject } from './answers/json.js'
import type { Dimension } from './dimensions.js'

/**
 * A coarser level of a dimension (e.g. the wellbeing services counties grouped into the five
 * collaborative areas). Declared at the top of a definition:
 *
 *   "levels": [{ "name": "area", "of": "region", "title": {...},
 *                "groups": [{ "value": "south", "text": {...}, "members": ["helsinki", ...] }] }]
 *
 * Results can be grouped by it as `region.area`; its tables are planned and audited with the
 * dimension's own (server/domain/suppression), so a group of the level is as safe as any cell.
 */
export interface LevelGroup {
  value: string
  /** Localised text as SurveyJS writes it: a string or `{ default, fi, sv, ... }`. */
  text: unknown
  members: string[]
}

export interface Level {
  /** `<dimension>.<level>`: the name `by` takes. */
  name: string
  /** The dimension whose values are grouped. */
  of: string
  title: unknown
  groups: LevelGroup[]
}

/** Few enough that the tables a release plans stay small (each level adds a row of tables). */
export const MAX_LEVELS = 4
const NAME = /^[a-z][a-z0-9_]{0,31}$/

/** A SurveyJS text: absent, a string, or `{ default, fi, sv, ... }` of strings. */
export const isText = (text: unknown) =>
  text === undefined ||
  typeof text === 'string' ||
  (isPlainObject(text) && Object.values(text).every((t) => typeof t === 'string'))

/** Each dimension value in exactly one group; a level of a dimension that is not one is refused. */
export function readLevels(
  declared: unknown,
  dimensions: readonly Dimension[],
): { levels: Level[]; errors: string[] } {
  if (declared === undefined) return { levels: [], errors: [] }
  if (!Array.isArray(declared) || !declared.every(isPlainObject)) {
    return { levels: [], errors: ['"levels" must be a list of objects'] }
  }
  if (declared.length > MAX_LEVELS) {
    return { levels: [], errors: [`At most ${MAX_LEVELS} levels can be declared`] }
  }
  const levels: Level[] = []
  const errors: string[] = []
  for (const raw of declared as Record<string, unknown>[]) {
    const problems = levelProblems(raw, dimensions)
    const name = `${String(raw.of)}.${String(raw.name)}`
    if (levels.some((level) => level.name === name)) problems.push(`Level "${name}" is declared twice`)
    errors.push(...problems)
    if (problems.length > 0) continue
    const groups = (raw.groups as Record<string, unknown>[]).map((group) => ({
      value: group.value as string,
      text: group.text,
      members: [...(group.members as string[])],
    }))
    levels.push({ name, of: raw.of as string, title: raw.title, groups })
  }
  return { levels, errors }
}

function levelProblems(raw: Record<string, unknown>, dimensions: readonly Dimension[]): string[] {
  const { name, of, title, groups } = raw
  if (typeof name !== 'string' || !NAME.test(name)) {
    return ['A level needs a "name" of lower-case letters, digits and _ (at most 32)']
  }
  const dimension = dimensions.find((d) => d.name === of)
  if (!dimension) return [`Level "${name}" must name one of the dimensions in "of"`]
  const label = `Level "${of}.${name}"`
  if (!isText(title)) return [`${label}: "title" must be text`]
  if (!Array.isArray(groups) || groups.length < 2 || !groups.every(isPlainObject)) {
    return [`${label} needs at least two "groups"`]
  }
  const problems: string[] = []
  const seen = new Map<string, string>()
  const values = new Set<string>()
  for (const group of groups as Record<string, unknown>[]) {
    const { value, text, members } = group
    if (typeof value !== 'string' || value === '' || value.length > 64) {
      problems.push(`${label}: each group needs a "value" (1 to 64 characters)`)
      continue
    }
    if (values.has(value)) problems.push(`${label}: group "${value}" is declared twice`)
    values.add(value)
    if (!isText(text)) problems.push(`${label}: the "text" of group "${value}" must be text`)
    if (!Array.isArray(members) || members.length === 0) {
      problems.push(`${label}: group "${value}" needs "members", values of ${of}`)
      continue
    }
    for (const member of members) {
      if (typeof member !== 'string' || !dimension.values.includes(member)) {
        problems.push(`${label}: "${String(member)}" is not a value of ${of}`)
      } else if (seen.has(member)) {
        problems.push(`${label}: "${member}" is in two groups ("${seen.get(member)}", "${value}")`)
      } else seen.set(member, value)
    }
  }
  const missing = dimension.values.filter((v) => !seen.has(v))
  if (missing.length > 0) {
    problems.push(`${label}: every value of ${of} needs a group; missing: ${missing.join(', ')}`)
  }
  return problems
}

/** Member value -> group value. */
export function groupOf(level: Level): Map<string, string> {
  return new Map(level.groups.flatMap((g) => g.members.map((m) => [m, g.value] as const)))
}

/**
 * Why `next`'s levels may not follow `current`'s (undefined: they may). Releases keep their
 * level tables, so a level's groups keep their members; new groups and members of new values
 * may be added, and levels may be added or dropped.
 */
export function levelsChange(current: readonly Level[], next: readonly Level[]): string | undefined {
  for (const before of current) {
    const after = next.find((l) => l.name === before.name)
    if (!after) continue
    const now = groupOf(after)
    for (const group of before.groups) {
      const moved = group.members.find((m) => now.has(m) && now.get(m) !== group.value)
      if (moved) {
        return (
          `Level "${before.name}": "${moved}" must stay in group "${group.value}" ` +
          '(releases keep the groups); give a new grouping a new level name.'
        )
      }
    }
  }
  return undefined
}
