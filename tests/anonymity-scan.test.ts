import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { allCorrectBundledAnswers } from './fixtures.js'
import { buildApp, startServer, SURVEY_SLUG } from './server-process.js'

// Distinctive values a careless server would store or log: none may appear anywhere on disk.
const secrets = {
  address: '198.51.100.231',
  agent: 'Mozilla/5.0 (AnonymityProbe 7.7.7)',
  referrer: 'https://intranet.example/ward-42/staff-list',
  cookie: 'probe-cookie-5f3a9',
}

describe('anonymity on disk and in logs (real server)', () => {
  beforeAll(() => buildApp(), 120_000)

  it('keeps no client address, user agent, referrer or cookie in the database files or the log', async () => {
    const server = await startServer({ TRUST_PROXY: 'true' })
    try {
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${server.baseUrl}/api/surveys/${SURVEY_SLUG}/responses`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Forwarded-For': secrets.address,
            'User-Agent': secrets.agent,
            Referer: secrets.referrer,
            Cookie: `tracking=${secrets.cookie}`,
          },
          body: JSON.stringify({ answers: allCorrectBundledAnswers, locale: 'fi' }),
        })
        expect(res.status).toBe(201)
        expect(res.headers.get('set-cookie')).toBeNull()
      }
      // The database file, its WAL and shared memory: everything SQLite has written so far.
      const dir = dirname(server.databasePath)
      const files = readdirSync(dir).map((file) => join(dir, file))
      expect(files.some((file) => file.endsWith('-wal'))).toBe(true)
      const haystacks = [...files.map((file) => readFileSync(file).toString('latin1')), server.output()]
      for (const secret of Object.values(secrets)) {
        for (const haystack of haystacks) expect(haystack).not.toContain(secret)
      }
      // A positive control: the answers themselves did reach the files.
      expect(haystacks.some((text) => text.includes('pohjois_karjala'))).toBe(true)
    } finally {
      await server.stop()
    }
  })
})
