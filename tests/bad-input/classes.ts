import { randomBytes } from 'node:crypto'
import { insertSession } from '../../db/queries/sessions.js'
import { findUserByUsername, insertUser } from '../../db/queries/users.js'
import { hashToken } from '../../server/accounts/sessions.js'
import { validMiniAnswers } from '../fixtures.js'
import { postJson, TEST_PASSWORD_COST } from '../helpers.js'
import { hashPassword } from '../../server/accounts/password.js'
import { requestFor, type Call, type RawRequest } from '../endpoints/request.js'
import type { Endpoint } from '../endpoints/routes.js'
import { MINI_CLOSED, MINI_DRAFT, PASSWORD, type World } from '../endpoints/world.js'
import {
  chunked,
  deleteAt,
  paddedTo,
  setAt,
  withFirstMember,
  withRawBytes,
  withRawJson,
} from './body-edits.js'
import { FREE_TEXT_CLASSES } from './free-text-classes.js'
import { XLSX_CLASSES } from './xlsx-classes.js'

/** One kind of bad request, made from a valid call of an endpoint. */
export interface MalformedClass {
  name: string
  appliesTo: (endpoint: Endpoint) => boolean
  /** The bad requests (usually one); may prepare state, such as an expired session. */
  build: (endpoint: Endpoint, call: Call, world: World) => Promise<RawRequest[]> | RawRequest[]
  /** Row changes the refusal itself makes: an expired session is deleted when shown. */
  changes?: Record<string, number>
}

const request = (e: Endpoint, call: Call) => requestFor(e.method, e.path, call)

/** The valid request with its body (and optionally headers) replaced. */
const withBody = (
  e: Endpoint,
  call: Call,
  body: RawRequest['body'],
  headers: Record<string, string> = {},
): RawRequest[] => {
  const base = request(e, call)
  return [{ ...base, headers: { ...base.headers, ...headers }, body }]
}

const withoutHeader = (headers: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name))

const hasBody = (e: Endpoint) => e.spec.body !== undefined
const hasParam = (e: Endpoint) => e.path.includes('/:')
const needsSession = (e: Endpoint) => e.spec.access !== 'public'
const isUnsafe = (e: Endpoint) => e.method !== 'GET' && e.method !== 'HEAD'
const body = (e: Endpoint) => e.spec.body!

/** A body class: the valid call's body, edited at one of the spec's paths. */
const bodyClass = (
  name: string,
  edit: (e: Endpoint, call: Call) => RawRequest['body'],
  appliesTo: (e: Endpoint) => boolean = hasBody,
): MalformedClass => ({
  name,
  appliesTo,
  build: (e, call) => withBody(e, call, edit(e, call)),
})

const hasText = (e: Endpoint) => e.spec.body?.text !== undefined
const textClass = (name: string, edit: (e: Endpoint, call: Call) => RawRequest['body']) =>
  bodyClass(name, edit, hasText)

/** A path class: the endpoint's first path parameter (a slug, an id) replaced. */
const withParam = (name: string, value: (world: World) => string, when = hasParam) => ({
  name,
  appliesTo: when,
  build: (e: Endpoint, call: Call, world: World) => {
    const param = /:(\w+)/.exec(e.path)![1]
    return [request(e, { ...call, params: { ...call.params, [param]: value(world) } })]
  },
})

/** An invitation class: a call to an invitation-only survey with the code `code` gives. */
const invitationClass = (
  name: string,
  code: (world: World, slug: string, codes: string[]) => Promise<string | undefined>,
): MalformedClass => ({
  name,
  appliesTo: (e) => e.spec.body?.invitation !== undefined,
  build: async (e, call, world) => {
    const { slug, codes } = await world.addInvitationSurvey(1)
    return [request(e, body(e).invitation!(slug, await code(world, slug, codes)))]
  },
})

