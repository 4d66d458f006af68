import { REPORT_LOCALES, type ReportLocale } from './contract.js'

// The page chrome of the public pages in the readers' languages. Questionnaire texts (titles,
// choices) come from the questionnaire itself.

const fi = {
  langName: 'Suomi',
  platform: 'Anonyymi kysely sosiaali- ja terveysalan ammattilaisille',
  intro:
    'Tällä alustalla sosiaali- ja terveysalan ammattilaiset vastaavat nimettömästi kyselyihin, esimerkiksi ihmiskaupasta. Vastauksia ei voi yhdistää vastaajaan: mitään tunnistetietoa ei tallenneta, eikä tuloksissa näytetä pieniä ryhmiä.',
  openSurveys: 'Avoimet kyselyt',
  answer: 'Vastaa kyselyyn',
  reports: 'Julkaistut raportit',
  noReports: 'Raportteja ei ole vielä julkaistu.',
  signIn: 'Tutkijoiden ja ylläpitäjien kirjautuminen',
  language: 'Kieli',
  reportOf: 'Raportti',
  answered: (n: string, month: string) => `${n} vastaajaa, vastaukset ${month} mennessä.`,
  interim: 'Väliraportti: kysely on vielä auki.',
  final: 'Loppuraportti: kysely on päättynyt.',
  contents: 'Sisältö',
  whoAnswered: 'Ketkä vastasivat',
  tableCaption: (rows: string, cols: string) =>
    `Vastaajat: ${rows.toLowerCase()} ja ${cols.toLowerCase()}`,
  tableCaption1: (rows: string) => `Vastaajat: ${rows.toLowerCase()}`,
  respondents: 'Vastaajia',
  total: 'Yhteensä',
  dimensions: { sector: 'Sektori', region: 'Alue', profession: 'Ammatti' } as Record<
    string,
    string
  >,
  hidden: 'piilotettu',
  allHidden: 'Kaikki ryhmät ovat niin pieniä, että ne on piilotettu.',
  emptyLeftOut: (tables: number) =>
    `Ryhmät, joiden kaikki luvut on piilotettu, on jätetty pois ${tables > 1 ? 'taulukoista' : 'taulukosta'}.`,
  hiddenNote: (k: number) =>
    `”piilotettu”: alle ${k} vastaajan ryhmä tai ryhmä, josta pienen ryhmän voisi päätellä. Luku on jätetty pois, jotta ketään ei voi tunnistaa.`,
  answers: 'Vastaukset',
  chartOf: (n: string) => `${n} vastaajaa.`,
  multipleNote: 'Vastaaja saattoi valita useita vaihtoehtoja; osuudet ovat kaikista vastaajista.',
  mean: 'Keskiarvo',
  median: 'mediaani',
  knowledge: 'Tietämys',
  score: (mean: string, max: string) => `Oikeita vastauksia keskimäärin ${mean}/${max}.`,
  shareCorrect: 'Oikein vastanneiden osuus',
  howToRead: 'Näin luet raporttia',
  howToReadText: (k: number) => [
    `Kysely on anonyymi. Jotta ketään ei voisi tunnistaa, raportissa ei näytetä yhtään alle ${k} vastaajan ryhmää. Myös ryhmä, josta pienen ryhmän koon voisi laskea muista luvuista, piilotetaan.`,
    'Piilotettu ryhmä ei tarkoita, ettei siinä olisi vastaajia: luku on vain jätetty pois. Siksi taulukon lukujen summa voi olla pienempi kuin vastaajien kokonaismäärä.',
    'Avoimia tekstivastauksia ei julkaista koskaan.',
  ],
  download: 'Lataa raportti HTML-tiedostona',
  print: 'Tulosta tai tallenna PDF:nä selaimen tulostustoiminnolla.',
  notFound: 'Raporttia ei löydy. Se on ehkä poistettu.',
  home: 'Etusivu',
  of: 'ja',
}

type Texts = typeof fi

