import type { TestContext } from './helpers.js'
import { allCorrectBundledAnswers } from './fixtures.js'

// Varied answers to the bundled questionnaire for the report tests: several groups large enough
// to show, one too small (social services in Lappi: always hidden), and free text in every
// response that must never reach a report.

export const FREE_TEXT = 'SECRET-FREE-TEXT-must-never-be-published'

export const FIXTURE_GROUPS: [sector: string, region: string, count: number][] = [
  ['primary_health_care', 'helsinki', 12],
  ['primary_health_care', 'pirkanmaa', 7],
  ['primary_health_care', 'lappi', 6],
  ['specialised_hospital_care', 'helsinki', 9],
  ['specialised_hospital_care', 'pirkanmaa', 6],
  ['social_services', 'helsinki', 6],
  ['social_services', 'pirkanmaa', 5],
  ['social_services', 'lappi', 2],
]

export const FIXTURE_RESPONSES = FIXTURE_GROUPS.reduce((sum, [, , count]) => sum + count, 0)

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]

export function variedAnswers(sector: string, region: string, i: number) {
  return {
    ...allCorrectBundledAnswers,
    sector,
    region,
    knowledge_border: pick(['false', 'true', 'false'], i),
    knowledge_certainty: pick(['false', 'true'], i),
    knows_where_to_refer: pick(['yes', 'no', 'not_sure'], i),
    knowledge_referral: pick(['assistance_system', 'police_only', 'dont_know', 'assistance_system'], i),
    confidence_identify: pick([1, 2, 3, 4, 5], i),
    confidence_help: pick([2, 3, 4], i),
    training_received: pick(['none', 'short_session', 'course', 'extensive'], i),
    training_topics_needed: pick([['indicators', 'referral'], ['legislation'], ['child_victims', 'safety']], i),
    comment: `${FREE_TEXT} ${i}`,
  }
}

/** Submits the fixture's responses through the respondent API. */
export async function answerFixture(app: TestContext['app'], slug = 'counter-trafficking') {
  let i = 0
  for (const [sector, region, count] of FIXTURE_GROUPS) {
    for (let k = 0; k < count; k++, i++) {
      const answers = variedAnswers(sector, region, i)
      const res = await app.request(`/api/surveys/${slug}/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers, locale: 'sv' }),
      })
      if (res.status !== 201) throw new Error(`fixture answer refused: ${await res.text()}`)
    }
  }
}
