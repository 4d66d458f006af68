import { miniSurvey } from '../fixtures.js'
import { requestFor, type Call } from '../endpoints/request.js'
import type { Endpoint } from '../endpoints/routes.js'
import { setAt } from './body-edits.js'
import type { MalformedClass } from './classes.js'

// Definitions through which typed text could group or break results (issue 14, findings 1, 7).
const takesDefinition = (e: Endpoint) => e.spec.body?.definition !== undefined
const isPutDefinition = (e: Endpoint) => e.method === 'PUT' && e.path === '/api/admin/surveys/:slug'

/** The valid call with its definition replaced. */
const withDefinition = (e: Endpoint, call: Call, definition: unknown) => {
  const body = JSON.stringify(setAt(call.body, e.spec.body!.definition!, definition))
  return [{ ...requestFor(e.method, e.path, call), body }]
}

const dimensionClass = (name: string, sector: Record<string, unknown>): MalformedClass => ({
  name,
  appliesTo: takesDefinition,
  build: (e, call) =>
    withDefinition(e, call, {
      elements: [{ type: 'dropdown', name: 'sector', choices: ['a', 'b'], ...sector }],
    }),
})

export const FREE_TEXT_CLASSES: MalformedClass[] = [
  dimensionClass('definition with a custom-choice dimension', { allowCustomChoices: true }),
  dimensionClass('definition with an other-as-value dimension', {
    showOtherItem: true,
    storeOthersAsComment: false,
  }),
  dimensionClass('definition with a dimension loaded by choicesByUrl', {
    choicesByUrl: { url: 'https://example.org/choices' },
  }),
  {
    name: 'new version of an open survey with other dimensions',
    appliesTo: isPutDefinition,
    build: async (e, call, world) => {
      const open = { ...call, params: { ...call.params, slug: await world.addMini('open') } }
      return withDefinition(e, open, { ...miniSurvey, dimensions: ['sector', 'knowledge_border'] })
    },
  },
]
