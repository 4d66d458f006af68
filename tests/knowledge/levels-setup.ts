import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  addSurvey,
  BUNDLED_SURVEYS_DIR,
  createTestContext,
  createUser,
  postJson,
  signedInClient,
  signIn,
} from '../helpers.js'
import { answersWith, PASSWORD, QUIZ_ITEMS, seeded } from './setup.js'

/** The bundled questionnaire under its own slug, with the collaborative areas as a level. */
export const SLUG = 'areas-quiz'
export const levelsBase = `/api/admin/surveys/${SLUG}`

const text = (en: string, fi: string, sv: string) => ({ default: en, fi, sv })
/** The five collaborative areas (../shared/domain.md); Åland stays its own group. */
export const AREAS = [
  {
    value: 'south',
    text: text('Southern Finland', 'Etelä-Suomi', 'Södra Finland'),
    members: [
      'helsinki',
      'ita_uusimaa',
      'keski_uusimaa',
      'lansi_uusimaa',
      'vantaa_kerava',
      'kymenlaakso',
      'etela_karjala',
      'paijat_hame',
    ],
  },
  {
    value: 'inland',
    text: text('Inland Finland', 'Sisä-Suomi', 'Inre Finland'),
    members: ['pirkanmaa', 'kanta_hame', 'etela_pohjanmaa'],
  },
  {
    value: 'west',
    text: text('Western Finland', 'Länsi-Suomi', 'Västra Finland'),
    members: ['varsinais_suomi', 'satakunta', 'pohjanmaa'],
  },
  {
    value: 'east',
    text: text('Eastern Finland', 'Itä-Suomi', 'Östra Finland'),
    members: ['pohjois_savo', 'etela_savo', 'pohjois_karjala', 'keski_suomi'],
  },
  {
    value: 'north',
    text: text('Northern Finland', 'Pohjois-Suomi', 'Norra Finland'),
    members: ['pohjois_pohjanmaa', 'kainuu', 'keski_pohjanmaa', 'lappi'],
  },
  { value: 'aland', text: text('Åland', 'Ahvenanmaa', 'Åland'), members: ['ahvenanmaa'] },
]
export const areaOf = new Map(AREAS.flatMap((a) => a.members.map((m) => [m, a.value] as const)))

export function definitionWithAreas() {
  const file = join(BUNDLED_SURVEYS_DIR, 'counter-trafficking.json')
  const definition = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const area = {
    name: 'area',
    of: 'region',
    title: text('Collaborative area', 'Yhteistyöalue', 'Samarbetsområde'),
    groups: AREAS,
  }
  return { ...definition, levels: [area] }
}

/** sector, region, respondents: small regions whose areas are large enough to show. */
export const CELLS = [
  ['primary_health_care', 'helsinki', 7],
  ['primary_health_care', 'vantaa_kerava', 3],
  ['primary_health_care', 'ita_uusimaa', 2],
  ['social_services', 'helsinki', 6],
  ['social_services', 'vantaa_kerava', 4],
  ['primary_health_care', 'pirkanmaa', 4],
  ['primary_health_care', 'kanta_hame', 4],
  ['social_services', 'pirkanmaa', 6],
  ['primary_health_care', 'lappi', 3],
  ['social_services', 'kainuu', 3],
  ['social_services', 'varsinais_suomi', 2],
] as const

/** A respondent as posted: dimension values and which quiz items were answered correctly. */
export interface Posted {
  sector: string
  region: string
  area: string
  correct: boolean[]
  score: number
}

export async function levelsSetup() {
  const ctx = await createTestContext()
  await addSurvey(ctx.db, SLUG, definitionWithAreas())
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const researcher = signedInClient(ctx.app, await signIn(ctx.app, 'rasmus', PASSWORD))
  /** Everyone in CELLS, each quiz item right with a cell's own probability. */
  const answerCells = async () => {
    const random = seeded(22)
    const posted: Posted[] = []
    for (const [c, [sector, region, count]] of CELLS.entries()) {
      const ability = 0.3 + (c % 4) * 0.2
      for (let i = 0; i < count; i++) {
        const wrong = QUIZ_ITEMS.filter(() => random() > ability)
        const answers = answersWith(wrong, { sector, region, confidence_identify: 1 + (i % 5) })
        const res = await postJson(ctx.app, `/api/surveys/${SLUG}/responses`, { answers })
        if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`)
        const correct = QUIZ_ITEMS.map((item) => !wrong.includes(item))
        const score = correct.filter(Boolean).length
        posted.push({ sector, region, area: areaOf.get(region)!, correct, score })
      }
    }
    return posted
  }
  return { ...ctx, admin, researcher, answerCells }
}
