import { describe, expect, it } from 'vitest'
import { describeDatabase } from '../db/connection.js'
import { loadConfig } from '../server/config.js'

describe('configuration from environment variables', () => {
  it('defaults to port 3000 and the embedded SQLite file', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.host).toBe('0.0.0.0')
    expect(config.database).toEqual({ kind: 'sqlite', path: './data/survey.db' })
    expect(config.publicUrl).toBeUndefined()
    expect(config.trustProxy).toBe(false)
    expect(config.minGroupSize).toBe(5)
    expect(config.submissionRateLimit).toBe(120)
    expect(loadConfig({ MIN_GROUP_SIZE: '10' }).minGroupSize).toBe(10)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
  })

  it('reads PORT, HOST, DATABASE_URL and PUBLIC_URL', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'sqlite:/var/lib/survey/s.db',
      PUBLIC_URL: 'https://kysely.example.fi/',
    })
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      database: { kind: 'sqlite', path: '/var/lib/survey/s.db' },
      publicUrl: 'https://kysely.example.fi',
    })
    expect(loadConfig({ DATABASE_URL: 'file:./x.db' }).database).toEqual({
      kind: 'sqlite',
      path: './x.db',
    })
  })

  it('selects PostgreSQL for postgres:// URLs, with a pool size, and never prints the password', () => {
    const url = 'postgresql://survey:s3cret@db.example:5432/survey'
    const { database } = loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' })
    expect(database).toEqual({ kind: 'postgres', url, poolSize: 25 })
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).database).toMatchObject({ poolSize: 10 })
    const described = describeDatabase(database)
    expect(described).toContain('db.example:5432/survey')
    expect(described).not.toContain('s3cret')
  })

  it.each([
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE: must be at least 1/],
    [{ PORT: 'eighty' }, /PORT: must be a number/],
    [{ PORT: '70000' }, /PORT: must be between 0 and 65535/],
    [{ PORT: '80.5' }, /PORT: must be an integer/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL/],
    [{ DATABASE_URL: 'mysql://db/x' }, /DATABASE_URL: unsupported scheme/],
    [{ TRUST_PROXY: 'yes' }, /TRUST_PROXY: must be true or false/],
    [{ MIN_GROUP_SIZE: '2' }, /MIN_GROUP_SIZE: must be at least 3/],
    [{ SUBMISSION_RATE_LIMIT: '0' }, /SUBMISSION_RATE_LIMIT: must be at least 1/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message)
  })

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', PUBLIC_URL: 'y' })).toThrow(/PORT[\s\S]*PUBLIC_URL/)
  })
})
