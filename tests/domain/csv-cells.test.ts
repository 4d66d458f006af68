import { describe, expect, it } from 'vitest'
import { csvLine } from '../../server/exports/formats/csv.js'
import { invitationCsv } from '../../server/domain/invitation-csv.js'

describe('CSV cells and spreadsheet formulas (OWASP CSV injection)', () => {
  it('starts text that a spreadsheet would run as a formula with an apostrophe', () => {
    expect(csvLine(['=HYPERLINK("https://evil.example","Click")'])).toBe(
      `"'=HYPERLINK(""https://evil.example"",""Click"")"\r\n`,
    )
    expect(csvLine(['+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '\0x'])).toBe(
      `'+cmd,'-2+3,'@SUM(A1),'\tx,"'\rx",'\0x\r\n`,
    )
  })

  it('leaves numbers, plain numeric text, flags and other text as they are', () => {
    expect(csvLine([-1, -0.5, '-1', '+2.5', '-1e-3', true, 'a=b', 'sector', null])).toBe(
      '-1,-0.5,-1,+2.5,-1e-3,TRUE,a=b,sector,\r\n',
    )
  })

  it('applies to the invitation-code file too', () => {
    expect(invitationCsv(['7KQ2-M9XD-R4TV-0HCE'], (code) => `=HYPERLINK("${code}")`)).toBe(
      `code,link\r\n7KQ2-M9XD-R4TV-0HCE,"'=HYPERLINK(""7KQ2-M9XD-R4TV-0HCE"")"\r\n`,
    )
  })
})
