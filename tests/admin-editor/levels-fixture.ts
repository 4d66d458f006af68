import type { Json } from '../../client/admin/editor/model/texts'
import { miniSurvey } from '../fixtures'

// The mini survey's sectors grouped in two: the editor has no view of levels, but keeps them.
export const LEVELS = [
  {
    name: 'kind',
    of: 'sector',
    title: { default: 'Kind', fi: 'Laji', sv: 'Typ' },
    groups: [
      { value: 'care', text: { default: 'Care' }, members: ['hospital', 'primary_care'] },
      { value: 'rest', text: 'Other', members: ['other'] },
    ],
  },
]
export const start = (): Json => ({
  ...structuredClone(miniSurvey),
  levels: structuredClone(LEVELS),
})
