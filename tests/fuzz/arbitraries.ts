import fc from 'fast-check'

/** Keys that have broken JSON handling elsewhere: prototype pollution, empty, control chars. */
export const adversarialKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  '\u0000',
  '\ud800',
  'a'.repeat(300),
  '$where',
  "'; DROP TABLE responses; --",
)

const awkwardNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  -(2 ** 63),
)

const awkwardString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '\u202e', 'null', 'true', '1e999', '../..', '%00'),
)

/** JSON-ish values with the awkward cases made likely. */
export const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  awkwardNumber,
  awkwardString,
  fc.constant(null),
  fc.array(fc.constant(0), { minLength: 100, maxLength: 2000 }),
)

/** Objects whose keys are often adversarial. */
export const adversarialObject = fc.dictionary(
  fc.oneof(adversarialKey, fc.string({ maxLength: 12 })),
  awkwardValue,
  { maxKeys: 6 },
)

type Path = string[]

/** Every path to a value in a JSON value (objects and arrays), the root included. */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix)
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) pathsOf(child, [...prefix, key], out)
  }
  return out
}

type Edit = (parent: Record<string, unknown>, key: string, extra: unknown) => void

/** What a buggy or hostile client does to one field of a valid body. */
const EDITS: Record<string, Edit> = {
  drop: (parent, key) => void delete parent[key],
  replace: (parent, key, extra) => void (parent[key] = extra),
  nullify: (parent, key) => void (parent[key] = null),
  stringify: (parent, key) => void (parent[key] = JSON.stringify(parent[key])),
  wrapInArray: (parent, key) => void (parent[key] = [parent[key]]),
  addSibling: (parent, key, extra) => void (parent[`${key}_extra`] = extra),
  addProto: (parent) => void Object.defineProperty(parent, '__proto__', {
    value: { polluted: true },
    enumerable: true,
    configurable: true,
    writable: true,
  }),
}

/** A valid body with one to three fields edited. */
export function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid).filter((path) => path.length > 0)
  const edit = fc.constantFrom(...Object.keys(EDITS))
  const step = fc.tuple(edit, fc.constantFrom(...paths), awkwardValue)
  return fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) => {
    const body = structuredClone(valid) as Record<string, unknown>
    for (const [edit, path, extra] of steps) {
      let parent: unknown = body
      for (const key of path.slice(0, -1)) {
        parent = typeof parent === 'object' && parent !== null ? (parent as never)[key] : undefined
      }
      if (typeof parent === 'object' && parent !== null) {
        EDITS[edit](parent as Record<string, unknown>, path[path.length - 1], extra)
      }
    }
    return body
  })
}

/** Bodies from nothing like the contract to a valid body with a field or two changed. */
export function bodiesFor(valid: unknown): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 4, arbitrary: mutationsOf(valid).map((body) => JSON.stringify(body)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((body) => JSON.stringify(body)) },
    {
      weight: 2,
      arbitrary: adversarialObject.map((extra) =>
        JSON.stringify({ ...(valid as object), ...extra }),
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 60 }) },
  )
}

/** Path segments: printable junk, encoded junk and known-nasty ones. */
export const pathSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e', '%00', '%E0%A4%A', '%', 'a%2Fb', "'", '1;select', '-1', '0'),
  fc.stringMatching(/^[a-z0-9-]{1,70}$/),
)

/** Query values for the endpoint's parameters and some it does not know. */
export const queryFor = (params: string[]) =>
  fc.dictionary(
    fc.oneof(fc.constantFrom(...params, 'x'), adversarialKey),
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.stringMatching(/^-?\d{1,25}$/),
      fc.constantFrom('', 'sector', 'sector,region', 'region,sector,profession', '1', '1e3'),
    ),
    { maxKeys: 4 },
  )
