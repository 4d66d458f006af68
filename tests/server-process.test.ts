import { request } from 'node:http'
import Database from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { allCorrectBundledAnswers } from './fixtures.js'
import { buildApp, exited, startServer, SURVEY_SLUG } from './server-process.js'

const answers = { ...allCorrectBundledAnswers, knowledge_border: 'true' }

describe('the server process', () => {
  beforeAll(() => buildApp(), 120_000)

  it('prints the respondent link at start', async () => {
    const server = await startServer()
    try {
      expect(server.output()).toContain(`${server.baseUrl}/s/${SURVEY_SLUG}`)
    } finally {
      await server.stop()
    }
  })

  it('limits submissions per client as SUBMISSION_RATE_LIMIT says', async () => {
    const server = await startServer({ SUBMISSION_RATE_LIMIT: '2' })
    try {
      const post = () =>
        fetch(`${server.baseUrl}/api/surveys/${SURVEY_SLUG}/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ answers }),
        })
      expect((await post()).status).toBe(201)
      expect((await post()).status).toBe(201)
      const refused = await post()
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    } finally {
      await server.stop()
    }
  })

  it('refuses to start with a bad setting and names it', async () => {
    await expect(startServer({ PORT: 'eighty' })).rejects.toThrow(/PORT: must be a number/)
  })

  it('finishes an in-flight submission on SIGTERM, then exits cleanly', async () => {
    const server = await startServer()
    const { port } = new URL(server.baseUrl)
    const body = JSON.stringify({ answers, locale: 'sv' })
    const status = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/surveys/${SURVEY_SLUG}/responses`,
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.write(body.slice(0, 20))
      // The request is in flight when the signal arrives; the rest of the body follows later.
      setTimeout(() => {
        server.child.kill('SIGTERM')
        setTimeout(() => req.end(body.slice(20)), 500)
      }, 300)
    })
    expect(await status).toBe(201)
    await exited(server.child)
    expect(server.child.exitCode).toBe(0)
    expect(server.output()).toMatch(/SIGTERM/)

    const db = new Database(server.databasePath, { readonly: true })
    const rows = db.prepare('select locale from responses').all()
    db.close()
    expect(rows).toEqual([{ locale: 'sv' }])
    await server.stop()
  })
})
