import { useI18n } from '../i18n'

/** The public report panel's texts in fi, sv and en. */
const en = {
  title: 'Public report',
  noRelease: 'A report is made from a release; there is none yet.',
  published: 'Release {release} is published:',
  publishedNote: '(anyone with the link can read it; it is listed on the {frontPage}).',
  frontPage: 'front page',
  notPublished: 'Release {release} is not published as a public report.',
  change: 'Change title and summary',
  publishAs: 'Publish release {release} as a report',
  formHint:
    "The report shows only this release's published figures (hidden groups stay hidden, free text never appears). Empty fields use the questionnaire's title.",
  languages: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
  titleLabel: 'Title',
  summaryLabel: 'Summary',
  save: 'Save',
  publish: 'Publish',
  updated: 'Report updated.',
  publishedDone: 'Report published.',
  withdraw: 'Withdraw report',
  withdrawTitle: 'Withdraw this report?',
  withdrawBody:
    'Its link stops working at once, for everyone it was shared with. Publishing the release again makes a new link.',
  withdrawn: 'Report withdrawn: its link now answers "not found".',
  listed: 'The front page lists this survey while it is open.',
  unlisted: 'No longer listed on the front page.',
  listing:
    'List this survey on the public front page while it is open (off: only people you send the link to find it)',
}

export type ReportTexts = typeof en

const fi: ReportTexts = {
  title: 'Julkinen raportti',
  noRelease: 'Raportti tehdään tulosjulkistuksesta, eikä sellaista ole vielä.',
  published: 'Tulosjulkistus {release} on julkaistu raporttina:',
  publishedNote: '(kuka tahansa, jolla on linkki, voi lukea sen; se näkyy {frontPage}).',
  frontPage: 'etusivulla',
  notPublished: 'Tulosjulkistusta {release} ei ole julkaistu julkisena raporttina.',
  change: 'Muuta otsikkoa ja tiivistelmää',
  publishAs: 'Julkaise tulosjulkistus {release} raporttina',
  formHint:
    'Raportissa näkyvät vain tämän tulosjulkistuksen julkaistut luvut (piilotetut ryhmät pysyvät piilossa, eikä avoimia tekstivastauksia näytetä koskaan). Tyhjän kentän tilalla käytetään kyselylomakkeen otsikkoa.',
  languages: { fi: 'Suomi', sv: 'Ruotsi', en: 'Englanti' },
  titleLabel: 'Otsikko',
  summaryLabel: 'Tiivistelmä',
  save: 'Tallenna',
  publish: 'Julkaise',
  updated: 'Raportti päivitetty.',
  publishedDone: 'Raportti julkaistu.',
  withdraw: 'Poista raportti julkaisusta',
  withdrawTitle: 'Poistetaanko raportti julkaisusta?',
  withdrawBody:
    'Sen linkki lakkaa toimimasta heti kaikilta, joille se on jaettu. Jos julkaiset tulosjulkistuksen uudelleen, syntyy uusi linkki.',
  withdrawn: 'Raportti poistettu julkaisusta: sen linkki näyttää nyt ”ei löytynyt” -sivun.',
  listed: 'Kysely näkyy nyt etusivulla niin kauan kuin se on avoinna.',
  unlisted: 'Kysely ei enää näy etusivulla.',
  listing:
    'Näytä tämä kysely julkisella etusivulla, kun se on avoinna (pois päältä: kyselyn löytävät vain ne, joille lähetät linkin)',
}

const sv: ReportTexts = {
  title: 'Offentlig rapport',
  noRelease: 'En rapport görs av en resultatutgåva, och det finns ingen ännu.',
  published: 'Utgåva {release} är publicerad som rapport:',
  publishedNote: '(alla som har länken kan läsa den; den visas på {frontPage}).',
  frontPage: 'startsidan',
  notPublished: 'Utgåva {release} är inte publicerad som offentlig rapport.',
  change: 'Ändra rubrik och sammanfattning',
  publishAs: 'Publicera utgåva {release} som rapport',
  formHint:
    'Rapporten visar endast den här utgåvans publicerade siffror (dolda grupper förblir dolda och fritextsvar visas aldrig). Tomma fält ersätts med frågeformulärets rubrik.',
  languages: { fi: 'Finska', sv: 'Svenska', en: 'Engelska' },
  titleLabel: 'Rubrik',
  summaryLabel: 'Sammanfattning',
  save: 'Spara',
  publish: 'Publicera',
  updated: 'Rapporten har uppdaterats.',
  publishedDone: 'Rapporten har publicerats.',
  withdraw: 'Dra tillbaka rapporten',
  withdrawTitle: 'Dra tillbaka rapporten?',
  withdrawBody:
    'Länken slutar fungera genast för alla som den har delats med. Om du publicerar utgåvan igen skapas en ny länk.',
  withdrawn: 'Rapporten har dragits tillbaka: länken ger nu ”hittades inte”.',
  listed: 'Startsidan visar nu den här enkäten så länge den är öppen.',
  unlisted: 'Enkäten visas inte längre på startsidan.',
  listing:
    'Visa den här enkäten på den offentliga startsidan medan den är öppen (av: endast de som du skickar länken till hittar den)',
}

const TEXTS = { en, fi, sv }

export const useReportTexts = () => TEXTS[useI18n().locale]
