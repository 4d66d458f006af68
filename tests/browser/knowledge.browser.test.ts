import { describe, expect, it } from 'vitest'
import { answersWith, seeded } from '../knowledge/setup'
import { ADMIN, ADMIN_ENV, makeRelease, postResponses, signIn } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, screenshot, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const QUIZ = [
  'knowledge_border',
  'knowledge_consent',
  'knowledge_children',
  'knowledge_labour',
  'knowledge_debt',
  'knowledge_deception',
  'knowledge_own_country',
  'knowledge_certainty',
  'indicators',
  'knowledge_referral',
]

/** 48 respondents in three sectors whose knowledge and confidence go together, a little. */
function respondents() {
  const random = seeded(42)
  const plan: [number, string, number][] = [
    [22, 'primary_health_care', 0.75],
    [14, 'social_services', 0.45],
    [12, 'specialised_hospital_care', 0.6],
  ]
  return plan.flatMap(([count, sector, ability]) =>
    Array.from({ length: count }, () => {
      const own = Math.min(0.95, Math.max(0.1, ability + (random() - 0.5) * 0.6))
      const rating = Math.min(5, Math.max(1, Math.round(own * 5 + (random() - 0.5) * 2)))
      const wrong = QUIZ.filter(() => random() > own)
      return answersWith(wrong, { sector, region: 'helsinki', confidence_identify: rating })
    }),
  )
}

describe.skipIf(!hasChromium)('the Knowledge tab of the results', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: () => postResponses(server().baseUrl, SURVEY_SLUG, respondents()),
  })

  it(
    'shows items, histogram, calibration and groups on a phone and a laptop, accessibly',
    { timeout: 90_000 },
    async () => {
      const context = await browser().newContext({
        viewport: { width: 1366, height: 900 },
        locale: 'en-GB',
      })
      const page = await context.newPage()
      await page.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
      await signIn(page, ADMIN.username, ADMIN.password)
      await page.getByText(/responses so far/).waitFor()
      await makeRelease(page, SURVEY_SLUG)
      await page.reload()
      await page.getByRole('tab', { name: 'Knowledge' }).click()
      await page.locator('table.knowledge-items tbody tr').first().waitFor()
      // 21 items: the indicators checklist is scored per option (issue 22), one row per indicator.
      expect(await page.locator('table.knowledge-items tbody tr').count()).toBe(21)
      expect(await page.locator('table.knowledge-items svg.whisker').count()).toBe(21)
      expect(await page.locator('table.knowledge-items tbody').innerText()).toContain(
        'Which of these may indicate that a patient is a victim of human trafficking?: Fear, anxiety or avoiding eye contact',
      )
      await page.locator('table.calibration').waitFor()
      await page.getByText(/Kruskal-Wallis across the shown groups: H = /).waitFor()
      await page.getByText(/Reliability \(KR-20\): 0\.\d\d/).waitFor()
      await page.locator('.knowledge canvas').waitFor()
      await screenshot(page, 'knowledge-01-laptop')
      expect(describeViolations(await blockingViolations(page))).toBe('')

      await page.setViewportSize({ width: 390, height: 844 })
      await page.evaluate(() => window.scrollTo(0, 0))
      await screenshot(page, 'knowledge-02-phone')
      // At 390 px the shared header can wrap over its role badge (.role), which axe then cannot
      // check; that is the admin shell's, not this tab's, so it alone is left out here.
      const phone = (await blockingViolations(page)).filter(
        (v) => !v.targets.every((target) => target === '.role'),
      )
      expect(describeViolations(phone)).toBe('')
      await context.close()
    },
  )
})
