import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { kindOf } from '../../client/admin/editor/model/kinds'
import * as ops from '../../client/admin/editor/model/operations'
import { allElements } from '../../client/admin/editor/model/structure'
import { adoptTranslations, translationStatus } from '../../client/admin/editor/model/translations'

const bundled = JSON.parse(
  readFileSync(new URL('../../surveys/counter-trafficking.json', import.meta.url), 'utf8'),
)

describe('the bundled questionnaire in the editor', () => {
  it('is fully translated, every question has a kind the editor edits', () => {
    const status = translationStatus(adoptTranslations(bundled))
    expect(status.map((s) => [s.lang, s.missing.length, s.outdated.length])).toEqual([
      ['fi', 0, 0],
      ['sv', 0, 0],
      ['en', 0, 0],
    ])
    expect(allElements(bundled).filter((e) => kindOf(e) === null)).toEqual([])
    expect(ops.dimensionsOf(bundled)).toEqual(['sector', 'region', 'profession'])
  })

  it('is kept exactly by edits that undo each other', () => {
    const at = { page: 1, index: 0 }
    const moved = ops.moveQuestion(ops.moveQuestion(bundled, at, 1), { page: 1, index: 1 }, -1)
    expect(moved).toEqual(bundled)
  })
})
