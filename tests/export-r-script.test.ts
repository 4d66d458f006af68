import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createTestContext } from './helpers.js'
import { base, exportSetup } from './export-setup.js'

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
    await setup.admin.post(`${base}/releases`)
    const res = await setup.admin.get(`${base}/export?level=responses&format=zip&lang=fi`)
    const dir = mkdtempSync(join(tmpdir(), 'r-export-'))
    try {
      for (const [name, bytes] of Object.entries(
        unzipSync(new Uint8Array(await res.arrayBuffer())),
      )) {
        writeFileSync(join(dir, name), bytes)
      }
      writeFileSync(join(dir, 'check.R'), CHECK)
      const out = execFileSync(RSCRIPT, ['check.R'], { cwd: dir, encoding: 'utf8' })
        .trim()
        .split('\n')
      expect(out.map((line) => line.trim())).toEqual([
        '11',
        'Sosiaalipalvelut',
        '5',
        ((6 * 2 + 5 * 5) / 11).toFixed(6),
        '11',
        '11',
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
