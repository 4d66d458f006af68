import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attachment } from '../../server/platform/content-disposition.js'

// What a client reads back: the exact name from filename*, else the quoted fallback.
function fileNameOf(header: string): string {
  const star = /; filename\*=UTF-8''([^;\s]+)$/.exec(header)
  if (star) return decodeURIComponent(star[1])
  return /^attachment; filename="([^"\\]*)"$/.exec(header)![1]
}

// A quoted fallback without " or \, then optionally RFC 8187 attr-chars and %XX.
const HEADER = /^attachment; filename="[ !#-[\]-~]*"(; filename\*=UTF-8''[\w!#$&+\-.^`|~%]+)?$/

describe('attachment (Content-Disposition)', () => {
  it('keeps a plain ASCII name as it was', () => {
    expect(attachment('survey-release-1-by-sector-region', 'csv')).toBe(
      'attachment; filename="survey-release-1-by-sector-region.csv"',
    )
  })

  it('cannot gain a second filename parameter from a quote', () => {
    const header = attachment('s-by-unit"; filename="evil.exe', 'csv')
    expect(header).toBe('attachment; filename="s-by-unit_; filename=_evil.exe.csv"')
    expect(fileNameOf(header)).toBe('s-by-unit_; filename=_evil.exe.csv')
  })

  it('turns line breaks, backslashes and slashes into underscores', () => {
    const header = attachment('a\r\nb\\c/d\u0000e\u0085f', 'csv')
    expect(header).toBe('attachment; filename="a__b_c_d_e_f.csv"')
  })

  it('gives non-ASCII names an ASCII fallback and the exact UTF-8 name (RFC 8187)', () => {
    const header = attachment("kysely-by-ammatti-ryhmä (50%)'*", 'xlsx')
    expect(header).toBe(
      `attachment; filename="kysely-by-ammatti-ryhm_ (50_)'*.xlsx"; filename*=UTF-8''kysely-by-ammatti-ryhm%C3%A4%20%2850%25%29%27%2A.xlsx`,
    )
    expect(fileNameOf(header)).toBe("kysely-by-ammatti-ryhmä (50%)'*.xlsx")
  })

  it('is a valid header for any name: one line, ASCII, one filename of each kind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const header = attachment(name, 'csv')
        expect(header).toMatch(HEADER)
        expect(() => new Headers({ 'Content-Disposition': header })).not.toThrow()
        expect(fileNameOf(header).endsWith('.csv')).toBe(true)
      }),
    )
  })
})
