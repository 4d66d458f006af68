import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PASSWORD_COST,
  dummyHash,
  generatePassword,
  hashPassword,
  parsePasswordHash,
  verifyPassword,
} from '../server/accounts/password.js'
import { TEST_PASSWORD_COST } from './helpers.js'

describe('password hashing', () => {
  it('uses scrypt with N >= 2^17, r=8, p=1 and a 16-byte salt by default', async () => {
    expect(DEFAULT_PASSWORD_COST).toBeGreaterThanOrEqual(2 ** 17)
    const hash = await hashPassword('a long enough password')
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/)
    const parsed = parsePasswordHash(hash)
    expect(parsed).toMatchObject({ log2Cost: 17, blockSize: 8, parallelism: 1 })
    expect(parsed?.salt).toHaveLength(16)
    expect(parsed?.hash).toHaveLength(32)
    expect(await verifyPassword('a long enough password', hash)).toBe(true)
  })

  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('correct horse battery', TEST_PASSWORD_COST)
    expect(hash.startsWith('scrypt$10$8$1$')).toBe(true)
    expect(await verifyPassword('correct horse battery', hash)).toBe(true)
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false)
    expect(await verifyPassword('', hash)).toBe(false)
  })

  it('salts every hash differently and never contains the password', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password here', TEST_PASSWORD_COST),
      hashPassword('same password here', TEST_PASSWORD_COST),
    ])
    expect(a).not.toBe(b)
    expect(a).not.toContain('same password here')
  })

  it('treats differently composed Unicode as the same password', async () => {
    const hash = await hashPassword('sal\u00e4sana-123456', TEST_PASSWORD_COST)
    expect(await verifyPassword('sala\u0308sana-123456', hash)).toBe(true)
  })

  it.each([
    '',
    'bcrypt$10$x',
    'scrypt$10$8$1$c2FsdA==',
    'scrypt$30$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==',
    'scrypt$10$8$1$short$AAAAAAAAAAAAAAAAAAAAAA==',
  ])('refuses a corrupt or unsafe stored hash %j without throwing', async (stored) => {
    expect(await verifyPassword('anything', stored)).toBe(false)
  })

  it('refuses a cost that is not a power of two or too low', async () => {
    await expect(hashPassword('x', 1000)).rejects.toThrow(RangeError)
    await expect(hashPassword('x', 2 ** 4)).rejects.toThrow(RangeError)
  })

  it('makes one dummy hash per cost, which no password matches', async () => {
    const dummy = await dummyHash(TEST_PASSWORD_COST)
    expect(await dummyHash(TEST_PASSWORD_COST)).toBe(dummy)
    expect(parsePasswordHash(dummy)?.log2Cost).toBe(10)
    expect(await verifyPassword('', dummy)).toBe(false)
  })

  it('generates 24-character passwords with 144 random bits', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword))
    expect(passwords.size).toBe(50)
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/)
  })
})
