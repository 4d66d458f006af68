/**
 * Words the results labels need when the definition has none in the page's language: yes/no of a
 * boolean without its own labels, and the names of the usual dimensions (their questions' titles
 * are whole sentences). Region here is what the bundled survey asks: the wellbeing services county.
 */
interface LabelWords {
  yes: string
  no: string
  dimensions: Record<string, string>
}

const WORDS: Record<string, LabelWords> = {
  en: { yes: 'Yes', no: 'No', dimensions: {} },
  fi: {
    yes: 'Kyllä',
    no: 'Ei',
    dimensions: { sector: 'Sektori', region: 'Hyvinvointialue', profession: 'Ammatti' },
  },
  sv: {
    yes: 'Ja',
    no: 'Nej',
    dimensions: { sector: 'Sektor', region: 'Välfärdsområde', profession: 'Yrke' },
  },
}

export const labelWords = (locale: string): LabelWords => WORDS[locale] ?? WORDS.en
