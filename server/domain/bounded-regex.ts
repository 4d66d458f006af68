// Questionnaire regular expressions (SurveyJS regex validators) come from admins and survey files.
// V8's backtracking engine takes exponential time on patterns such as ^(a+)+$ and would block every
// request meanwhile, so the server never runs them there: they run on re2js (RE2, linear time).
// Publishing also refuses patterns that can backtrack catastrophically (safe-regex2), because
// respondents' browsers do run them on their own backtracking engines.
import { RE2JS } from 're2js'
import isSafeRegex from 'safe-regex2'

export interface BoundedRegex {
  test(value: unknown): boolean
}

function compileRe2(pattern: string, caseInsensitive: boolean): RE2JS {
  const flags = caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0
  return RE2JS.compile(RE2JS.translateRegExp(pattern), flags)
}

/** Why a questionnaire may not use this pattern ('' when it may). */
export function patternProblem(pattern: unknown, caseInsensitive = false): string {
  if (typeof pattern !== 'string') return 'must be a string'
  try {
    new RegExp(pattern, caseInsensitive ? 'i' : '') // what browsers will run
  } catch {
    return 'is not a valid regular expression'
  }
  if (!isSafeRegex(pattern)) {
    return 'can take exponential time on some answers (nested or too many repetitions)'
  }
  try {
    compileRe2(pattern, caseInsensitive)
  } catch {
    return 'uses look-around or back-references, which the server cannot run in bounded time'
  }
  return ''
}

const NEVER: BoundedRegex = { test: () => false }
const cache = new Map<string, BoundedRegex>()
const MAX_CACHED = 500

/**
 * A linear-time matcher with RegExp.test semantics. A pattern RE2 cannot run (stored before
 * publishing checked it) matches nothing: the answer is refused rather than risking the server.
 */
export function boundedRegex(pattern: string, caseInsensitive = false): BoundedRegex {
  const key = `${caseInsensitive ? 'i' : '-'}${pattern}`
  const hit = cache.get(key)
  if (hit) return hit
  let matcher = NEVER
  try {
    const re2 = compileRe2(pattern, caseInsensitive)
    matcher = { test: (value) => re2.test(String(value)) }
  } catch {
    matcher = NEVER
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string)
  cache.set(key, matcher)
  return matcher
}
