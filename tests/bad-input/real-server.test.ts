import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validSubmission } from '../endpoints/valid-submissions.js'
import { buildApp, startServerAt, SURVEY_SLUG, type RunningServer } from '../server-process.js'
import { paddedTo } from './body-edits.js'
import { refusalProblems } from './refusal.js'

// app.request() skips node-server's request stream: these go over a real socket.
const PATH = `/api/surveys/${SURVEY_SLUG}/responses`
// README: "413 payload_too_large: body over 64 KiB" (written here, not imported from the code).
const MAX_BODY_BYTES = 64 * 1024
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Writes raw bytes (in pieces, with pauses) and reads until the server answers or closes. */
function rawExchange(server: RunningServer, pieces: (string | Buffer)[], pauseMs = 0) {
  const { port } = new URL(server.baseUrl)
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1')
      // One whole response is enough: the rest of an unfinished upload is never sent.
      if (/\r\n\r\n/.test(received) && /\}\s*$|\r\n0\r\n\r\n$/.test(received)) socket.destroy()
    })
    socket.on('close', () => resolve(received))
    socket.on('error', (error) => (received ? resolve(received) : reject(error)))
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) return
        socket.write(piece)
        if (pauseMs > 0) await sleep(pauseMs)
      }
    })
  })
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1])

const postHeaders = (extra: string) =>
  `POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${extra}\r\n`

describe('bad input over a real socket', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'survey-bad-input-'))
  const databasePath = join(dataDir, 'survey.db')
  let server: RunningServer
  let accepted = 0

  beforeAll(async () => {
    buildApp()
    server = await startServerAt(databasePath)
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${server.baseUrl}${PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit)

  const expectRefused = async (res: Response, status: number) => {
    expect(res.status).toBe(status)
    expect(await refusalProblems(res)).toEqual([])
  }

  // Over raw sockets: the server closes a connection whose upload it refused, and fetch would
  // try to reuse it for the next test.
  it('refuses an oversized body sent with its Content-Length: 413', async () => {
    const body = paddedTo(validSubmission(0), MAX_BODY_BYTES + 1)
    const raw = await rawExchange(server, [postHeaders(`Content-Length: ${body.length}\r\n`), body])
    expect(statusOf(raw)).toBe(413)
    expect(raw).toContain('"payload_too_large"')
  })

  it('answers 413 to a chunked upload that never ends, once it passes the limit', async () => {
    const chunk = `4000\r\n${' '.repeat(0x4000)}\r\n`
    const pieces = [postHeaders('Transfer-Encoding: chunked\r\n'), 'd\r\n{"answers":{}\r\n', chunk]
    // Five 16 KiB chunks pass 64 KiB; the terminating zero-size chunk is never sent.
    const raw = await rawExchange(server, [...pieces, chunk, chunk, chunk, chunk, chunk], 20)
    expect(statusOf(raw)).toBe(413)
    expect(raw).toContain('"payload_too_large"')
  })

  it('answers 400 to invalid UTF-8 and to NUL in a string, sent as raw bytes', async () => {
    const [before, after] = JSON.stringify(validSubmission(0)).split('Tarvitsemme')
    const badBytes = Buffer.from([0xc3, 0x28])
    const invalid = Buffer.concat([Buffer.from(before), badBytes, Buffer.from(after)])
    await expectRefused(await post(invalid), 400)
    const withNul = JSON.stringify({ ...validSubmission(1), locale: 'f\u0000i' })
    await expectRefused(await post(withNul), 400)
  })

  it('stores a valid body that arrives slowly, in small pieces', async () => {
    const body = JSON.stringify(validSubmission(2))
    const pieces = body.match(/[\s\S]{1,200}/g)!
    const head = postHeaders(`Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n`)
    const raw = await rawExchange(server, [head, ...pieces], 30)
    expect(statusOf(raw)).toBe(201)
    accepted++
  })

  it('stores nothing from a body longer than its Content-Length', async () => {
    // The server reads only the 12 bytes announced (malformed JSON); the rest is not a request.
    const body = JSON.stringify(validSubmission(3))
    const raw = await rawExchange(server, [postHeaders('Content-Length: 12\r\n') + body])
    expect(statusOf(raw)).toBe(400)
  })

  it('logs nothing when a client hangs up mid-upload, and keeps serving', async () => {
    const logged = server.output()
    expect(logged).toContain('Listening on') // the start-up lines are all there is so far
    const { port } = new URL(server.baseUrl)
    const socket = connect(Number(port), '127.0.0.1')
    await new Promise((resolve) => socket.on('connect', resolve))
    socket.write(postHeaders('Transfer-Encoding: chunked\r\n') + 'd\r\n{"answers":{}\r\n')
    await sleep(200)
    socket.destroy()
    // A request after it is served, and nothing at all was written to the log meanwhile.
    const res = await post(JSON.stringify(validSubmission(5)))
    expect(res.status).toBe(201)
    accepted++
    await sleep(200)
    expect(server.output()).toBe(logged)
  })

  it('survives garbage instead of HTTP and keeps serving', async () => {
    await rawExchange(server, [Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a])])
    await rawExchange(server, ['GET /\u0000 HTTP/9.9\r\n\r\n'])
    const res = await post(JSON.stringify(validSubmission(4)))
    expect(res.status).toBe(201)
    accepted++
  })

  it('stored exactly the accepted responses, and logged no unexpected error', async () => {
    const logged = server.output()
    await server.stop()
    // Only the shutdown lines follow what the server printed before (start-up, nothing per request).
    const after = server.output().slice(logged.length).trim().split('\n')
    expect(after).toEqual([expect.stringMatching(/^SIG\w+: finishing in-flight requests/)])
    expect(logged).not.toMatch(/unexpected error|POST|127\.0\.0\.1:\d+ -/i)
    const db = new Database(databasePath, { readonly: true })
    const stored = (db.prepare('select count(*) as n from responses').get() as { n: number }).n
    db.close()
    expect(stored).toBe(accepted)
  })
})
