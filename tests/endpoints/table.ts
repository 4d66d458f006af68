import { miniSurvey, validMiniAnswers } from '../fixtures.js'
import { miniXlsx, XLSX_TYPE } from '../xlsform-fixtures.js'
import { BUNDLED_SLUG, signedInClient } from '../helpers.js'
import type { Call } from './request.js'
import { validSubmission } from './valid-submissions.js'
import { MINI_OPEN, PASSWORD, type World } from './world.js'

// README: 413 for a body over 64 KiB, a questionnaire definition over 1 MiB (not imported).
const MAX_BODY_BYTES = 64 * 1024
const MAX_DEFINITION_BYTES = 1024 * 1024

/** Who may call: anyone, any signed-in user, or admins only. */
export type Access = 'public' | 'signed-in' | 'admin'

/** Where in a JSON body each kind of malformation goes. */
export interface BodySpec {
  maxBytes: number
  /** A string field that takes free text: NUL, bad UTF-8 and over-long strings go here. */
  text?: string[]
  /** Longest text accepted there; without it, only the body limit caps it. */
  textCap?: number
  /** A field that needs a value of one type: wrong types, nulls and huge arrays go here. */
  typed: string[]
  /** `typed` takes a boolean, so a boolean there is no malformation. */
  typedIsBoolean?: boolean
  /** Every field may be left out: no "missing required field" malformation exists. */
  allOptional?: boolean
  /** The body carries respondent answers (unknown questions and choices, locale). */
  answers?: boolean
  /** The body carries a questionnaire definition at this path. */
  definition?: string[]
  /** The call for an invitation-only survey with this code (none: without a code). */
  invitation?: (slug: string, code?: string) => Call
}

export interface EndpointSpec {
  access: Access
  /** A call that succeeds (2xx), creating whatever state it needs first (a draft to publish). */
  valid: (world: World) => Promise<Call>
  body?: BodySpec
  /** The status when the survey exists but is closed (or draft), when that is refused. */
  closed?: number
  draft?: number
  /** Query parameters the endpoint reads. */
  query?: string[]
  /** The body is an .xlsx file (tests/bad-input/xlsx-classes.ts), not JSON. */
  xlsx?: boolean
}

const LOGIN_BODY_BYTES = 4096
// The bundled survey's free-text question allows 2000 characters.
const COMMENT_MAX_LENGTH = 2000

const asAdmin = (world: World, call: Call = {}): Call => ({ ...call, cookie: world.cookies.admin })
const asResearcher = (world: World, call: Call = {}): Call => ({
  ...call,
  cookie: world.cookies.researcher,
})
const slug = (value: string) => ({ slug: value })
let submissions = 0

const withCode = (code?: string) => (code === undefined ? {} : { code })

