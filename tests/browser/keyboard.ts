import type { Page } from 'playwright-core'

/** A short description of the focused element, for failure messages. */
export const describeFocus = (page: Page) =>
  page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing')

export const focusIsIn = (page: Page, selector: string) =>
  page.evaluate((sel) => Boolean(document.activeElement?.closest(sel)), selector)

/** Presses Tab (or Shift+Tab) until the focus is on or inside `selector`, as a user would. */
export async function tabTo(page: Page, selector: string, backwards = false): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    if (await focusIsIn(page, selector)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await describeFocus(page)}`)
}

type FocusedControl = { kind: string; value: string; checked: boolean }

const focusedControl = (page: Page): Promise<FocusedControl> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null
    const role = el?.getAttribute('role')
    // A searchable dropdown is an <input role="combobox">: its role says what it is, not its type.
    const kind =
      role === 'combobox'
        ? role
        : el?.tagName === 'INPUT'
          ? el.type
          : (role ?? el?.tagName.toLowerCase() ?? '')
    return { kind, value: el?.value ?? '', checked: el?.checked ?? false }
  })

/**
 * Answers one question with the keyboard only: Space picks the focused option of a radio group,
 * rating or checkbox list; arrows move to `preferred` when given; a dropdown opens with
 * ArrowDown and takes the highlighted item with Enter; text is typed.
 */
export async function answerWithKeyboard(page: Page, name: string, preferred?: string) {
  await tabTo(page, `.sd-question[data-name="${name}"]`)
  const control = await focusedControl(page)
  if (control.kind === 'radio' || control.kind === 'checkbox') {
    await page.keyboard.press('Space')
    for (let step = 0; preferred && step < 20; step++) {
      const now = await focusedControl(page)
      if (now.value === preferred && now.checked) return
      await page.keyboard.press('ArrowDown')
    }
    if (preferred) throw new Error(`Arrow keys never reached ${preferred} in ${name}`)
  } else if (control.kind === 'combobox' || control.kind === 'text') {
    // As a user does: open the list, wait for the highlighted item, take it with Enter, and look
    // that the field shows it. On a busy machine an Enter can reach the list while it is still
    // settling and choose nothing (seen before this change too); the user then simply tries again.
    const settled = (check: () => boolean) =>
      page.waitForFunction(check, undefined, { timeout: 3000 }).then(
        () => true,
        () => false,
      )
    for (let attempt = 0; attempt < 4; attempt++) {
      await page.keyboard.press('ArrowDown')
      if (control.kind === 'combobox') {
        const open = () => document.activeElement?.getAttribute('aria-expanded') === 'true'
        const highlighted = () =>
          document.activeElement?.getAttribute('aria-expanded') === 'true' &&
          Boolean(document.activeElement?.getAttribute('aria-activedescendant'))
        // The list may open without a highlighted item: one more ArrowDown highlights the first.
        if (!(await settled(open))) continue
        if (!(await settled(highlighted))) {
          await page.keyboard.press('ArrowDown')
          if (!(await settled(highlighted))) {
            await page.keyboard.press('Escape')
            continue
          }
        }
      }
      await page.keyboard.press('Enter')
      await settled(() => document.activeElement?.getAttribute('aria-expanded') !== 'true')
      // A chosen value brings the list's clear button; without one nothing was chosen.
      const clear = page.locator(`.sd-question[data-name="${name}"] .sd-editor-clean-button`)
      if (control.kind !== 'combobox' || (await clear.isVisible())) return
    }
    throw new Error(`The list of ${name} never took a choice from the keyboard`)
  } else if (control.kind === 'textarea') {
    await page.keyboard.type('Koulutusta tarvitaan.')
  } else {
    throw new Error(`No keyboard recipe for ${name}: focus is on ${await describeFocus(page)}`)
  }
}
