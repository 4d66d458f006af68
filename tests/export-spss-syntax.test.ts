import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTestContext } from './helpers.js'
import { base, exportSetup, runOnUnzipped } from './export-setup.js'

// PSPP reads SPSS syntax; it stands in for SPSS, which cannot run in tests.
const PSPP = '/usr/bin/pspp'
const havePspp = existsSync(PSPP)
if (!havePspp) console.log(`SPSS syntax test skipped: no ${PSPP} (apt-get install pspp)`)

const CHECK = `
INCLUDE FILE='counter-trafficking-release-1-responses.sps'.
FREQUENCIES /VARIABLES=sector region.
DESCRIPTIVES /VARIABLES=confidence_identify.
`

describe.skipIf(!havePspp)('the SPSS syntax of the response-level zip', () => {
  it('reads the CSV and applies Swedish value labels', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(6, {
      sector: 'social_services',
      region: 'helsinki',
      profession: 'nurse',
      confidence_identify: 2,
    })
    await setup.answer(5, {
      sector: 'social_services',
      region: 'ahvenanmaa',
      profession: 'nurse',
      confidence_identify: 5,
    })
    await setup.admin.post(`${base}/close`)
    const res = await setup.admin.get(`${base}/export?level=responses&format=zip&lang=sv`)
    const out = await runOnUnzipped(res, { name: 'check.sps', text: CHECK }, (script) => [
      PSPP,
      ['-O', 'format=txt', script],
    ])
    expect(out).not.toMatch(/error/i)
    expect(out).toMatch(/Socialservice\s*\|\s*11\|/)
    expect(out).toMatch(/Åland\s*\|\s*5\|/)
    expect(out).toMatch(/\|\s*11\|\s*3\.36\|/) // N and mean of confidence_identify
  }, 60_000)
})
