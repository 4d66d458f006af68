import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ADMIN, ADMIN_ENV, postResponses, signIn } from './admin-helpers'
import { blockingViolations, describeViolations } from './axe'
import { hasChromium, readResponses, screenshot, SCREENSHOT_DIR } from './helpers'
import { useBrowser } from './session'

const SLUG = 'editor-made'
const LAPTOP = { viewport: { width: 1366, height: 900 }, locale: 'en-GB' }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Fills one text in Finnish, Swedish and English (the three inputs of a TextFields group). */
async function texts(scope: Locator, label: string, [fi, sv, en]: string[]) {
  await scope.getByLabel(`${label} (Suomi)`, { exact: true }).fill(fi)
  await scope.getByLabel(`${label} (Svenska)`, { exact: true }).fill(sv)
  await scope.getByLabel(`${label} (English)`, { exact: true }).fill(en)
}

/** Adds a question of `kind` to a page, names it, and returns its card. */
async function addQuestion(page: Page, pageName: string, kind: string, name: string) {
  const pageCard = page.locator(`.page-card[data-page="${pageName}"]`)
  await pageCard
    .locator('.add-question')
    .getByLabel('Kind of question')
    .selectOption({ label: kind })
  await pageCard.getByRole('button', { name: 'Add question' }).click()
  const card = pageCard.locator('.question-card').last()
  await card.getByLabel('Short name (column in results)').fill(name)
  return page.locator(`.question-card[data-question="${name}"]`)
}

async function addChoice(card: Locator, n: number, value: string, words: string[]) {
  await card.getByRole('button', { name: 'Add choice' }).click()
  await card.getByLabel(`Choices ${n}: Value`).fill(value)
  await texts(card, `Choices ${n}`, words)
}

async function expectNoAxe(page: Page, screen: string) {
  await screenshot(page, screen)
  expect(describeViolations(await blockingViolations(page)), `axe on ${screen}`).toBe('')
}

