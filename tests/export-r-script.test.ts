import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTestContext } from './helpers.js'
import { base, exportSetup, runOnUnzipped } from './export-setup.js'

const RSCRIPT = '/usr/bin/Rscript'
const haveR = existsSync(RSCRIPT)
if (!haveR) console.log(`R script test skipped: no ${RSCRIPT} (apt-get install r-base-core)`)

// What the script leaves in `responses`, printed one fact per line for the test to read.
const CHECK = `
source("counter-trafficking-release-1-responses.R", encoding = "UTF-8")
cat(nrow(responses), "\\n")
cat(as.character(responses$sector[1]), "\\n")
cat(sum(responses$region == "Muu (yleistetty tunnistamattomuuden vuoksi)"), "\\n")
cat(sprintf("%.6f", mean(responses$confidence_identify)), "\\n")
cat(sum(responses[["indicators.fear_anxiety"]]), "\\n")
cat(sum(is.na(responses$met_count)), "\\n")
`

describe.skipIf(!haveR)('the R script of the response-level zip', () => {
  it('reads the CSV with base R and applies the labels', async () => {
    const setup = await exportSetup(await createTestContext())
    await setup.answer(6, {
      sector: 'social_services',
      region: 'helsinki',
      profession: 'nurse',
      confidence_identify: 2,
    })
    await setup.answer(3, {
      sector: 'social_services',
      region: 'lappi',
      profession: 'nurse',
      confidence_identify: 5,
    })
    await setup.answer(2, {
      sector: 'social_services',
      region: 'kainuu',
      profession: 'nurse',
      confidence_identify: 5,
    })
    await setup.admin.post(`${base}/close`)
    const res = await setup.admin.get(`${base}/export?level=responses&format=zip&lang=fi`)
    const printed = await runOnUnzipped(res, { name: 'check.R', text: CHECK }, (script) => [
      RSCRIPT,
      [script],
    ])
    const out = printed.trim().split('\n')
    expect(out.map((line) => line.trim())).toEqual([
      '11',
      'Sosiaalipalvelut',
      '5',
      ((6 * 2 + 5 * 5) / 11).toFixed(6),
      '11',
      '11',
    ])
  }, 60_000)
})
