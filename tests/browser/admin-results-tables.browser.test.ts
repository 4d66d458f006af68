import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fill } from '../../client/admin/i18n'
import { fi } from '../../client/admin/i18n/fi'
import { sv } from '../../client/admin/i18n/sv'
import { allCorrectBundledAnswers } from '../fixtures'
import { ADMIN, ADMIN_ENV, groupsOf, postResponses, releaseAsAdmin } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, REPO_ROOT, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  laptop: { viewport: { width: 1366, height: 900 } },
}
const LANGUAGES = {
  fi: { locale: 'fi-FI', t: fi, rows: 'Rivit', columns: 'Sarakkeet' },
  sv: { locale: 'sv-SE', t: sv, rows: 'Rader', columns: 'Kolumner' },
}
const HIDDEN_TEXT = {
  fi: '{hidden}/{cells} solua piilotettu ({share} %)',
  sv: '{hidden} av {cells} celler dolda ({share} %)',
}
const PREVIEW = { fi: 'Esikatsele CSV-tiedostoa', sv: 'Förhandsgranska CSV-filen' }
const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')

// One quiz item answered wrongly by some groups, so the percentages differ between groups.
const quizItem = Object.keys(allCorrectBundledAnswers).find((k) => k.startsWith('knowledge_'))!
const wrong = {
  [quizItem]:
    (allCorrectBundledAnswers as Record<string, unknown>)[quizItem] === 'true' ? 'false' : 'true',
}
const PLAN: [number, Record<string, unknown>][] = [
  [9, { sector: 'primary_health_care', region: 'helsinki', profession: 'nurse' }],
  [8, { sector: 'specialised_hospital_care', region: 'helsinki', profession: 'physician', ...wrong }],
  [7, { sector: 'primary_health_care', region: 'pirkanmaa', profession: 'nurse', ...wrong }],
  [6, { sector: 'specialised_hospital_care', region: 'pirkanmaa', profession: 'midwife' }],
  [2, { sector: 'social_services', region: 'lappi', profession: 'social_worker' }],
  [1, { sector: 'primary_health_care', region: 'kainuu', profession: 'nurse' }],
]


async function check(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
  expect(describeViolations(await blockingViolations(page)), `axe on ${name}`).toBe('')
}

/** Words of header cells split over two lines (a break inside a word) or spilling out. */
const brokenHeaders = (page: Page, selector: string) =>
  page.$$eval(selector, (cells) =>
    cells.flatMap((cell) => {
      const broken: string[] = []
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
          if (tops.size > 1) broken.push(match[0])
          // A whole word that sticks out of its cell runs into the next header.
          const box = cell.getBoundingClientRect()
          const word = range.getBoundingClientRect()
          if (word.left < box.left - 1 || word.right > box.right + 1) broken.push(match[0])
        }
      }
      return broken
    }),
  )

