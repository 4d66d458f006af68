// A questionnaire with every way a respondent can type a value into a choice question, and an
// answer set that types the same secret into each (issue 14, finding 1).
export const SECRET = 'Virtanen ward 5'
const otherAsValue = { showOtherItem: true, storeOthersAsComment: false }

export const freeTextProbe = {
  title: 'Free text probe',
  elements: [
    { type: 'dropdown', name: 'sector', isRequired: true, choices: ['hospital', 'primary_care'] },
    { type: 'tagbox', name: 'custom', choices: ['listed'], allowCustomChoices: true },
    { type: 'dropdown', name: 'custom_one', choices: ['listed'], allowCustomChoices: true },
    { type: 'radiogroup', name: 'other_one', choices: ['a'], ...otherAsValue },
    { type: 'checkbox', name: 'other_many', choices: ['a'], ...otherAsValue },
    { type: 'dropdown', name: 'by_url', choicesByUrl: { url: 'https://example.org/choices' } },
    { type: 'multipletext', name: 'mt', items: [{ name: 'city' }] },
    {
      type: 'matrixdropdown',
      name: 'm',
      rows: ['r1'],
      columns: [{ name: 'c', cellType: 'tagbox', choices: ['x'], allowCustomChoices: true }],
    },
  ],
}

export const typed = {
  sector: 'hospital',
  custom: ['listed', SECRET],
  custom_one: SECRET,
  other_one: SECRET,
  other_many: ['a', SECRET],
  by_url: SECRET,
  mt: { city: SECRET },
  m: { r1: { c: ['x', SECRET] } },
}
