import { relative } from 'node:path'
import type { Reporter, TestModule } from 'vitest/node'

/**
 * In CI (TEST_NO_SKIPS=1, set by .ci/run) a skipped test fails the run: CI installs Chromium,
 * R, PSPP and PostgreSQL, so a test skipped for want of one would pass without checking
 * anything. The one skip allowed is an engine's: a test skipped in one project (sqlite or
 * postgres) that passed under the same name in the other.
 */
export default class CiSkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const passed = new Set<string>()
    const skipped: { key: string; project: string }[] = []
    for (const module of modules) {
      const file = relative(process.cwd(), module.moduleId)
      for (const test of module.children.allTests()) {
        const key = `${file} > ${test.fullName}`
        const state = test.result().state
        if (state === 'passed') passed.add(`${module.project.name}\0${key}`)
        if (state === 'skipped') skipped.push({ key, project: module.project.name })
      }
    }
    const projects = new Set(modules.map((m) => m.project.name))
    const unexplained = skipped.filter(
      ({ key, project }) =>
        ![...projects].some((other) => other !== project && passed.has(`${other}\0${key}`)),
    )
    if (unexplained.length === 0) return
    console.error(
      `\n${unexplained.length} test(s) skipped in CI (TEST_NO_SKIPS=1) that ran nowhere:`,
    )
    for (const { key, project } of unexplained) console.error(`  [${project}] ${key}`)
    process.exitCode = 1
  }
}