describe.skipIf(!hasChromium)('questionnaire editor (no JSON typed)', () => {
  const { server, browser } = useBrowser({ env: ADMIN_ENV })

  it(
    'an admin builds, translates, previews in Swedish and publishes; a respondent answers in Finnish',
    { timeout: 120_000 },
    async () => {
      const page = await (await browser().newContext(LAPTOP)).newPage()
      await page.goto(`${server().baseUrl}/admin`)
      await signIn(page, ADMIN.username, ADMIN.password)
      await page.getByRole('link', { name: 'New questionnaire' }).click()
      await page.getByRole('heading', { name: 'New questionnaire' }).waitFor()

      const survey = page.locator('.page-card').first()
      await texts(survey, 'Title', ['Osastokysely', 'Avdelningsenkät', 'Ward survey'])

      // Page 1: a dimension, and a follow-up shown on a condition.
      const sector = await addQuestion(page, 'page1', 'Single choice', 'workplace')
      await texts(sector, 'Title', ['Missä työskentelet?', 'Var arbetar du?', 'Where do you work?'])
      await addChoice(sector, 1, 'public', ['Julkinen', 'Offentlig', 'Public'])
      await addChoice(sector, 2, 'private', ['Yksityinen', 'Privat', 'Private'])
      await sector.getByLabel('Answer required').check()
      await sector.getByLabel('Group the results by this question (dimension)').check()
      const why = await addQuestion(page, 'page1', 'Long text', 'why_private')
      await texts(why, 'Title', ['Miksi yksityinen?', 'Varför privat?', 'Why private?'])
      await why.getByLabel('Show this question').first().selectOption({ label: 'only when' })
      await why.getByLabel('Answer', { exact: true }).selectOption({ label: 'Private' })

      // Page 2: a quiz item; page 3: a rating whose Swedish title is left for the translation view.
      await page.getByRole('button', { name: 'Add page' }).click()
      const quiz = await addQuestion(page, 'page2', 'Single choice', 'border')
      await texts(quiz, 'Title', [
        'Ihmiskauppa edellyttää rajan ylitystä.',
        'Människohandel kräver att en gräns korsas.',
        'Trafficking requires crossing a border.',
      ])
      await addChoice(quiz, 1, 'true', ['Totta', 'Sant', 'True'])
      await addChoice(quiz, 2, 'false', ['Ei totta', 'Falskt', 'False'])
      await quiz.getByLabel('Correct answer (quiz item)').selectOption({ label: 'False' })
      await page.getByRole('button', { name: 'Add page' }).click()
      const rating = await addQuestion(page, 'page3', 'Rating', 'confidence')
      await rating.getByLabel('Title (Suomi)').fill('Kuinka varma olet?')
      await rating.getByLabel('Title (English)').fill('How confident are you?')
      await expectNoAxe(page, 'editor-01-questions-laptop')

      // Duplicate, move (up past the page's top onto page 2) and delete, as an admin tidies up.
      await rating.getByRole('button', { name: 'Duplicate: confidence' }).click()
      const twin = page.locator('.question-card[data-question="confidence_copy"]')
      await twin.getByRole('button', { name: 'Move up: confidence_copy' }).click()
      await twin.getByRole('button', { name: 'Move up: confidence_copy' }).click()
      await page
        .locator('.page-card[data-page="page2"] [data-question="confidence_copy"]')
        .waitFor()
      page.once('dialog', (dialog) => void dialog.accept())
      await twin.getByRole('button', { name: 'Delete: confidence_copy' }).click()
      await expect.poll(() => twin.count()).toBe(0)

      // The translation view finds the missing Swedish title; it is written there.
      await page.getByRole('button', { name: 'Translations' }).click()
      const swedish = page.getByRole('button', { name: /^Svenska: 1 missing, 0 outdated$/ })
      await swedish.click()
      await page.getByLabel('confidence.title (Svenska)').fill('Hur säker är du?')
      await page.getByRole('button', { name: /^Svenska: 0 missing, 0 outdated$/ }).waitFor()
      // A changed English source makes both translations outdated until checked.
      await page.getByRole('button', { name: 'Questions' }).click()
      await survey.getByLabel('Title (English)').fill('Ward survey 2027')
      await page.getByRole('button', { name: 'Translations' }).click()
      await page.getByRole('button', { name: /^Suomi: 0 missing, 1 outdated$/ }).click()
      await page.getByText('The translation was written for: “Ward survey”').waitFor()
      await expectNoAxe(page, 'editor-02-translations-laptop')
      await page.getByRole('button', { name: 'Still correct' }).click()
      await page.getByRole('button', { name: /^Suomi: 0 missing, 0 outdated$/ }).waitFor()
      await page.getByRole('button', { name: /^Svenska: 0 missing, 1 outdated$/ }).click()
      await page.getByLabel('survey.title (Svenska)').fill('Avdelningsenkät 2027')
      await page.getByRole('button', { name: /^Svenska: 0 missing, 0 outdated$/ }).waitFor()

      // The JSON view says the same, and a change there shows in the questions (and warns of
      // a property SurveyJS does not know, kept rather than refused).
      await page.getByRole('button', { name: 'JSON', exact: true }).click()
      const json = page.getByLabel('Questionnaire definition (SurveyJS JSON)')
      const definition = JSON.parse(await json.inputValue())
      expect(definition.dimensions).toEqual(['workplace'])
      const [p1, p2] = definition.pages
      expect(p1.elements[1].visibleIf).toBe("{workplace} = 'private'")
      expect(p2.elements[0].correctAnswer).toBe('false')
      expect(definition.translatedFrom['survey.title']).toEqual({
        fi: 'Ward survey 2027',
        sv: 'Ward survey 2027',
      })
      p2.elements[0].choices[1].score = 1
      p2.elements[0].description = { default: 'Think of Finland.', fi: 'Ajattele Suomea.' }
      await json.fill(JSON.stringify(definition, null, 2))
      await page.getByText('score (choiceitem)').waitFor()
      await page.getByRole('button', { name: 'Questions' }).click()
      expect(await quiz.getByLabel('Description (Suomi)').inputValue()).toBe('Ajattele Suomea.')
      await page.getByRole('button', { name: 'Undo' }).click()
      expect(await quiz.getByLabel('Description (Suomi)').inputValue()).toBe('')
      await expect.poll(() => page.getByText('score (choiceitem)').count()).toBe(0)

      // Preview in Swedish.
      const preview = page.locator('.editor-preview')
      await preview.getByRole('button', { name: 'Svenska' }).click()
      await preview.getByText('Var arbetar du?').waitFor()
      await screenshot(page, 'editor-03-preview-swedish')

      await page.getByLabel('Slug').fill(SLUG)
      await page.getByRole('button', { name: 'Save as draft' }).click()
      await page.getByRole('heading', { name: 'Ward survey 2027' }).waitFor()
      await page.getByRole('button', { name: 'Publish' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Publish now' }).click()
      await expect.poll(() => page.locator('.facts .badge').innerText()).toBe('Open')

      // A respondent whose browser prefers Finnish.
      const respondent = await (await browser().newContext({ ...PHONE, locale: 'fi-FI' })).newPage()
      await respondent.goto(`${server().baseUrl}/s/${SLUG}`)
      await respondent.getByRole('button', { name: 'Aloita kysely' }).click()
      await respondent.getByText('Missä työskentelet?').waitFor()
      expect(await respondent.getByText('Miksi yksityinen?').count()).toBe(0)
      await respondent.getByText('Yksityinen', { exact: true }).click()
      await respondent.getByRole('textbox', { name: 'Miksi yksityinen?' }).fill('Parempi palkka')
      await respondent.locator('.sd-navigation__next-btn').click()
      await respondent.getByText('Ei totta', { exact: true }).click()
      await respondent.locator('.sd-navigation__next-btn').click()
      await respondent.getByText('Kuinka varma olet?').waitFor()
      await respondent.locator('.sd-rating__item').nth(3).click()
      await respondent.locator('.sd-navigation__complete-btn').click()
      await respondent.locator('.sd-completedpage').waitFor()
      const [stored] = readResponses(server().databasePath)
      expect(stored.locale).toBe('fi')
      expect(JSON.parse(stored.answers)).toEqual({
        workplace: 'private',
        why_private: 'Parempi palkka',
        border: 'false',
        confidence: 4,
      })

      // Four more respondents (through the API: groups under 5 are never shown), then a release:
      // the quiz chart counts the Finnish respondent's answer.
      const others = { workplace: 'private', why_private: 'x', border: 'true', confidence: 2 }
      await postResponses(server().baseUrl, SLUG, [others, others, others, others])
      await page.getByRole('link', { name: 'Results' }).click()
      await page.getByText('5 responses so far. Results appear after the first release.').waitFor()
      await page.getByRole('button', { name: 'Make interim release' }).click()
      const chart = page.locator('.question-chart[data-question="border"] canvas')
      await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/: True: 4 \(80\.0 %\); False: 1 \(20\.0 %\)/)
      await screenshot(page, 'editor-04-results')

      // XLSForm round trip: export, change one label as in a spreadsheet, import as version 2.
      const exported = await page.evaluate(async (path) => {
        const res = await fetch(path)
        if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`)
        return Array.from(new Uint8Array(await res.arrayBuffer()))
      }, `/api/admin/surveys/${SLUG}/xlsform`)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(Uint8Array.from(exported).buffer)
      let changed = 0
      workbook.getWorksheet('survey')?.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === 'Kuinka varma olet?')
            ((cell.value = 'Kuinka varma olet nyt?'), changed++)
        }),
      )
      expect(changed).toBe(1)
      const body = Array.from(new Uint8Array(await workbook.xlsx.writeBuffer()))
      const imported = await page.evaluate(
        async ([path, bytes, type]) => {
          const res = await fetch(path as string, {
            method: 'POST',
            headers: { 'Content-Type': type as string },
            body: new Uint8Array(bytes as number[]),
          })
          return { status: res.status, body: await res.json() }
        },
        [`/api/admin/surveys/import?slug=${SLUG}`, body, XLSX] as const,
      )
      expect(imported).toMatchObject({ status: 200, body: { version: 2 } })
      await page.goto(`${server().baseUrl}/admin/surveys/${SLUG}/edit`)
      const confidence = page.locator('.question-card[data-question="confidence"]')
      expect(await confidence.getByLabel('Title (Suomi)').inputValue()).toBe(
        'Kuinka varma olet nyt?',
      )

      // Leaving with unsaved changes asks first; staying keeps them.
      await confidence.getByLabel('Title (English)').fill('How sure are you?')
      const asked = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('leaving did not ask')), 5_000)
        page.once('dialog', (dialog) => {
          clearTimeout(timer)
          resolve(dialog.message())
          void dialog.dismiss()
        })
      })
      await page.getByRole('link', { name: 'Questionnaires' }).first().click()
      expect(await asked).toMatch(/unsaved changes/)
      expect(await confidence.getByLabel('Title (English)').inputValue()).toBe('How sure are you?')
    },
  )

  it('speaks Finnish on a phone: editor and translation view', { timeout: 60_000 }, async () => {
    const page = await (await browser().newContext({ ...PHONE, locale: 'fi-FI' })).newPage()
    await page.goto(`${server().baseUrl}/admin/surveys/${SLUG}/edit`)
    await page.getByRole('heading', { name: 'Kirjaudu kyselyjen hallintaan' }).waitFor()
    await page.getByLabel('Käyttäjätunnus').fill(ADMIN.username)
    await page.getByLabel('Salasana').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click()
    await page.locator('.question-card[data-question="workplace"]').waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('fi')
    await page.getByRole('button', { name: 'Kysymykset' }).waitFor()
    await expectNoAxe(page, 'editor-05-questions-phone-fi')
    // What the admin sees of one question card at a time on a phone.
    await page.locator('[data-question="workplace"] .items').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-05b-question-card-phone-fi.png') })
    await page.getByRole('button', { name: 'Käännökset' }).click()
    await page.getByRole('button', { name: /^Svenska: 0 puuttuu/ }).waitFor()
    await expectNoAxe(page, 'editor-06-translations-phone-fi')
    // The picker switches the admin app to Swedish at once.
    await page
      .getByRole('group', { name: 'Kieli', exact: true })
      .getByRole('button', { name: 'Svenska' })
      .click()
    await page.getByRole('button', { name: 'Översättningar' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('sv')
  })
})