/** A query class: each query parameter in turn set to the value. */
const queryClass = (name: string, value: string): MalformedClass => ({
  name,
  appliesTo: (e) => (e.spec.query ?? []).length > 0,
  build: (e, call) =>
    e.spec.query!.map((param) => request(e, { ...call, query: { ...call.query, [param]: value } })),
})

async function insertSessionFor(world: World, username: string, times: SessionTimes) {
  const user = await findUserByUsername(world.db, username)
  if (!user) throw new Error(`no user ${username}`)
  const token = randomBytes(32).toString('base64url')
  await insertSession(world.db, { token_hash: hashToken(token), user_id: user.id, ...times })
  return `session=${token}`
}

interface SessionTimes {
  created_at: string
  last_seen_at: string
  expires_at: string
}

const authClass = (
  name: string,
  cookie: (world: World) => Promise<string | undefined>,
  extra: Partial<MalformedClass> = {},
): MalformedClass => ({
  name,
  appliesTo: needsSession,
  build: async (e, call, world) => {
    const value = await cookie(world)
    const base = request(e, call)
    const headers = withoutHeader(base.headers, 'cookie')
    return [{ ...base, headers: value ? { ...headers, Cookie: value } : headers }]
  },
  ...extra,
})

/** A request with this Authorization header and no session cookie. */
const bearerClass = (name: string, authorization: string): MalformedClass => ({
  name,
  appliesTo: needsSession,
  build: (e, call) => {
    const base = request(e, call)
    const headers = { ...withoutHeader(base.headers, 'cookie'), Authorization: authorization }
    return [{ ...base, headers }]
  },
})

// The test clock stands at 2026-11-25T14:37:21Z (tests/helpers.ts).
const HOURS_AGO = (hours: number) =>
  new Date(Date.parse('2026-11-25T14:37:21.123Z') - hours * 3_600_000).toISOString()