async function createToken(world: World): Promise<string> {
  const res = await signedInClient(world.app, world.cookies.researcher).post('/api/admin/tokens', {
    name: 'to revoke',
  })
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`)
  return String(((await res.json()) as { id: number }).id)
}

/**
 * An open mini survey with release 1 (no responses), for the report routes: one per world, made
 * on first use. A release cannot change, so every call can use the same one, and making a
 * release per call was most of what the report routes' bad-input cases cost.
 */
const releasedMinis = new WeakMap<World, Promise<string>>()
function releasedMini(world: World): Promise<string> {
  let slug = releasedMinis.get(world)
  if (!slug) {
    slug = (async () => {
      const fresh = await world.addMini('open')
      const admin = signedInClient(world.app, world.cookies.admin)
      const res = await admin.post(`/api/admin/surveys/${fresh}/releases`)
      if (res.status !== 201) throw new Error(`release: ${res.status} ${await res.text()}`)
      return fresh
    })()
    releasedMinis.set(world, slug)
  }
  return slug
}

/** That survey with its release 1 published as a report (201 the first time, 200 again). */
async function publishedReport(world: World): Promise<string> {
  const slug = await releasedMini(world)
  const admin = signedInClient(world.app, world.cookies.admin)
  const res = await admin.post(`/api/admin/surveys/${slug}/releases/1/report`, {})
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`report: ${res.status} ${await res.text()}`)
  }
  return slug
}

/**
 * How to call every API endpoint validly, keyed "METHOD /path" exactly as the Hono app lists its
 * routes. The bad-input suite and the fuzzers derive every malformed request from these calls; a
 * route the app has but this table lacks fails tests/bad-input/coverage.test.ts.
 */
export const ENDPOINTS: Record<string, EndpointSpec> = {
  'GET /api/surveys/:slug': {
    access: 'public',
    valid: async () => ({ params: slug(BUNDLED_SLUG) }),
    closed: 404,
    draft: 404,
  },
  'POST /api/surveys/:slug/responses': {
    access: 'public',
    valid: async () => ({ params: slug(BUNDLED_SLUG), body: validSubmission(submissions++) }),
    body: {
      maxBytes: MAX_BODY_BYTES,
      text: ['answers', 'comment'],
      textCap: COMMENT_MAX_LENGTH,
      typed: ['answers', 'sector'],
      answers: true,
      invitation: (survey, code) => ({
        params: slug(survey),
        body: { answers: validMiniAnswers, locale: 'fi', ...withCode(code) },
      }),
    },
    closed: 404,
    draft: 404,
  },
  'POST /api/surveys/:slug/codes/check': {
    access: 'public',
    valid: async (world) => {
      const { slug: survey, codes } = await world.addInvitationSurvey(1)
      return { params: slug(survey), body: { code: codes[0] } }
    },
    body: {
      maxBytes: 1024,
      text: ['code'],
      typed: ['code'],
      invitation: (survey, code) => ({ params: slug(survey), body: withCode(code) }),
    },
    closed: 404,
    draft: 404,
  },
  'POST /api/auth/login': {
    access: 'public',
    valid: async () => ({ body: { username: 'lena', password: PASSWORD } }),
    body: { maxBytes: LOGIN_BODY_BYTES, text: ['username'], textCap: 200, typed: ['password'] },
  },
  'POST /api/auth/logout': { access: 'public', valid: async () => ({}) },
  'GET /api/auth/me': { access: 'signed-in', valid: async (world) => asResearcher(world) },
  'GET /api/admin/surveys': { access: 'signed-in', valid: async (world) => asResearcher(world) },
  'GET /api/admin/surveys/:slug': {
    access: 'signed-in',
    valid: async (world) => asResearcher(world, { params: slug(MINI_OPEN) }),
  },
  'POST /api/admin/surveys': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, { body: { slug: world.freshSlug(), definition: miniSurvey } }),
    body: {
      maxBytes: MAX_DEFINITION_BYTES,
      text: ['definition', 'title'],
      typed: ['slug'],
      definition: ['definition'],
    },
  },
  'PUT /api/admin/surveys/:slug': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, {
        params: slug(await world.addMini('draft')),
        body: { definition: { ...miniSurvey, title: 'Changed title' } },
      }),
    body: {
      maxBytes: MAX_DEFINITION_BYTES,
      text: ['definition', 'title'],
      typed: ['definition', 'pages'],
      definition: ['definition'],
    },
    closed: 409,
  },
  'POST /api/admin/surveys/:slug/publish': {
    access: 'admin',
    valid: async (world) => asAdmin(world, { params: slug(await world.addMini('draft')) }),
    closed: 409,
  },
  'POST /api/admin/surveys/:slug/close': {
    access: 'admin',
    valid: async (world) => asAdmin(world, { params: slug(await world.addMini('open')) }),
    closed: 409,
  },
  'POST /api/admin/surveys/import': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, {
        query: { slug: world.freshSlug() },
        raw: { type: XLSX_TYPE, bytes: await miniXlsx() },
      }),
    xlsx: true,
  },
  'GET /api/admin/surveys/:slug/xlsform': {
    access: 'signed-in',
    valid: async (world) => asResearcher(world, { params: slug(MINI_OPEN) }),
    query: ['version'],
  },
  'GET /api/admin/surveys/:slug/releases': {
    access: 'signed-in',
    valid: async (world) => asResearcher(world, { params: slug(MINI_OPEN) }),
  },
  'POST /api/admin/surveys/:slug/releases': {
    access: 'admin',
    valid: async (world) => asAdmin(world, { params: slug(await world.addMini('open')) }),
    closed: 409,
    draft: 409,
  },
  'GET /api/admin/surveys/:slug/timeline': {
    access: 'signed-in',
    valid: async (world) => asResearcher(world, { params: slug(BUNDLED_SLUG) }),
  },
  'GET /api/admin/surveys/:slug/aggregates': {
    access: 'signed-in',
    valid: async (world) =>
      asResearcher(world, { params: slug(BUNDLED_SLUG), query: { by: 'sector,region' } }),
    query: ['by', 'release', 'version'],
  },
  'GET /api/admin/surveys/:slug/export': {
    access: 'signed-in',
    valid: async (world) =>
      asResearcher(world, { params: slug(BUNDLED_SLUG), query: { format: 'csv' } }),
    query: ['by', 'release', 'version', 'format', 'level'],
  },
  'GET /api/admin/surveys/:slug/knowledge': {
    access: 'signed-in',
    valid: async (world) =>
      asResearcher(world, { params: slug(BUNDLED_SLUG), query: { by: 'sector' } }),
    query: ['by', 'release'],
  },
  'PUT /api/admin/surveys/:slug/baseline': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, {
        params: slug(BUNDLED_SLUG),
        body: { label: 'Earlier study', items: { knowledge_border: { n: 120, correct: 70 } } },
      }),
    body: { maxBytes: 64 * 1024, text: ['label'], textCap: 200, typed: ['items'] },
  },
  'GET /api/admin/surveys/:slug/codebook': {
    access: 'signed-in',
    valid: async (world) =>
      asResearcher(world, { params: slug(BUNDLED_SLUG), query: { format: 'json' } }),
    query: ['format', 'version'],
  },
  'PUT /api/admin/surveys/:slug/access': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, { params: slug(await world.addMini('open')), body: { access: 'invitation' } }),
    body: { maxBytes: 1024, text: ['access'], typed: ['access'] },
    closed: 409,
  },
  'GET /api/admin/surveys/:slug/invitation-codes': {
    access: 'admin',
    valid: async (world) => asAdmin(world, { params: slug(MINI_OPEN) }),
  },
  'POST /api/admin/surveys/:slug/invitation-codes': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, { params: slug(await world.addMini('open')), body: { count: 3 } }),
    body: { maxBytes: 1024, typed: ['count'] },
    closed: 409,
  },
  'GET /api/admin/tokens': { access: 'signed-in', valid: async (world) => asResearcher(world) },
  'POST /api/admin/tokens': {
    access: 'signed-in',
    valid: async (world) =>
      asResearcher(world, { body: { name: 'R on my laptop', expiresInDays: 30 } }),
    body: { maxBytes: 4096, text: ['name'], textCap: 100, typed: ['expiresInDays'] },
  },
  'DELETE /api/admin/tokens/:id': {
    access: 'signed-in',
    valid: async (world) => asResearcher(world, { params: { id: await createToken(world) } }),
  },
  'GET /api/admin/users/:username/tokens': {
    access: 'admin',
    valid: async (world) => asAdmin(world, { params: { username: 'rob' } }),
  },
  'DELETE /api/admin/users/:username/tokens/:id': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, { params: { username: 'rob', id: await createToken(world) } }),
  },
  'GET /api/openapi.json': { access: 'public', valid: async () => ({}) },
  'GET /api/docs': { access: 'public', valid: async () => ({}) },
  'GET /api/admin/audit': {
    access: 'admin',
    valid: async (world) => asAdmin(world, { query: { limit: '50' } }),
    query: ['limit'],
  },
  'GET /api/admin/surveys/:slug/reports': {
    access: 'signed-in',
    valid: async (world) => asResearcher(world, { params: slug(MINI_OPEN) }),
  },
  'POST /api/admin/surveys/:slug/releases/:n/report': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, {
        params: { slug: await releasedMini(world), n: '1' },
        body: { title: { fi: 'Tulokset', sv: 'Resultat', en: 'Results' } },
      }),
    body: {
      maxBytes: MAX_BODY_BYTES,
      text: ['title', 'fi'],
      textCap: 4000,
      typed: ['by'],
      allOptional: true,
    },
  },
  'DELETE /api/admin/surveys/:slug/releases/:n/report': {
    access: 'admin',
    valid: async (world) => asAdmin(world, { params: { slug: await publishedReport(world), n: '1' } }),
  },
  'PUT /api/admin/surveys/:slug/listing': {
    access: 'admin',
    valid: async (world) =>
      asAdmin(world, { params: slug(await world.addMini('open')), body: { listed: true } }),
    body: { maxBytes: MAX_BODY_BYTES, typed: ['listed'], typedIsBoolean: true },
  },
}