const sv: Texts = {
  langName: 'Svenska',
  platform: 'Anonym enkät för yrkesverksamma inom social- och hälsovården',
  intro:
    'På den här plattformen svarar yrkesverksamma inom social- och hälsovården anonymt på enkäter, till exempel om människohandel. Svaren kan inte kopplas till den som svarat: inga identifierande uppgifter sparas och inga små grupper visas i resultaten.',
  openSurveys: 'Öppna enkäter',
  answer: 'Svara på enkäten',
  reports: 'Publicerade rapporter',
  noReports: 'Inga rapporter har publicerats ännu.',
  signIn: 'Inloggning för forskare och administratörer',
  language: 'Språk',
  reportOf: 'Rapport',
  answered: (n, month) => `${n} personer svarade, svar till och med ${month}.`,
  interim: 'Delrapport: enkäten är fortfarande öppen.',
  final: 'Slutrapport: enkäten är avslutad.',
  contents: 'Innehåll',
  whoAnswered: 'Vilka svarade',
  tableCaption: (rows, cols) => `Svarande efter ${rows.toLowerCase()} och ${cols.toLowerCase()}`,
  tableCaption1: (rows) => `Svarande efter ${rows.toLowerCase()}`,
  respondents: 'Svarande',
  total: 'Totalt',
  dimensions: { sector: 'Sektor', region: 'Område', profession: 'Yrke' },
  hidden: 'dold',
  allHidden: 'Alla grupper är så små att de är dolda.',
  emptyLeftOut: (tables) =>
    `Grupper där alla tal är dolda har utelämnats ur ${tables > 1 ? 'tabellerna' : 'tabellen'}.`,
  hiddenNote: (k) =>
    `”dold”: en grupp med färre än ${k} svarande, eller en grupp som skulle avslöja en sådan. Talet har utelämnats så att ingen kan identifieras.`,
  answers: 'Svaren',
  chartOf: (n) => `${n} svarande.`,
  multipleNote: 'Man kunde välja flera alternativ; andelarna är av alla svarande.',
  mean: 'Medelvärde',
  median: 'median',
  knowledge: 'Kunskap',
  score: (mean, max) => `I genomsnitt ${mean} av ${max} rätta svar.`,
  shareCorrect: 'Andel som svarade rätt',
  howToRead: 'Så läser du rapporten',
  howToReadText: (k) => [
    `Enkäten är anonym. För att ingen ska kunna identifieras visar rapporten ingen grupp med färre än ${k} svarande. Också en grupp vars storlek skulle gå att räkna ut från andra tal döljs.`,
    'En dold grupp betyder inte att ingen svarade: talet är bara utelämnat. Därför kan summan av tabellens tal vara mindre än det totala antalet svarande.',
    'Fritextsvar publiceras aldrig.',
  ],
  download: 'Ladda ner rapporten som HTML-fil',
  print: 'Skriv ut eller spara som PDF med webbläsarens utskriftsfunktion.',
  notFound: 'Rapporten finns inte. Den kan ha dragits tillbaka.',
  home: 'Startsida',
  of: 'och',
}

const en: Texts = {
  langName: 'English',
  platform: 'Anonymous survey for health and social care professionals',
  intro:
    'On this platform health and social care professionals answer surveys anonymously, for example about human trafficking. Answers cannot be traced to the person who gave them: nothing identifying is stored, and results never show a small group.',
  openSurveys: 'Open surveys',
  answer: 'Answer the survey',
  reports: 'Published reports',
  noReports: 'No reports have been published yet.',
  signIn: 'Sign in for researchers and admins',
  language: 'Language',
  reportOf: 'Report',
  answered: (n, month) => `${n} people answered, by ${month}.`,
  interim: 'Interim report: the survey is still open.',
  final: 'Final report: the survey has closed.',
  contents: 'Contents',
  whoAnswered: 'Who answered',
  tableCaption: (rows, cols) => `Respondents by ${rows.toLowerCase()} and ${cols.toLowerCase()}`,
  tableCaption1: (rows) => `Respondents by ${rows.toLowerCase()}`,
  respondents: 'Respondents',
  total: 'Total',
  dimensions: { sector: 'Sector', region: 'Region', profession: 'Profession' },
  hidden: 'hidden',
  allHidden: 'Every group is small enough to be hidden.',
  emptyLeftOut: (tables) =>
    `Groups whose every figure is hidden are left out of the ${tables > 1 ? 'tables' : 'table'}.`,
  hiddenNote: (k) =>
    `"hidden": a group of fewer than ${k} people, or one that would give such a group away. The number is left out so that nobody can be recognised.`,
  answers: 'The answers',
  chartOf: (n) => `${n} respondents.`,
  multipleNote: 'Several answers could be chosen; shares are of all respondents.',
  mean: 'Mean',
  median: 'median',
  knowledge: 'Knowledge',
  score: (mean, max) => `On average ${mean} of ${max} answers correct.`,
  shareCorrect: 'Share who answered correctly',
  howToRead: 'How to read this report',
  howToReadText: (k) => [
    `The survey is anonymous. So that nobody can be recognised, this report shows no group of fewer than ${k} people. A group whose size could be worked out from other figures is hidden too.`,
    'A hidden group does not mean that nobody in it answered: the number is just left out. That is why the numbers in the table can add up to less than the total number of respondents.',
    'Free-text answers are never published.',
  ],
  download: 'Download the report as an HTML file',
  print: "Print it or save it as a PDF with your browser's print command.",
  notFound: 'There is no report here. It may have been withdrawn.',
  home: 'Home',
  of: 'and',
}

export const chrome: Record<ReportLocale, Texts> = { fi, sv, en }
export type Chrome = Texts

const isLocale = (value: string | undefined): value is ReportLocale =>
  (REPORT_LOCALES as readonly string[]).includes(value ?? '')

/** `?lang=` if it is one of ours, else the first of ours in Accept-Language, else English. */
export function readerLocale(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): ReportLocale {
  if (isLocale(lang)) return lang
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { base: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1 }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q)
  return wanted.map((entry) => entry.base).find(isLocale) ?? 'en'
}

const intlLocale: Record<ReportLocale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }

export const formatNumber = (locale: ReportLocale, value: number, digits = 0) =>
  new Intl.NumberFormat(intlLocale[locale], {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value)

/** A release day as month and year: reports never say more precisely when people answered. */
export const formatMonth = (locale: ReportLocale, day: string) =>
  new Intl.DateTimeFormat(intlLocale[locale], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 7)}-01T00:00:00Z`))

export const formatPercent = (locale: ReportLocale, share: number) =>
  new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  )
