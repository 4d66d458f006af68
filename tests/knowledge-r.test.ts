import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { base, knowledgeSetup, QUIZ_ITEMS, seeded } from './knowledge/setup.js'

const RSCRIPT = '/usr/bin/Rscript'
const haveR = existsSync(RSCRIPT)
if (!haveR)
  console.log(`knowledge R comparison skipped: no ${RSCRIPT} (apt-get install r-base-core)`)

// Every figure of the knowledge endpoint, computed by R from the released response-level data
// (one row per response: sector, self-rating, 0/1 per quiz item), printed as "name value".
const R_FIGURES = `
d <- read.csv("released.csv", stringsAsFactors = FALSE)
shown <- strsplit(readLines("shown.txt"), ",")[[1]]
items <- setdiff(names(d), c("sector", "rating"))
out <- function(name, x) cat(name, sprintf("%.17g", x), "\\n")
figures <- function(prefix, g) {
  m <- as.matrix(g[, items]); score <- rowSums(m)
  tt <- t.test(score)
  out(paste0(prefix, ".mean"), mean(score)); out(paste0(prefix, ".sd"), sd(score))
  out(paste0(prefix, ".ci0"), tt$conf.int[1]); out(paste0(prefix, ".ci1"), tt$conf.int[2])
  for (i in items) {
    x <- g[[i]]
    pt <- prop.test(sum(x), length(x), correct = FALSE)
    out(paste0(prefix, ".", i, ".ci0"), pt$conf.int[1]); out(paste0(prefix, ".", i, ".ci1"), pt$conf.int[2])
    out(paste0(prefix, ".", i, ".disc"), cor(x, score - x))
  }
  kr20 <- function(m) ncol(m) / (ncol(m) - 1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m)))
  if (nrow(m) >= 30) {
    out(paste0(prefix, ".kr20"), kr20(m))
    for (j in seq_along(items)) out(paste0(prefix, ".", items[j], ".alpha"), kr20(m[, -j]))
  }
  out(paste0(prefix, ".spearman"), cor(g$rating, score, method = "spearman"))
  for (v in sort(unique(g$rating))) if (sum(g$rating == v) >= 5) {
    s <- score[g$rating == v]
    out(paste0(prefix, ".rating", v, ".mean"), mean(s))
    if (length(s) > 1 && sd(s) > 0) {
      ci <- t.test(s)$conf.int
      out(paste0(prefix, ".rating", v, ".ci0"), ci[1]); out(paste0(prefix, ".rating", v, ".ci1"), ci[2])
    }
  }
}
figures("total", d)
for (s in shown) figures(s, d[d$sector == s, ])
g <- d[d$sector %in% shown, ]
kw <- kruskal.test(rowSums(as.matrix(g[, items])) ~ factor(g$sector))
out("kw.statistic", kw$statistic); out("kw.df", kw$parameter); out("kw.p", kw$p.value)
b <- prop.test(c(sum(d$knowledge_border), 120), c(nrow(d), 200), correct = FALSE)
out("baseline.diff", b$estimate[1] - b$estimate[2]); out("baseline.p", b$p.value)
out("baseline.ci0", b$conf.int[1]); out("baseline.ci1", b$conf.int[2])
`