export const MALFORMED_CLASSES: MalformedClass[] = [
  // The body is not JSON, or not the expected JSON value.
  bodyClass('invalid JSON (truncated)', (e, call) => JSON.stringify(call.body).slice(0, -1)),
  bodyClass('trailing garbage after the JSON', (e, call) => `${JSON.stringify(call.body)} x`),
  bodyClass('empty body', () => ''),
  bodyClass('JSON null', () => 'null'),
  bodyClass('JSON array instead of an object', (e, call) => `[${JSON.stringify(call.body)}]`),
  bodyClass('JSON string instead of an object', (e, call) =>
    JSON.stringify(JSON.stringify(call.body)),
  ),

  // Content type.
  {
    name: 'no Content-Type',
    appliesTo: hasBody,
    build: (e, call) => {
      const base = request(e, call)
      // Raw bytes: a string body would make fetch add text/plain itself.
      const bytes = new TextEncoder().encode(JSON.stringify(call.body))
      return [{ ...base, headers: withoutHeader(base.headers, 'content-type'), body: bytes }]
    },
  },
  {
    name: 'text/plain Content-Type',
    appliesTo: hasBody,
    build: (e, call) =>
      withBody(e, call, JSON.stringify(call.body), { 'Content-Type': 'text/plain' }),
  },
  {
    name: 'multipart/form-data Content-Type',
    appliesTo: hasBody,
    build: (e, call) =>
      withBody(e, call, `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n`, {
        'Content-Type': 'multipart/form-data; boundary=x',
      }),
  },
  {
    name: 'look-alike JSON media type',
    appliesTo: hasBody,
    build: (e, call) =>
      withBody(e, call, JSON.stringify(call.body), { 'Content-Type': 'application/jsonx' }),
  },
  {
    name: 'form post from another site',
    appliesTo: isUnsafe,
    build: (e, call) =>
      withBody(e, call, 'a=1', {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      }),
  },

  // Size.
  {
    name: 'oversized body, by Content-Length',
    appliesTo: hasBody,
    build: (e, call) => {
      const text = paddedTo(call.body, body(e).maxBytes + 1)
      return withBody(e, call, text, { 'Content-Length': String(Buffer.byteLength(text)) })
    },
  },
  bodyClass('oversized body, chunked without Content-Length', (e, call) =>
    chunked(paddedTo(call.body, body(e).maxBytes + 1)),
  ),
  textClass('string over the length cap', (e, call) => {
    const spec = body(e)
    const tooLong = 'x'.repeat((spec.textCap ?? spec.maxBytes) + 1)
    return JSON.stringify(setAt(call.body, spec.text!, tooLong))
  }),
  bodyClass('huge array', (e, call) => {
    const room = body(e).maxBytes - Buffer.byteLength(JSON.stringify(call.body)) - 16
    return withRawJson(call.body, body(e).typed, `[${'0,'.repeat(room / 2 - 1)}0]`)
  }),

  // Structure.
  bodyClass('deeply nested arrays', (e, call) => {
    const depth = Math.floor((body(e).maxBytes - Buffer.byteLength(JSON.stringify(call.body))) / 2)
    return withRawJson(call.body, body(e).typed, '['.repeat(depth) + ']'.repeat(depth))
  }),
  bodyClass('deeply nested objects', (e, call) => {
    const depth = Math.floor((body(e).maxBytes - Buffer.byteLength(JSON.stringify(call.body))) / 7)
    return withRawJson(call.body, body(e).typed, '{"a":'.repeat(depth) + '1' + '}'.repeat(depth))
  }),
  bodyClass('"__proto__" key', (e, call) =>
    withFirstMember(call.body, '"__proto__": {"polluted": true, "isAdmin": true}'),
  ),
  bodyClass('"constructor" and "prototype" keys', (e, call) =>
    withFirstMember(call.body, '"constructor": {"prototype": {"polluted": true}}'),
  ),
  bodyClass('unknown field', (e, call) => JSON.stringify({ ...(call.body as object), extra: 1 })),
  bodyClass(
    'missing required field',
    // The first field of every valid body is a required one (unless all are optional).
    (e, call) => JSON.stringify(deleteAt(call.body, [Object.keys(call.body as object)[0]])),
    (e) => hasBody(e) && !e.spec.body?.allOptional,
  ),

  // Types and values.
  bodyClass('number instead of the expected type', (e, call) =>
    JSON.stringify(setAt(call.body, body(e).typed, 12345)),
  ),
  bodyClass(
    'boolean instead of the expected type',
    (e, call) => JSON.stringify(setAt(call.body, body(e).typed, true)),
    (e) => hasBody(e) && !e.spec.body?.typedIsBoolean,
  ),
  bodyClass('null instead of a value', (e, call) =>
    JSON.stringify(setAt(call.body, body(e).typed, null)),
  ),
  bodyClass('huge number', (e, call) => withRawJson(call.body, body(e).typed, '1e999')),

  // Text content.
  textClass('NUL character in a string', (e, call) =>
    JSON.stringify(setAt(call.body, body(e).text!, 'before\u0000after')),
  ),
  bodyClass('NUL character in a key', (e, call) =>
    withFirstMember(call.body, '"key\\u0000with-nul": 1'),
  ),
  textClass('invalid UTF-8 bytes (0xC3 0x28)', (e, call) =>
    withRawBytes(call.body, body(e).text!, [0x61, 0xc3, 0x28, 0x62]),
  ),
  textClass('overlong UTF-8 encoding (0xC0 0xAF)', (e, call) =>
    withRawBytes(call.body, body(e).text!, [0x61, 0xc0, 0xaf, 0x62]),
  ),
  textClass('unpaired UTF-16 surrogate escape', (e, call) =>
    withRawJson(call.body, body(e).text!, '"a\\ud800b"'),
  ),

  // Answers that do not fit the questionnaire.
  bodyClass(
    'unknown question',
    (e, call) => JSON.stringify(setAt(call.body, ['answers', 'no_such_question'], 'yes')),
    (e) => e.spec.body?.answers === true,
  ),
  bodyClass(
    'unknown choice',
    (e, call) => JSON.stringify(setAt(call.body, body(e).typed, 'no_such_choice')),
    (e) => e.spec.body?.answers === true,
  ),
  bodyClass(
    'unsupported locale',
    (e, call) => JSON.stringify(setAt(call.body, ['locale'], 'xx')),
    (e) => e.spec.body?.answers === true,
  ),

  // Questionnaire definitions that cannot be used.
  bodyClass(
    'definition without questions',
    (e, call) => JSON.stringify(setAt(call.body, body(e).definition!, { title: 'Empty' })),
    (e) => e.spec.body?.definition !== undefined,
  ),
  bodyClass(
    'definition with an unknown question type',
    (e, call) =>
      JSON.stringify(
        setAt(call.body, body(e).definition!, {
          pages: [{ name: 'p', elements: [{ type: 'no-such-type', name: 'q' }] }],
        }),
      ),
    (e) => e.spec.body?.definition !== undefined,
  ),
  bodyClass(
    'definition with a catastrophically backtracking regex validator',
    (e, call) =>
      JSON.stringify(
        setAt(call.body, body(e).definition!, {
          elements: [
            { type: 'text', name: 'q', validators: [{ type: 'regex', regex: '^(a+)+$' }] },
          ],
        }),
      ),
    (e) => e.spec.body?.definition !== undefined,
  ),

  bodyClass(
    'definition with an html question that redirects (meta refresh)',
    (e, call) =>
      JSON.stringify(
        setAt(call.body, body(e).definition!, {
          elements: [
            {
              type: 'html',
              name: 'intro',
              html: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
            },
            { type: 'text', name: 'q' },
          ],
        }),
      ),
    (e) => e.spec.body?.definition !== undefined,
  ),
  bodyClass(
    'definition with a script and an onerror handler in its html',
    (e, call) =>
      JSON.stringify(
        setAt(call.body, body(e).definition!, {
          completedHtml: '<img src=x onerror="location=1"><script>location="//evil"</script>',
          elements: [{ type: 'text', name: 'q' }],
        }),
      ),
    (e) => e.spec.body?.definition !== undefined,
  ),

  ...FREE_TEXT_CLASSES,
  ...XLSX_CLASSES,

  // Slugs.
  withParam('unknown survey', () => 'no-such-survey'),
  withParam('slug with SQL', () => encodeURIComponent("x' OR '1'='1' --")),
  withParam('slug with path characters', () => '..%2F..%2Fetc%2Fpasswd'),
  withParam('slug with an encoded NUL', () => 'mini-open%00'),
  withParam('slug with invalid percent-encoding', () => '%E0%A4%A'),
  withParam('slug over the length cap', () => 'a'.repeat(5000)),
  withParam('closed survey', () => MINI_CLOSED, (e) => e.spec.closed !== undefined),
  withParam('draft survey', () => MINI_DRAFT, (e) => e.spec.draft !== undefined),

  // Query strings.
  queryClass('query value not a number', 'abc'),
  queryClass('query value negative', '-1'),
  queryClass('query value a huge number', '99999999999999999999999'),
  queryClass('query value with SQL', "1' OR '1'='1"),
  queryClass('query value empty', ''),
  queryClass('query value very long', 'x'.repeat(10_000)),

  // Invitation codes.
  invitationClass('reused invitation code', async (world, slug, codes) => {
    const spent = await postJson(world.app, `/api/surveys/${slug}/responses`, {
      answers: validMiniAnswers,
      code: codes[0],
    })
    if (spent.status !== 201) throw new Error(`spending a code: ${spent.status}`)
    return codes[0]
  }),
  invitationClass('unknown invitation code', async () => 'ABCD-EFGH-JKMN-PQRS'),
  invitationClass('malformed invitation code', async () => "'; DROP TABLE responses; --"),
  invitationClass('no invitation code', async () => undefined),
  {
    // README: "if the answers are refused ... the code stays unused" (an UPDATE, not a new row).
    name: 'unused invitation code, answers refused',
    appliesTo: (e) => e.spec.body?.invitation !== undefined,
    build: async (e, _call, world) => {
      const { slug, codes } = await world.addInvitationSurvey(1)
      const call = body(e).invitation!(slug, codes[0])
      return [request(e, { ...call, body: { ...(call.body as object), answers: { nope: 1 } } })]
    },
  },

  // Idempotency keys (submissions only).
  ...['short', '"quoted but short"', 'k'.repeat(256), 'with spaces in the key 123'].map(
    (key): MalformedClass => ({
      name: `malformed Idempotency-Key (${key.slice(0, 20)})`,
      appliesTo: (e) => e.path.endsWith('/responses'),
      build: (e, call) => {
        const base = request(e, call)
        return [{ ...base, headers: { ...base.headers, 'Idempotency-Key': key } }]
      },
    }),
  ),
  {
    name: 'Idempotency-Key reused with another body',
    appliesTo: (e) => e.path.endsWith('/responses'),
    build: async (e, call, world) => {
      const base = request(e, call)
      const key = `"${randomBytes(18).toString('base64url')}"`
      // The same key first stored the answers in another language (prepared, not measured).
      const valid = call.body as { locale?: string }
      const other = { ...valid, locale: valid.locale === 'sv' ? 'fi' : 'sv' }
      const first = await postJson(world.app, base.path, other, { 'Idempotency-Key': key })
      if (first.status !== 201) throw new Error(`first use of the key: ${first.status}`)
      return [{ ...base, headers: { ...base.headers, 'Idempotency-Key': key } }]
    },
  },

  // Sessions and roles.
  authClass('no session', async () => undefined),
  authClass('garbage session cookie', async () => 'session=not-a-token'),
  authClass('unknown session token', async () => {
    return `session=${randomBytes(32).toString('base64url')}`
  }),
  authClass(
    'expired session',
    (world) =>
      insertSessionFor(world, 'alice', {
        created_at: HOURS_AGO(13),
        last_seen_at: HOURS_AGO(0.1),
        expires_at: HOURS_AGO(1),
      }),
    { changes: { sessions: -1 } },
  ),
  authClass(
    'idle session',
    (world) =>
      insertSessionFor(world, 'alice', {
        created_at: HOURS_AGO(2),
        last_seen_at: HOURS_AGO(2),
        expires_at: HOURS_AGO(-10),
      }),
    { changes: { sessions: -1 } },
  ),
  authClass('session of a deleted user', async (world) => {
    const username = `gone-${randomBytes(4).toString('hex')}`
    await insertUser(world.db, {
      username,
      role: 'admin',
      passwordHash: await hashPassword(PASSWORD, TEST_PASSWORD_COST),
      createdAt: HOURS_AGO(48),
    })
    const cookie = await insertSessionFor(world, username, {
      created_at: HOURS_AGO(1),
      last_seen_at: HOURS_AGO(0),
      expires_at: HOURS_AGO(-11),
    })
    await world.db.deleteFrom('users').where('username', '=', username).execute()
    return cookie
  }),
  authClass('signed-out session', async (world) => {
    const cookie = await insertSessionFor(world, 'alice', {
      created_at: HOURS_AGO(1),
      last_seen_at: HOURS_AGO(0),
      expires_at: HOURS_AGO(-11),
    })
    const res = await world.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{}',
    })
    if (res.status !== 200) throw new Error(`logout failed: ${res.status}`)
    return cookie
  }),
  bearerClass('malformed Authorization header', 'Basic YWxpY2U6cGFzc3dvcmQ='),
  bearerClass('unknown API token', `Bearer hsv_${randomBytes(32).toString('base64url')}`),
  {
    name: 'wrong role (researcher)',
    appliesTo: (e) => e.spec.access === 'admin',
    build: (e, call, world) => [request(e, { ...call, cookie: world.cookies.researcher })],
  },
]

/** For failure messages: the request without its (possibly huge) body. */
export const describeRequest = (req: RawRequest) =>
  `${req.method} ${req.path.length > 120 ? `${req.path.slice(0, 120)}…` : req.path}`