describe.skipIf(!hasChromium)('researchers read the results tables they choose', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: async () => {
      await postResponses(server().baseUrl, SURVEY_SLUG, groupsOf(allCorrectBundledAnswers, PLAN))
      await releaseAsAdmin(server().baseUrl, SURVEY_SLUG)
    },
  })

  describe.each(Object.entries(LANGUAGES))('in %s', (language, setup) => {
    const { locale, t } = setup
    it.each(Object.keys(SCREENS) as (keyof typeof SCREENS)[])(
      'on a %s',
      { timeout: 120_000 },
      async (screen) => {
        const name = `admin-results-tables-${language}-${screen}`
        const context = await browser().newContext({ ...SCREENS[screen], locale })
        const page = await context.newPage()
        const baseUrl = server().baseUrl
        await page.goto(`${baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
        await page.getByLabel(t.username).fill(ADMIN.username)
        await page.getByLabel(t.password).fill(ADMIN.password)
        await page.getByRole('button', { name: t.signIn }).click()
        await page.locator('table.heatmap').waitFor()
        const aggregates = (by: string) =>
          page.evaluate(
            async (path) => (await fetch(path)).json(),
            `/api/admin/surveys/${SURVEY_SLUG}/aggregates?by=${by}`,
          ) as Promise<{ groups: { suppressed: boolean }[] }>

        // The share of hidden cells beside the table, counted from the aggregates body.
        const shareOf = (groups: { suppressed: boolean }[]) => {
          const hidden = groups.filter((g) => g.suppressed).length
          return { hidden, cells: groups.length, share: Math.round((hidden / groups.length) * 100) }
        }
        const cross = await aggregates('sector,region')
        const share = page.locator('.hidden-share')
        expect(await share.innerText()).toBe(fill(HIDDEN_TEXT[language as 'fi'], shareOf(cross.groups)))
        // Row labels in the page's language; the row label stays in view as the table scrolls.
        const firstRow = page.locator('table.heatmap tbody th').first()
        expect(await firstRow.innerText()).toBe(
          language === 'fi' ? 'Erikoissairaanhoito' : 'Specialiserad sjukvård',
        )
        const scroller = page.locator('.table-scroll').first()
        const before = (await firstRow.boundingBox())!.x
        await scroller.evaluate((el) => el.scrollBy({ left: 600 }))
        await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
        // Sticky: it stays where it was (within a pixel's rounding) while the cells move.
        expect(Math.abs((await firstRow.boundingBox())!.x - before)).toBeLessThanOrEqual(1)
        await scroller.evaluate((el) => el.scrollTo({ left: 0 }))
        expect(await brokenHeaders(page, 'table.heatmap th')).toEqual([])
        await check(page, `${name}-1-sector-region`)

        // Any one or two dimensions: profession alone.
        await page.getByLabel(setup.rows, { exact: true }).selectOption('profession')
        await page.getByLabel(setup.columns, { exact: true }).selectOption('')
        const byProfession = await aggregates('profession')
        // A one-way table: one cell per row (profession x region also has 8 rows on the way).
        await expect
          .poll(() => page.locator('table.heatmap tbody td').count())
          .toBe(byProfession.groups.length)
        expect(await page.locator('table.heatmap tbody tr').count()).toBe(byProfession.groups.length)
        await expect
          .poll(() => share.innerText())
          .toBe(fill(HIDDEN_TEXT[language as 'fi'], shareOf(byProfession.groups)))
        // ... and profession by sector.
        await page.getByLabel(setup.columns, { exact: true }).selectOption('sector')
        const twoWay = await aggregates('profession,sector')
        await expect
          .poll(() => page.locator('table.heatmap tbody td').count())
          .toBe(twoWay.groups.length)
        expect(await brokenHeaders(page, 'table.heatmap th')).toEqual([])

        // Every chart says its group size; bars carry counts and percentages (decimal comma).
        const charts = page.locator('.question-chart')
        expect(await charts.count()).toBeGreaterThan(3)
        expect(await page.locator('.question-chart .group-size').count()).toBe(await charts.count())
        expect(await page.locator('.question-chart .group-size').first().innerText()).toBe(
          `n = ${PLAN.reduce((sum, [count]) => sum + count, 0)}`,
        )
        const summary = await page.locator('.question-chart canvas').first().getAttribute('aria-label')
        expect(summary).toMatch(/: \d+ \(\d+,\d %\)/)

        // Per-option percentages by group, sortable, decoys marked.
        const table = page.locator('table.option-table')
        const question = page.locator('#panel-overview select').filter({ has: page.locator('option') }).last()
        await table.waitFor()
        const values = await question.locator('option').evaluateAll((os) =>
          os.map((o) => (o as HTMLOptionElement).value),
        )
        for (const value of values) {
          await question.selectOption(value)
          if ((await table.locator('.key-decoy').count()) > 0) break
        }
        expect(await table.locator('.key-decoy').count()).toBeGreaterThan(0)
        expect(await table.locator('.key-correct').count()).toBeGreaterThan(0)
        // A group shown with its size only has no statistics: "–", never a row of zeros.
        const columnsShown = await table.locator('tbody tr').evaluateAll((rows) =>
          rows[0].querySelectorAll('td.number').length
            ? [...rows[0].querySelectorAll('td.number')].map((_, i) =>
                rows.map((row) => row.querySelectorAll('td.number')[i].textContent ?? ''),
              )
            : [],
        )
        for (const cells of columnsShown) {
          const dashes = cells.every((cell) => cell === '–')
          expect(dashes || cells.some((cell) => !cell.startsWith('0 '))).toBe(true)
        }
        // The indicators checklist: each indicator correct or a decoy, ticked by how many.
        if (values.includes('indicators')) {
          await question.selectOption('indicators')
          await expect.poll(() => table.getAttribute('data-question')).toBe('indicators')
          expect(await table.locator('.key-decoy').count()).toBeGreaterThan(0)
          expect(await table.locator('.key-correct').count()).toBeGreaterThan(1)
        }
        const sortAll = table.locator('thead th').nth(2).locator('button')
        await sortAll.click()
        expect(await table.locator('thead th').nth(2).getAttribute('aria-sort')).toBe('descending')
        const percents = await table
          .locator('tbody tr td:nth-of-type(2)')
          .evaluateAll((cells) =>
            cells.map((c) => Number(/\(([\d,]+) %\)/.exec(c.textContent ?? '')![1].replace(',', '.'))),
          )
        expect(percents).toEqual([...percents].sort((a, b) => b - a))
        await sortAll.click()
        expect(await table.locator('thead th').nth(2).getAttribute('aria-sort')).toBe('ascending')
        expect(await brokenHeaders(page, 'table.option-table th')).toEqual([])
        // Back to the start: cells scrolled under the sticky labels are hidden, as intended, and
        // axe cannot check the contrast of hidden text.
        await table.evaluate((el) => el.parentElement!.scrollTo({ left: 0 }))
        await table.scrollIntoViewIfNeeded()
        // Nothing makes the page wider than the screen: wide tables scroll in their own box.
        const width = await page.evaluate(() => document.documentElement.scrollWidth)
        expect(width).toBeLessThanOrEqual(SCREENS[screen].viewport.width)
        await check(page, `${name}-2-profession-sector-options`)

        // The export offers the same tables, with labels in the page's language, and the CSV for
        // Finnish and Swedish Excel.
        const panel = page.locator('.export-panel')
        const semicolon = panel.locator('a[href*="format=csv-semicolon"]')
        const href = (await semicolon.getAttribute('href'))!
        expect(href).toContain('by=profession%2Csector')
        expect(href).toContain(`lang=${language}`)
        // The preview reads the CSV back: the table on screen and one table per dimension or level.
        await panel.getByRole('button', { name: PREVIEW[language as 'fi'] }).click()
        const tables = panel.locator('.preview-tables code')
        await tables.first().waitFor()
        expect(await tables.allInnerTexts()).toEqual([
          'total',
          'profession x sector',
          'sector',
          'region',
          'profession',
          // the bundled questionnaire's level: regions grouped into collaborative areas
          'region.area',
        ])
        expect(await panel.locator('.preview-table tbody tr').count()).toBe(12)
        await panel.scrollIntoViewIfNeeded()
        await panel.screenshot({ path: join(SCREENSHOTS, `${name}-3-export.png`) })
        expect(describeViolations(await blockingViolations(page)), `axe on ${name}-3`).toBe('')
        const download = await page.evaluate(async (url) => {
          const res = await fetch(url)
          return { status: res.status, text: await res.text() }
        }, href)
        expect(download.status).toBe(200)
        expect(download.text.split('\r\n')[0]).toMatch(/^table;profession;profession_label;sector;/)
        await context.close()
      },
    )
  })
})
