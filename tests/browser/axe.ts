import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Impacts that fail the build: these stop people from using the page at all. */
const BLOCKING = ['serious', 'critical']

export interface AxeViolation {
  id: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Runs axe-core inside the page and returns its serious and critical violations, and text whose
 * contrast axe could not check (e.g. a background painted on a pseudo-element): an unchecked
 * contrast would otherwise pass unseen. The pages run under a CSP without inline script, so axe is
 * evaluated through the DevTools protocol (as page.evaluate does), never through a <script>
 * element that the policy would block.
 */
export async function blockingViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: Function } }).axe
    const results = await axe.run(document, { resultTypes: ['violations', 'incomplete'] })
    const unchecked = results.incomplete
      .filter((result: { id: string }) => result.id === 'color-contrast')
      .map((result: { nodes: { any: { message: string }[] }[] }) => ({
        ...result,
        id: 'color-contrast-unchecked',
        help: `contrast not checked: ${result.nodes[0]?.any[0]?.message}`,
      }))
    return (
      [...results.violations, ...unchecked] as {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[] }[]
      }[]
    ).map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }))
  })
  return violations.filter((violation) => BLOCKING.includes(violation.impact))
}

/** One line per violation: rule, impact, help and the first few elements it was found on. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const more = v.targets.length > 5 ? ` (+${v.targets.length - 5} more)` : ''
      return `${v.id} [${v.impact}] ${v.help}: ${v.targets.slice(0, 5).join(', ')}${more}`
    })
    .join('\n')
}
