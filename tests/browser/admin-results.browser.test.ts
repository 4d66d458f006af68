import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { allCorrectBundledAnswers } from '../fixtures'
import {
  ADMIN,
  ADMIN_ENV,
  createUser,
  groupsOf,
  MIXED_GROUPS,
  postResponses,
  signIn,
} from './admin-helpers'
import { hasChromium, screenshot, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const DESKTOP = { viewport: { width: 1400, height: 900 }, locale: 'en-GB' }

describe.skipIf(!hasChromium)('admin results page in a desktop browser', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: () =>
      postResponses(
        server().baseUrl,
        SURVEY_SLUG,
        groupsOf(allCorrectBundledAnswers, MIXED_GROUPS),
      ),
  })
  const resultsUrl = () => `${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`

  const numbers = (page: Page) =>
    page.$$eval('table.heatmap td.cell-value', (cells) => cells.map((c) => Number.parseInt(c.textContent ?? '')))

  it('lets an admin make a release and shows its tables', { timeout: 60_000 }, async () => {
    const page = await (await browser().newContext(DESKTOP)).newPage()
    await page.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}`)
    await signIn(page, ADMIN.username, ADMIN.password)
    await page.getByRole('link', { name: 'Results' }).click()
    // 16 live responses, rounded down to a multiple of 5 (decision 007).
    await page.getByText('15 responses so far. Results appear after the first release.').waitFor()
    await page.getByText('Groups with fewer than 5 respondents are never shown').waitFor()
    await page.locator('.chart-box canvas').first().waitFor()
    await screenshot(page, 'admin-results-01-before-release')

    await page.getByRole('button', { name: 'Make interim release' }).click()
    await page.getByText('Release 1 made').waitFor()
    await page.locator('table.heatmap').waitFor()
    const hidden = page.locator('table.heatmap td.cell-hidden')
    expect(await hidden.count()).toBeGreaterThan(0)
    expect(await hidden.first().innerText()).toBe('–')
    expect(await hidden.first().getAttribute('aria-label')).toMatch(/^suppressed \(fewer than 5/)
    expect(Math.max(...(await numbers(page)))).toBeGreaterThanOrEqual(5)
    expect(await page.getByRole('option', { name: /Release 1 · interim/ }).count()).toBe(1)

    // The per-question charts are drawn: a canvas with a size and an accessible summary.
    const chart = page.locator('.question-chart[data-question="training_received"] canvas')
    await chart.waitFor()
    expect((await chart.boundingBox())?.height).toBeGreaterThan(50)
    const summary = await chart.getAttribute('aria-label')
    expect(summary).toMatch(/: No: 16 \(100\.0 %\); Yes, a short session .*: 0 \(0\.0 %\);/)
    expect(await page.locator('.question-chart[data-question="comment"]').count()).toBe(0)

    const knowledgeRows = page.locator('table.knowledge-table tbody tr')
    expect(await knowledgeRows.count()).toBeGreaterThan(0)
    expect(await knowledgeRows.first().locator('td').first().innerText()).toBe('100 %')
    await screenshot(page, 'admin-results-02-released')

    await page.getByRole('button', { name: 'Mean knowledge score' }).click()
    await page.locator('table.heatmap td.cell-value', { hasText: '100 %' }).first().waitFor()
    const groups = page.getByLabel('Show answers of')
    await groups.selectOption({ label: 'Sector: Specialised hospital care (n = 6)' })
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/: No: 6 \(100\.0 %\);/)
    await screenshot(page, 'admin-results-03-group')
  })

  it('shows researchers the results without the release button', { timeout: 60_000 }, async () => {
    createUser(server().databasePath, 'rosa', 'researcher', 'researcher-password-2')
    const page = await (await browser().newContext(DESKTOP)).newPage()
    await page.goto(resultsUrl())
    await signIn(page, 'rosa', 'researcher-password-2')
    await page.locator('table.heatmap').waitFor()
    await page.locator('.question-chart canvas').first().waitFor()
    expect(await page.getByRole('button', { name: 'Make interim release' }).count()).toBe(0)
    expect(await page.locator('table.knowledge-table tbody tr').count()).toBeGreaterThan(0)
    await screenshot(page, 'admin-results-04-researcher')
  })
})
