import { allCorrectBundledAnswers } from '../fixtures.js'

const REGIONS = ['pohjois_karjala', 'keski_uusimaa', 'pirkanmaa', 'lappi']
const LOCALES = ['fi', 'sv', 'en']

/** Valid submissions to the bundled survey that differ a little from one another. */
export function validSubmission(n: number) {
  return {
    answers: {
      ...allCorrectBundledAnswers,
      region: REGIONS[n % REGIONS.length],
      confidence_identify: (n % 5) + 1,
      comment: n % 2 === 0 ? 'Tarvitsemme koulutusta.' : 'Vi behöver utbildning om hänvisning.',
    },
    locale: LOCALES[n % LOCALES.length],
  }
}
