import { expect } from 'vitest'
import { createTestContext, createUser, postJson, signedInClient, signIn } from './helpers.js'

// A questionnaire whose regions are grouped into collaborative areas (issue 22), and helpers to
// answer it through the API.

export const PASSWORD = 'correct horse battery staple'
export const base = '/api/admin/surveys/areas'

export const AREAS = {
  south: ['helsinki', 'vantaa_kerava'],
  west: ['pirkanmaa', 'varsinais_suomi'],
  north: ['lappi', 'pohjois_pohjanmaa'],
}

const text = (en: string, fi: string, sv: string) => ({ default: en, fi, sv })

export const areaLevel = (groups: Record<string, string[]> = AREAS, name = 'area') => ({
  name,
  of: 'region',
  title: text('Collaborative area', 'Yhteistyöalue', 'Samarbetsområde'),
  groups: Object.entries(groups).map(([value, members]) => ({
    value,
    text: {
      south: text('Southern Finland', 'Etelä-Suomi', 'Södra Finland'),
      west: text('Western Finland', 'Länsi-Suomi', 'Västra Finland'),
      north: text('Northern Finland', 'Pohjois-Suomi', 'Norra Finland'),
    }[value] ?? value,
    members,
  })),
})

export const areasSurvey = (levels: unknown[] | undefined = [areaLevel()]) => ({
  title: 'Areas',
  elements: [
    { type: 'dropdown', name: 'sector', isRequired: true, choices: ['hospital', 'primary'] },
    {
      type: 'dropdown',
      name: 'region',
      choices: [
        { value: 'helsinki', text: text('Helsinki', 'Helsinki', 'Helsingfors') },
        { value: 'vantaa_kerava', text: 'Vantaa and Kerava' },
        'pirkanmaa',
        'varsinais_suomi',
        'lappi',
        'pohjois_pohjanmaa',
      ],
    },
    {
      type: 'radiogroup',
      name: 'knowledge_border',
      isRequired: true,
      choices: ['true', 'false', 'dont_know'],
      correctAnswer: 'false',
    },
    { type: 'rating', name: 'confidence', rateMin: 1, rateMax: 5 },
  ],
  ...(levels ? { levels } : {}),
})

export interface Answered {
  sector: string
  region: string
  knowledge_border: string
  confidence: number
  batch: number
}

export async function levelsSetup(definition: Record<string, unknown> = areasSurvey()) {
  const ctx = await createTestContext({ loadBundled: false })
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  const admin = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  expect((await admin.post('/api/admin/surveys', { slug: 'areas', definition })).status).toBe(201)
  expect((await admin.post(`${base}/publish`)).status).toBe(200)
  const answered: Answered[] = []
  let batch = 1
  /** `count` responses; region '' leaves the optional region unanswered. */
  const answer = async (count: number, sector: string, region: string, i0 = 0) => {
    for (let i = 0; i < count; i++) {
      const knowledge = ['true', 'false', 'dont_know'][(i + i0) % 3]
      const confidence = 1 + ((i * 2 + i0) % 5)
      const answers = {
        sector,
        ...(region ? { region } : {}),
        knowledge_border: knowledge,
        confidence,
      }
      const res = await postJson(ctx.app, '/api/surveys/areas/responses', { answers })
      expect(res.status).toBe(201)
      answered.push({ sector, region, knowledge_border: knowledge, confidence, batch })
    }
  }
  const release = async () => {
    const res = await admin.post(`${base}/releases`)
    expect(res.status, await res.clone().text()).toBe(201)
    batch++
    return ((await res.json()) as { release: number }).release
  }
  const aggregates = async (query: string) => {
    const res = await admin.get(`${base}/aggregates?${query}`)
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as AggregatesBody
  }
  return { ...ctx, admin, answer, answered, release, aggregates }
}

export type GroupBody = {
  key: Record<string, string>
  suppressed: boolean
  n?: number
  knowledgeScore?: number | null
  questions?: Record<string, { counts: Record<string, number>; mean?: number; shareCorrect?: number }>
}
export type AggregatesBody = {
  release: number | null
  by: string[]
  total: { n?: number; suppressed?: true }
  groups: GroupBody[]
}

export const areaOf = (region: string) =>
  region === '' ? '' : Object.entries(AREAS).find(([, members]) => members.includes(region))![0]

/** A mixed batch: areas of shown and of small regions, and unanswered regions. */
export async function answerFirstBatch(answer: (n: number, s: string, r: string, i0?: number) => Promise<void>) {
  await answer(7, 'hospital', 'helsinki')
  await answer(2, 'hospital', 'vantaa_kerava', 1)
  await answer(6, 'primary', 'helsinki', 2)
  await answer(8, 'primary', 'pirkanmaa', 1)
  await answer(6, 'hospital', 'pirkanmaa')
  await answer(3, 'primary', 'varsinais_suomi', 2)
  await answer(9, 'primary', 'lappi')
  await answer(1, 'hospital', 'pohjois_pohjanmaa', 1)
  await answer(6, 'hospital', 'lappi', 2)
  await answer(5, 'hospital', '')
  await answer(2, 'primary', '', 1)
}
