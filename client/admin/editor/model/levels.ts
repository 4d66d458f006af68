import { isObject, type Json } from './texts'

// A definition's `levels` group a dimension's choice values (README, "Dimensions"): the editor
// has no view of them, but a renamed question or choice value is followed in them, as in
// `dimensions`. A deleted or added choice is left to the server, whose 422 names the level.

const levelsIn = (copy: Json): Json[] =>
  Array.isArray(copy.levels) ? copy.levels.filter(isObject) : []

/** Levels of the question `old` become levels of `next`. */
export function renameLevelsOf(copy: Json, old: string, next: string): void {
  for (const level of levelsIn(copy)) if (level.of === old) level.of = next
}

/** The choice value `old` of the question `of` is `next` in every group it is a member of. */
export function renameMember(copy: Json, of: string, old: string, next: string): void {
  for (const level of levelsIn(copy)) {
    if (level.of !== of || !Array.isArray(level.groups)) continue
    for (const group of level.groups.filter(isObject)) {
      if (!Array.isArray(group.members)) continue
      group.members = group.members.map((member) => (member === old ? next : member))
    }
  }
}
