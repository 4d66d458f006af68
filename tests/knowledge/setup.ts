import { allCorrectBundledAnswers } from '../fixtures.js'
import {
  BUNDLED_SLUG,
  createTestContext,
  createUser,
  postJson,
  signedInClient,
  signIn,
} from '../helpers.js'

export const PASSWORD = 'correct horse battery staple'
export const base = `/api/admin/surveys/${BUNDLED_SLUG}`

const INDICATORS = [
  'injuries_unexplained',
  'companion_speaks_for_patient',
  'no_own_documents',
  'fear_anxiety',
  'debt_to_employer',
  'lives_at_workplace',
  'very_long_hours',
  'inconsistent_story',
  'unknown_own_address',
  'asks_for_interpreter',
  'chronic_illness',
  'asks_second_opinion',
]

/** The quiz items as the knowledge figures name them: the indicators are scored per option. */
const QUIZ = [
  'knowledge_border',
  'knowledge_consent',
  'knowledge_children',
  'knowledge_labour',
  'knowledge_debt',
  'knowledge_deception',
  'knowledge_own_country',
  'knowledge_certainty',
  ...INDICATORS.map((choice) => `indicators.${choice}`),
  'knowledge_referral',
] as const

/**
 * Answers with the quiz items in `wrong` answered wrongly (the rest right): `indicators.<choice>`
 * flips that one choice; `indicators` alone ticks only a decoy (10 of its 12 items wrong).
 */
export function answersWith(wrong: readonly string[], extra: Record<string, unknown> = {}) {
  const answers: Record<string, unknown> = { ...allCorrectBundledAnswers, ...extra }
  const ticked = new Set(answers.indicators as string[])
  for (const item of wrong) {
    if (item === 'indicators') ticked.clear(), ticked.add('asks_for_interpreter')
    else if (item.startsWith('indicators.')) {
      const choice = item.slice('indicators.'.length)
      if (!ticked.delete(choice)) ticked.add(choice)
    } else if (item === 'knowledge_referral') answers.knowledge_referral = 'police_only'
    else answers[item] = 'dont_know'
  }
  answers.indicators = INDICATORS.filter((choice) => ticked.has(choice))
  return answers
}

export const QUIZ_ITEMS = QUIZ

/** A seeded generator, so every run posts the same respondents. */
export function seeded(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export async function knowledgeSetup() {
  const ctx = await createTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const researcher = signedInClient(ctx.app, await signIn(ctx.app, 'rasmus', PASSWORD))
  const submit = async (answers: Record<string, unknown>) => {
    const res = await postJson(ctx.app, `/api/surveys/${BUNDLED_SLUG}/responses`, { answers })
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`)
  }
  /**
   * `count` respondents of one sector and region whose quiz answers and self-rating come from
   * `random`: each item right with probability `ability` (so the items hang together).
   */
  const answerRandomly = async (
    count: number,
    dims: { sector: string; region: string; profession?: string },
    random: () => number,
    ability: number,
  ) => {
    const posted: Record<string, unknown>[] = []
    for (let i = 0; i < count; i++) {
      const own = Math.min(0.98, Math.max(0.05, ability + (random() - 0.5) * 0.6))
      const wrong = QUIZ.filter(() => random() > own)
      const confidence = Math.min(5, Math.max(1, Math.round(own * 5 + (random() - 0.5) * 2)))
      const answers = answersWith(wrong, { ...dims, confidence_identify: confidence })
      await submit(answers)
      posted.push(answers)
    }
    return posted
  }
  return { ...ctx, admin, researcher, submit, answerRandomly }
}
