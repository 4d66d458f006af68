/**
 * The response-level file, consistent with every release's tables (docs/decisions/007). The
 * published counts split respondents into classes: those contained in exactly the same published
 * figures, which no combination of figures (nor matching answers against them) can tell apart.
 * The file is made only when every class holds at least k respondents; each row then shows its
 * dimension values as far as its class determines them (else GENERALISED) and no month. Every
 * published figure is a union of classes, so the file and the tables together single out no
 * group below k, and nothing in the file is finer than a class.
 */
import { GENERALISED } from '../../domain/anonymise-responses.js'
import { figuresOf, withLevels, type Atom } from '../../domain/suppression/figures.js'
import { unionDimensions } from '../../domain/suppression/model.js'
import { atomClasses } from '../../domain/suppression/span-audit.js'
import type { CellKey, Publication } from '../../domain/suppression/types.js'

export type FilePlan =
  | {
      ok: true
      present: (key: CellKey, batch: number) => { values: CellKey; generalised: string[] }
    }
  | { ok: false; reasons: string[] }

const atomId = (key: CellKey, batch: number) => JSON.stringify([batch, Object.entries(key).sort()])

export function planResponseFile(
  publications: readonly Publication[],
  atoms: readonly Atom[],
  k: number,
): FilePlan {
  // Rows show the real dimensions; a level's tables are figures like any other.
  const names = publications[publications.length - 1].dimensions
    .filter((d) => !d.level)
    .map((d) => d.name)
  const expand = withLevels(unionDimensions(publications.map((p) => p.dimensions)))
  const expanded = atoms.map((atom) => ({ ...atom, key: expand(atom.key) }))
  const classes = atomClasses(expanded, figuresOf(publications))
  const small = classes.filter((c) => c.n < k)
  if (small.length > 0) {
    // How many, and how small, is not said: the admin reading it must not learn it either.
    return {
      ok: false,
      reasons: [
        `Some responses are in groups of fewer than ${k} that the published tables tell apart; ` +
          'a file showing them could single them out.',
      ],
    }
  }
  const shown = new Map<string, { values: CellKey; generalised: string[] }>()
  for (const c of classes) {
    const values = Object.fromEntries(
      names.map((name) => {
        const all = new Set(c.atoms.map((a) => a.key[name]))
        return [name, all.size === 1 ? [...all][0] : GENERALISED]
      }),
    )
    const generalised = names.filter((name) => values[name] === GENERALISED)
    for (const a of c.atoms) shown.set(atomId(a.key, a.batch), { values, generalised })
  }
  return {
    ok: true,
    present: (key, batch) => {
      const hit = shown.get(atomId(expand(key), batch))
      if (!hit) throw new TypeError('response file: a response outside the planned classes')
      return hit
    },
  }
}
