// Breaks of README claims, each with the tests that must fail when it is applied (run.ts).
// `find` must occur exactly once in `file`; when the code moves, update the text here.

export interface Mutation {
  name: string
  /** The README claim the break makes false. */
  claim: string
  edits: { file: string; find: string; replace: string }[]
  /** Test files (sqlite project) that must fail. */
  tests: string[]
  testName?: string
  /** The tests start the built server: rebuild it in the copy. */
  build?: boolean
}

// Unknown query keys make these routes throw (500): fuzzed queries must reach them.
const throwOnUnknownQuery = (known: string[]) =>
  `if (Object.keys(c.req.query()).some((k) => !${JSON.stringify(known)}.includes(k))) throw new Error('unknown key')\n`

export const MUTATIONS: Mutation[] = [
  {
    name: 'release-check-disabled',
    claim: 'a release that discloses a small group is refused (409 release_refused)',
    edits: [
      {
        file: 'server/results/releases.ts',
        find: 'if (!check.ok) throw new ReleaseRefused(check.reasons.map(withoutCount))',
        replace: 'void check',
      },
      // The span audit (decision 007) refuses the same releases: publish them anyway.
      {
        file: 'server/domain/suppression/plan-release.ts',
        find: 'if (!repair) return { ok: false, reasons: [describeSet(audit.found)] }',
        replace: 'if (!repair) return { ok: true, publication, rounds }',
      },
    ],
    tests: ['tests/release-refused.test.ts'],
  },
  {
    name: 'aggregates-500-on-unknown-query-key',
    claim: 'fuzzed query strings of every endpoint: no 5xx',
    edits: [
      {
        file: 'server/results/routes.ts',
        find: 'return c.json(await queryAggregates(',
        replace: `${throwOnUnknownQuery(['by', 'release', 'version'])}return c.json(await queryAggregates(`,
      },
    ],
    tests: ['tests/fuzz/params.property.test.ts'],
    testName: 'aggregates',
  },
  {
    name: 'export-500-on-unknown-query-key',
    claim: 'fuzzed query strings of every endpoint: no 5xx',
    edits: [
      {
        file: 'server/exports/routes.ts',
        find: 'const { level } = await validQuery(c, exportLevelQuery)',
        replace: `${throwOnUnknownQuery(['by', 'release', 'version', 'format', 'level', 'lang'])}const { level } = await validQuery(c, exportLevelQuery)`,
      },
    ],
    tests: ['tests/fuzz/params.property.test.ts'],
    testName: 'export',
  },
  {
    name: 'submission-key-plain-sha256',
    claim: 'submission rate limit: the client is known only by an HMAC under a random daily key',
    edits: [
      {
        file: 'server/respondent/client-key-daily.ts',
        find: "return createHmac('sha256', secret).update(address).digest('base64url')",
        replace:
          "return createHash('sha256').update(`${day}|${address}`).digest('base64url') // " +
          '${secret}',
      },
      {
        file: 'server/respondent/client-key-daily.ts',
        find: "import { createHmac, randomBytes } from 'node:crypto'",
        replace: "import { createHash, createHmac, randomBytes } from 'node:crypto'",
      },
    ],
    tests: ['tests/submission-rate-limit.test.ts'],
  },
  {
    name: 'sign-in-key-plain-sha256',
    claim: 'sign-in rate limit: the client is known only by an HMAC under a random key',
    edits: [
      {
        file: 'server/platform/client-key.ts',
        find: "return createHmac('sha256', PROCESS_KEY).update(address).digest('base64url')",
        replace: "return createHash('sha256').update(address).digest('base64url')",
      },
      {
        file: 'server/platform/client-key.ts',
        find: "import { createHmac, randomBytes } from 'node:crypto'",
        replace: "import { createHash, createHmac, randomBytes } from 'node:crypto'",
      },
    ],
    tests: ['tests/auth-rate-limit.test.ts'],
  },
  {
    name: 'refused-answers-spend-the-code',
    claim: 'a refused request changes nothing (an invitation code stays unused)',
    edits: [
      {
        file: 'server/respondent/routes.ts',
        find: '      if (!prepared.ok) {\n',
        replace:
          '      if (!prepared.ok) {\n' +
          '        if (code !== undefined) await db.transaction().execute(invitations.spend(survey, code))\n',
      },
    ],
    tests: ['tests/bad-input/bad-input.test.ts'],
    testName: 'responses',
  },
  {
    name: 'hang-up-logged',
    claim: 'a client hanging up mid-upload is answered, not logged',
    edits: [
      {
        file: 'server/platform/errors.ts',
        find: '  if (isClientAbort(error)) {\n',
        replace: "  if (isClientAbort(error)) {\n    log('client hung up')\n",
      },
    ],
    tests: ['tests/bad-input/real-server.test.ts'],
    build: true,
  },
  {
    name: 'pages-limit-101',
    claim: 'questionnaire definitions: at most 100 pages',
    edits: [
      {
        file: 'server/domain/definition-limits.ts',
        find: 'MAX_PAGES = 100',
        replace: 'MAX_PAGES = 101',
      },
    ],
    tests: ['tests/domain/definition-limits.test.ts'],
  },
  {
    name: 'elements-limit-1001',
    claim: 'questionnaire definitions: at most 1000 questions and panels',
    edits: [
      {
        file: 'server/domain/definition-limits.ts',
        find: 'MAX_ELEMENTS = 1000',
        replace: 'MAX_ELEMENTS = 1001',
      },
    ],
    tests: ['tests/domain/definition-limits.test.ts'],
  },
  {
    name: 'depth-limit-65',
    claim: 'bodies nest at most 64 levels',
    edits: [
      { file: 'server/platform/json-text.ts', find: 'MAX_JSON_DEPTH = 64', replace: 'MAX_JSON_DEPTH = 65' },
    ],
    tests: ['tests/json-text.test.ts'],
  },
  {
    name: 'body-limit-65-kib',
    claim: '413 for a body over 64 KiB',
    edits: [
      {
        file: 'server/platform/json-body.ts',
        find: 'MAX_BODY_BYTES = 64 * 1024',
        replace: 'MAX_BODY_BYTES = 65 * 1024',
      },
    ],
    tests: ['tests/bad-input/bad-input.test.ts'],
    testName: 'POST /api/surveys/:slug/responses',
  },
  {
    name: 'token-reads-invitation-counts',
    claim:
      'a token only reads the survey list and detail, releases, timeline, aggregates, export, codebook',
    edits: [
      {
        file: 'server/invitations/contract.ts',
        find: "summary: 'Access mode and invitation-code counts',\n  auth: 'session',",
        replace: "summary: 'Access mode and invitation-code counts',\n  auth: 'session-or-token',",
      },
    ],
    tests: ['tests/token-scope.test.ts'],
  },
  // Decision 007 (issue 15): each protection, broken, must fail the tests that replay its channel.
  {
    name: 'disclosure-no-span-audit',
    claim: 'no combination of published counts gives a group below the minimum (channel 1)',
    edits: [
      {
        file: 'server/domain/suppression/plan-release.ts',
        find: 'if (audit.safe) return { ok: true, publication, rounds }',
        replace: 'if (audit.safe || rounds > 0) return { ok: true, publication, rounds }',
      },
    ],
    tests: ['tests/domain/suppression-disclosure.test.ts'],
  },
  {
    name: 'disclosure-statistics-on-every-group',
    claim: 'answer counts never bound a hidden group (channel 2)',
    edits: [
      {
        file: 'server/domain/suppression/statistics.ts',
        find: 'const cells = shownCells(current, by)',
        replace: 'return shownCells(current, by)\n  const cells = shownCells(current, by)',
      },
      {
        file: 'server/domain/suppression/statistics.ts',
        find: 'if (!current || !statisticsChain(current).some((chain) => sameSet(chain, by))) return new Set()',
        replace: 'if (!current) return new Set()',
      },
    ],
    tests: ['tests/domain/suppression-disclosure.test.ts'],
  },
  {
    name: 'disclosure-response-file-raw-values',
    claim: 'the response-level file minus the aggregates places nobody (channel 3)',
    edits: [
      {
        file: 'server/exports/formats/consistent-file.ts',
        find: 'if (small.length > 0) {',
        replace: 'if (small.length < 0) {',
      },
      {
        file: 'server/exports/formats/consistent-file.ts',
        find: 'return [name, all.size === 1 ? [...all][0] : GENERALISED]',
        replace: 'return [name, all.size === 1 || true ? [...all][0] : GENERALISED]',
      },
    ],
    tests: ['tests/disclosure-channels.test.ts'],
    testName: 'channel 3',
  },
  {
    name: 'disclosure-response-file-every-release',
    claim: 'one response-level file per survey, of the final release (channel 4)',
    edits: [
      {
        file: 'server/exports/routes.ts',
        find: "if (chosen.kind !== 'final' || chosen.number !== releases.at(-1)?.number) {",
        replace: 'if (releases.length < 0) {',
      },
    ],
    tests: ['tests/disclosure-channels.test.ts'],
    testName: 'channel 4',
  },
  {
    name: 'disclosure-latest-version-domain',
    claim: 'nobody is outside the groups: dropped values keep their respondents (channel 5)',
    edits: [
      {
        file: 'server/results/releases.ts',
        find: 'if (any || version.id === survey.versionId)\n      answered.push(',
        replace: 'if (version.id === survey.versionId)\n      answered.push(',
      },
    ],
    tests: ['tests/disclosure-channels.test.ts'],
    testName: 'channel 5',
  },
  {
    name: 'disclosure-question-of-some-versions',
    claim: 'a question only a new version asks is not summarised (channel 6)',
    edits: [
      {
        file: 'server/results/releases.ts',
        find: '.filter((q) => answered.every((f) => f.kinds.has(q)))',
        replace: '.filter((q) => answered.some((f) => f.kinds.has(q)))',
      },
    ],
    tests: ['tests/disclosure-channels.test.ts'],
    testName: 'channel 6',
  },
  {
    name: 'disclosure-live-counts-exact',
    claim: 'live counts are rounded down to a multiple of the minimum (channel 7)',
    edits: [
      {
        file: 'server/domain/suppression/live-counts.ts',
        find: 'export const floorToGroup = (n: number, k: number) => Math.floor(n / k) * k',
        replace: 'export const floorToGroup = (n: number, k: number) => n + 0 * k',
      },
    ],
    tests: ['tests/disclosure-channels.test.ts'],
    testName: 'channel 7',
  },
]
