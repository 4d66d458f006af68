import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { pick, pickSkewed, seededRandom, subset } from './random.js'

export const SURVEY_SLUG = 'counter-trafficking'
export const SURVEY_FILE = fileURLToPath(
  new URL(`../../surveys/${SURVEY_SLUG}.json`, import.meta.url),
)

interface Element {
  type: string
  name: string
  isRequired?: boolean
  visibleIf?: string
  choices?: (string | { value: string })[]
  rateMin?: number
  rateMax?: number
}

export const bundledDefinition = (): Record<string, unknown> =>
  JSON.parse(readFileSync(SURVEY_FILE, 'utf8'))

function elementsOf(definition: Record<string, unknown>): Map<string, Element> {
  const pages = definition.pages as { elements: Element[] }[]
  return new Map(pages.flatMap((page) => page.elements).map((e) => [e.name, e]))
}

const choicesOf = (element: Element | undefined): string[] =>
  (element?.choices ?? []).map((c) => (typeof c === 'string' ? c : c.value))

/**
 * Random answers that the bundled questionnaire accepts: every required question answered, the
 * follow-up questions only when their visibleIf holds, free text now and then. Realistic mix:
 * sectors and regions are skewed, quiz items are right about two times in three.
 */
export function answerGenerator(definition: Record<string, unknown>, seed: number) {
  const random = seededRandom(seed)
  const elements = elementsOf(definition)
  const choices = (name: string) => choicesOf(elements.get(name))
  const quiz = [...elements.values()].filter(
    (e) => e.name.startsWith('knowledge_') && e.type === 'radiogroup',
  )
  const correct = (definition.pages as { elements: (Element & { correctAnswer?: unknown })[] }[])
    .flatMap((p) => p.elements)
    .reduce<Record<string, unknown>>((acc, e) => ({ ...acc, [e.name]: e.correctAnswer }), {})
  const rating = () => 1 + Math.floor(random() * 5)

  /** Only sector, profession and region: the dimensions, varied per synthetic response. */
  const dimensions = () => ({
    sector: pickSkewed(random, choices('sector')),
    profession: pickSkewed(random, choices('profession')),
    region: pickSkewed(random, choices('region')),
  })

  const answers = (): Record<string, unknown> => {
    const result: Record<string, unknown> = { ...dimensions() }
    for (const item of quiz) {
      result[item.name] = random() < 0.67 ? correct[item.name] : pick(random, choices(item.name))
    }
    const indicators = subset(random, choices('indicators'), 0.6)
    result.indicators = indicators.length > 0 ? indicators : [choices('indicators')[0]]
    result.knows_where_to_refer = pick(random, choices('knows_where_to_refer'))
    result.met_possible_victim = pick(random, choices('met_possible_victim'))
    if (['yes', 'not_sure'].includes(result.met_possible_victim as string)) {
      result.met_count = pick(random, choices('met_count'))
      const actions = subset(random, choices('actions_taken').filter((c) => c !== 'nothing'), 0.3)
      result.actions_taken = actions.length > 0 && random() < 0.8 ? actions : ['nothing']
      if ((result.actions_taken as string[]).includes('nothing')) {
        result.why_not_acted = subset(random, choices('why_not_acted'), 0.3)
      }
    }
    result.confidence_identify = rating()
    result.confidence_help = rating()
    result.training_received = pick(random, choices('training_received'))
    const topics = choices('training_topics_needed').filter((c) => c !== 'none_needed')
    result.training_topics_needed = random() < 0.1 ? ['none_needed'] : subset(random, topics, 0.3)
    result.training_formats = subset(random, choices('training_formats'), 0.3)
    if (random() < 0.1) result.comment = 'Koulutusta tarvitaan enemmän.'
    for (const key of Object.keys(result)) {
      const value = result[key]
      if (Array.isArray(value) && value.length === 0) delete result[key]
    }
    return result
  }
  return { answers, dimensions, random }
}