describe.skipIf(!haveR)('knowledge figures against R', () => {
  it('equal what R computes from the released responses, to 1e-9', async () => {
    const s = await knowledgeSetup()
    const random = seeded(18)
    await s.answerRandomly(34, { sector: 'primary_health_care', region: 'helsinki' }, random, 0.7)
    await s.answerRandomly(12, { sector: 'social_services', region: 'helsinki' }, random, 0.4)
    await s.answerRandomly(10, { sector: 'social_services', region: 'pirkanmaa' }, random, 0.5)
    await s.answerRandomly(9, { sector: 'emergency_ambulance', region: 'helsinki' }, random, 0.6)
    expect((await s.admin.post(`${base}/releases`)).status).toBe(201)
    // After the release: never in the figures.
    await s.answerRandomly(6, { sector: 'primary_health_care', region: 'helsinki' }, random, 0.1)
    const baseline = { label: '2015', items: { knowledge_border: { n: 200, correct: 120 } } }
    expect((await s.admin.put(`${base}/baseline`, baseline)).status).toBe(200)
    const body = await (await s.researcher.get(`${base}/knowledge?by=sector`)).json()

    // The released response-level data, straight from the tables.
    const { rows } = await sql<{ id: string; sector: string; rating: string }>`
      select r.id, s.value as sector, c.value as rating from responses r
      join response_values s on s.response_id = r.id and s.question = 'sector'
      join response_values c on c.response_id = r.id and c.question = 'confidence_identify'
      where r.release_no = 1`.execute(s.db)
    const quiz = await s.db.selectFrom('response_quiz_items').selectAll().execute()
    const correct = new Map(quiz.map((q) => [`${q.response_id}/${q.question}`, Number(q.correct)]))
    const csv = [
      ['sector', 'rating', ...QUIZ_ITEMS].join(','),
      ...rows.map((r) =>
        [r.sector, r.rating, ...QUIZ_ITEMS.map((i) => correct.get(`${r.id}/${i}`))].join(','),
      ),
    ]
    const shown = body.groups.filter((g: any) => !g.suppressed).map((g: any) => g.key.sector)
    expect(shown.length).toBeGreaterThan(1)
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-r-'))
    let printed: string
    try {
      writeFileSync(join(dir, 'released.csv'), csv.join('\n'))
      writeFileSync(join(dir, 'shown.txt'), `${shown.join(',')}\n`)
      writeFileSync(join(dir, 'figures.R'), R_FIGURES)
      printed = execFileSync(RSCRIPT, ['figures.R'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const r = new Map(
      printed
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .map(([name, value]) => [name, Number(value)]),
    )
    const close = (name: string, actual: number | null) => {
      expect(r.has(name), name).toBe(true)
      // R's NA (a constant item or score) is null here.
      if (Number.isNaN(r.get(name))) return expect(actual, name).toBeNull()
      if (actual === null) throw new Error(`${name}: null, R has ${r.get(name)}`)
      expect(
        Math.abs(actual - r.get(name)!),
        `${name}: ${actual} vs R ${r.get(name)}`,
      ).toBeLessThan(1e-9)
    }
    let compared = 0
    const check = (prefix: string, cell: any) => {
      close(`${prefix}.mean`, cell.score.mean)
      close(`${prefix}.sd`, cell.score.sd)
      close(`${prefix}.ci0`, cell.score.ci[0])
      close(`${prefix}.ci1`, cell.score.ci[1])
      for (const item of cell.items) {
        close(`${prefix}.${item.name}.ci0`, item.ci[0])
        close(`${prefix}.${item.name}.ci1`, item.ci[1])
        close(`${prefix}.${item.name}.disc`, item.discrimination)
        if (cell.reliability)
          close(`${prefix}.${item.name}.alpha`, cell.reliability.alphaIfDeleted[item.name])
      }
      if (r.has(`${prefix}.kr20`)) close(`${prefix}.kr20`, cell.reliability.kr20)
      else expect(cell.reliability).toBeNull()
      close(`${prefix}.spearman`, cell.selfRating.spearman)
      for (const value of cell.selfRating.values) {
        if (value.suppressed) continue
        close(`${prefix}.rating${value.value}.mean`, value.meanScore)
        if (value.ci) {
          close(`${prefix}.rating${value.value}.ci0`, value.ci[0])
          close(`${prefix}.rating${value.value}.ci1`, value.ci[1])
        }
      }
      compared++
    }
    expect(body.total.n).toBe(65)
    check('total', body.total)
    expect(body.total.reliability).not.toBeNull()
    for (const group of body.groups) if (!group.suppressed) check(group.key.sector, group)
    expect(compared).toBe(shown.length + 1)
    close('kw.statistic', body.comparison.statistic)
    expect(body.comparison.df).toBe(r.get('kw.df'))
    close('kw.p', body.comparison.p)
    const border = body.total.items.find((i: any) => i.name === 'knowledge_border')
    close('baseline.diff', border.baseline.difference)
    close('baseline.p', border.baseline.p)
    close('baseline.ci0', border.baseline.ci[0])
    close('baseline.ci1', border.baseline.ci[1])
  }, 120_000)
})
