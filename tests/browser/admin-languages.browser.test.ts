// Issue 22: the older admin texts (JSON problems, file notes, save notices, the XLSForm section,
// page titles) follow the admin's language too; a Finnish admin on a phone and a Swedish admin
// on a laptop see none of the English texts.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { fill } from '../../client/admin/i18n'
import { en } from '../../client/admin/i18n/en'
import { fi } from '../../client/admin/i18n/fi'
import { sv } from '../../client/admin/i18n/sv'
import { FIXTURE_GROUPS, variedAnswers } from '../reports-fixtures'
import { ADMIN, ADMIN_ENV, makeRelease, postResponses, writeQuestionnaireFile } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, REPO_ROOT, SURVEY_SLUG } from './helpers'
import { useBrowser } from './session'

const REPORT_TEXTS = {
  fi: { title: 'Julkinen raportti', publishAs: 'Julkaise tulosjulkistus {release} raporttina', titleLabel: 'Otsikko', language: 'Suomi', publish: 'Julkaise', done: 'Raportti julkaistu.' },
  sv: { title: 'Offentlig rapport', publishAs: 'Publicera utgåva {release} som rapport', titleLabel: 'Rubrik', language: 'Svenska', publish: 'Publicera', done: 'Rapporten har publicerats.' },
}
const SCREENSHOTS = join(REPO_ROOT, 'test-artifacts', 'screenshots')
const CASES = [
  { name: 'fi-phone', locale: 'fi-FI', t: fi, viewport: { width: 390, height: 844 }, isMobile: true },
  { name: 'sv-laptop', locale: 'sv-SE', t: sv, viewport: { width: 1366, height: 900 }, isMobile: false },
] as const
// English texts these pages used to show whatever the language.
const ENGLISH = [
  'Spreadsheet',
  'Download as XLSForm',
  'Import XLSForm',
  en.saves.draftSaved,
  en.definitionText.hint,
  'Not valid JSON',
]

async function check(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
  expect(describeViolations(await blockingViolations(page)), `axe on ${name}`).toBe('')
}

const mainText = (page: Page) => page.locator('main').innerText()

describe.skipIf(!hasChromium)('admin texts in Finnish and Swedish', () => {
  const { server, browser } = useBrowser({
    env: ADMIN_ENV,
    setUp: () => {
      let i = 0
      const answers = FIXTURE_GROUPS.flatMap(([sector, region, count]) =>
        Array.from({ length: count }, () => variedAnswers(sector, region, i++)),
      )
      return postResponses(server().baseUrl, SURVEY_SLUG, answers)
    },
  })

  for (const { name, locale, t, viewport, isMobile } of CASES) {
    it(`${name}: editor problems, file note, save notice, XLSForm section`, { timeout: 60_000 }, async () => {
      const context = await browser().newContext({ viewport, isMobile, hasTouch: isMobile, locale })
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      await page.goto(`${server().baseUrl}/admin`)
      expect(await page.title()).toBe(`${t.signIn} · ${t.appName}`)
      await page.getByLabel(t.username).fill(ADMIN.username)
      await page.getByLabel(t.password).fill(ADMIN.password)
      await page.getByRole('button', { name: t.signIn }).click()
      await page.getByRole('link', { name: t.newQuestionnaire }).click()
      await page.getByRole('heading', { name: t.newQuestionnaire }).waitFor()
      expect(await page.title()).toBe(`${t.newQuestionnaire} · ${t.appName}`)

      // A JSON typo, worded in the admin's language with its line and column.
      await page.getByRole('button', { name: t.tabJson, exact: true }).click()
      const definition = page.getByLabel(t.jsonLabel)
      await definition.fill('{\n  "title": "Ward survey",\n}')
      const problem = fill(t.definitionText.invalidAt, {
        line: 3,
        column: 1,
        problem: fill(t.definitionText.trailingComma, { char: '}' }),
      })
      await expect.poll(() => page.locator('#json-problem').innerText()).toContain(problem)
      expect(await mainText(page)).toContain(t.definitionText.hint)
      expect(await mainText(page)).toContain(t.definitionText.showInText)
      await check(page, `admin-languages-${name}-json-problem`)

      // A file read: the note says nothing is saved yet; saving says the draft is saved.
      const slug = `languages-${name}`
      await definition.fill('')
      await page.getByLabel(t.uploadJson).setInputFiles(writeQuestionnaireFile(`${slug}.json`))
      const note = fill(t.definitionText.fileLoaded, { file: `${slug}.json` })
      await expect.poll(() => page.locator('#file-note').innerText()).toBe(note)
      await page.getByLabel(t.slug, { exact: true }).fill(slug)
      await page.getByRole('button', { name: t.saveAsDraft }).click()
      await expect.poll(() => page.locator('.notice').innerText()).toBe(t.saves.draftSaved)

      // The survey page's XLSForm section.
      const heading = { fi: 'Taulukko (XLSForm)', sv: 'Kalkylblad (XLSForm)' }[t === fi ? 'fi' : 'sv']
      await page.getByRole('heading', { name: heading }).waitFor()
      const text = await mainText(page)
      for (const english of ENGLISH) expect(text).not.toContain(english)
      await check(page, `admin-languages-${name}-survey`)

      // The public report panel on the results page: a release published as a report.
      const r = REPORT_TEXTS[t === fi ? 'fi' : 'sv']
      await page.goto(`${server().baseUrl}/admin/surveys/${SURVEY_SLUG}/results`)
      await page.locator('.report-panel').waitFor()
      await makeRelease(page, SURVEY_SLUG)
      await page.reload()
      const panel = page.locator('.report-panel')
      await panel.getByRole('heading', { name: r.title }).waitFor()
      const release = Number(await page.evaluate(async (path) => {
        const body = await (await fetch(path)).json()
        return body.releases.at(-1).number
      }, `/api/admin/surveys/${SURVEY_SLUG}/releases`))
      await panel.getByText(fill(r.publishAs, { release })).click()
      await panel.getByRole('group', { name: r.language }).getByLabel(r.titleLabel).fill(`Raportti ${name}`)
      await panel.getByRole('button', { name: r.publish, exact: true }).click()
      await panel.getByText(r.done).waitFor()
      expect(await panel.innerText()).not.toMatch(/Public report|Release \d|Withdraw report|front page/)
      await panel.screenshot({ path: join(SCREENSHOTS, `admin-languages-${name}-report-panel.png`) })
      expect(describeViolations(await blockingViolations(page)), 'axe on the results page').toBe('')
      await context.close()
    })
  }
})
