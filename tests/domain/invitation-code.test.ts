import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CODE_ALPHABET,
  CODE_BYTES,
  codeFromBytes,
  codeHmac,
  normalizeCode,
} from '../../server/domain/invitation-code'
import { invitationCsv, invitationLink } from '../../server/domain/invitation-csv'

const randomBytes = fc.uint8Array({ minLength: CODE_BYTES, maxLength: CODE_BYTES })

// Ways a person may copy a code: other case, no dashes, spaces, lookalike letters.
function retyped(code: string, variant: number): string {
  const plain = code.replace(/-/g, '')
  switch (variant) {
    case 0:
      return code.toLowerCase()
    case 1:
      return plain
    case 2:
      return ` ${plain.match(/.{4}/g)?.join(' ')} `
    default:
      return code.replace(/1/g, 'l').replace(/0/g, 'O').toLowerCase()
  }
}

describe('invitation codes', () => {
  it('are four groups of four Crockford base32 characters', () => {
    fc.assert(
      fc.property(randomBytes, (bytes) => {
        const code = codeFromBytes(bytes)
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
      }),
    )
  })

  it('carry 80 random bits: different bytes (low five bits) make different codes', () => {
    fc.assert(
      fc.property(randomBytes, randomBytes, (a, b) => {
        const same = a.every((byte, i) => (byte & 31) === (b[i] & 31))
        expect(codeFromBytes(a) === codeFromBytes(b)).toBe(same)
      }),
    )
    expect(CODE_ALPHABET).toHaveLength(32)
  })

  it('normalise however they are retyped, to the same HMAC', () => {
    const secret = Buffer.alloc(32, 7)
    fc.assert(
      fc.property(randomBytes, fc.integer({ min: 0, max: 3 }), (bytes, variant) => {
        const code = codeFromBytes(bytes)
        const canonical = normalizeCode(code)
        expect(canonical).toBe(code.replace(/-/g, ''))
        expect(normalizeCode(retyped(code, variant))).toBe(canonical)
        expect(codeHmac(secret, normalizeCode(retyped(code, variant))!)).toBe(
          codeHmac(secret, canonical!),
        )
      }),
    )
  })

  it('refuse what cannot be a code', () => {
    for (const bad of ['', 'ABCD-EFGH-JKMN-PQR', 'ABCD-EFGH-JKMN-PQRST', 'ABCD-EFGH-JKMN-PQRU']) {
      expect(normalizeCode(bad), bad).toBeNull()
    }
    expect(normalizeCode('ABCD_EFGH_JKMN_PQRS')).toBeNull()
    expect(normalizeCode(`${'-'.repeat(60)}ABCDEFGHJKMNPQRS`)).toBeNull() // too long to bother
  })

  it('hash differently under another secret', () => {
    const code = normalizeCode(codeFromBytes(new Uint8Array(CODE_BYTES).fill(3)))!
    expect(codeHmac(Buffer.alloc(32, 1), code)).not.toBe(codeHmac(Buffer.alloc(32, 2), code))
  })
})

describe('the invitation CSV', () => {
  it('has a code per line, and links when the public address is known, quoted as needed', () => {
    const codes = ['AAAA-BBBB-CCCC-DDDD', 'EEEE-FFFF-GGGG-HHHH']
    expect(invitationCsv(codes)).toBe('code\r\nAAAA-BBBB-CCCC-DDDD\r\nEEEE-FFFF-GGGG-HHHH\r\n')
    const link = invitationLink('https://example.org/a,"b"', 'nurses')
    const quoted = '"https://example.org/a,""b""/s/nurses#code=AAAA-BBBB-CCCC-DDDD"'
    expect(invitationCsv(codes.slice(0, 1), link)).toBe(
      `code,link\r\nAAAA-BBBB-CCCC-DDDD,${quoted}\r\n`,
    )
  })
})
