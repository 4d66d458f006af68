import { useI18n } from '../i18n'
import { knowledgeEn, knowledgeFi, knowledgeSv } from './knowledgeTexts'
import { pageEn, pageFi, pageSv } from './pageTexts'

/** The results page's own texts (the parts that choose and read tables), in fi, sv and en. */
const en = {
  rows: 'Rows',
  columns: 'Columns',
  noColumns: 'none',
  tableBy: 'Table by',
  hiddenCells: '{hidden} of {cells} cells hidden ({share} %)',
  noneHidden: 'No cell is hidden.',
  groupSize: 'n = {n}',
  optionsTitle: 'Answer options by group',
  question: 'Question',
  option: 'Option',
  answerKey: 'Answer key',
  correct: 'correct',
  decoy: 'decoy',
  all: 'All',
  sortBy: 'Sort by {column}',
  optionsCaption:
    'Respondents choosing each option: count and percent of the group (n). Click a column heading to sort. Quiz options are marked correct or decoy.',
  notAnswered: 'not answered',
  respondents: 'Respondents',
  preview: 'Preview the CSV',
  previewAgain: 'Read the CSV again',
  previewLoading: 'Reading the CSV…',
  previewFailed: 'The CSV could not be read. Try again.',
  previewTables: 'The file has {rows} rows, from these tables:',
  previewRows: '{rows} rows',
  previewTitle: 'CSV preview',
  previewCaption: 'The first {shown} rows of the CSV, as the download has them.',
  noStatistics: 'shown with its size only, to protect a small group',
}

export type ResultTexts = typeof en

const fi: ResultTexts = {
  rows: 'Rivit',
  columns: 'Sarakkeet',
  noColumns: 'ei mitään',
  tableBy: 'Taulukko',
  hiddenCells: '{hidden}/{cells} solua piilotettu ({share} %)',
  noneHidden: 'Yhtään solua ei ole piilotettu.',
  groupSize: 'n = {n}',
  optionsTitle: 'Vastausvaihtoehdot ryhmittäin',
  question: 'Kysymys',
  option: 'Vaihtoehto',
  answerKey: 'Oikea vastaus',
  correct: 'oikea',
  decoy: 'harhautus',
  all: 'Kaikki',
  sortBy: 'Järjestä: {column}',
  optionsCaption:
    'Kunkin vaihtoehdon valinneet: lukumäärä ja prosentti ryhmästä (n). Järjestä napsauttamalla sarakkeen otsikkoa. Tietokysymysten vaihtoehdot on merkitty oikeiksi tai harhautuksiksi.',
  notAnswered: 'ei vastausta',
  respondents: 'Vastaajia',
  preview: 'Esikatsele CSV-tiedostoa',
  previewAgain: 'Lue CSV uudelleen',
  previewLoading: 'Luetaan CSV-tiedostoa…',
  previewFailed: 'CSV-tiedostoa ei voitu lukea. Yritä uudelleen.',
  previewTables: 'Tiedostossa on {rows} riviä näistä taulukoista:',
  previewRows: '{rows} riviä',
  previewTitle: 'CSV-esikatselu',
  previewCaption: 'CSV-tiedoston {shown} ensimmäistä riviä, kuten ladattavassa tiedostossa.',
  noStatistics: 'vain ryhmän koko näytetään pienen ryhmän suojaamiseksi',
}

const sv: ResultTexts = {
  rows: 'Rader',
  columns: 'Kolumner',
  noColumns: 'inga',
  tableBy: 'Tabell',
  hiddenCells: '{hidden} av {cells} celler dolda ({share} %)',
  noneHidden: 'Ingen cell är dold.',
  groupSize: 'n = {n}',
  optionsTitle: 'Svarsalternativ per grupp',
  question: 'Fråga',
  option: 'Alternativ',
  answerKey: 'Rätt svar',
  correct: 'rätt',
  decoy: 'vilseledande',
  all: 'Alla',
  sortBy: 'Sortera efter {column}',
  optionsCaption:
    'Svarande som valt varje alternativ: antal och procent av gruppen (n). Klicka på en kolumnrubrik för att sortera. Kunskapsfrågornas alternativ är märkta rätt eller vilseledande.',
  notAnswered: 'inget svar',
  respondents: 'Svarande',
  preview: 'Förhandsgranska CSV-filen',
  previewAgain: 'Läs CSV-filen igen',
  previewLoading: 'Läser CSV-filen…',
  previewFailed: 'CSV-filen kunde inte läsas. Försök igen.',
  previewTables: 'Filen har {rows} rader, från dessa tabeller:',
  previewRows: '{rows} rader',
  previewTitle: 'Förhandsgranskning av CSV',
  previewCaption: 'De {shown} första raderna i CSV-filen, som i nedladdningen.',
  noStatistics: 'endast gruppens storlek visas, för att skydda en liten grupp',
}

// One object per language for the components; the groups live in their own files to stay small.
export const RESULT_TEXTS = {
  en: { ...en, ...pageEn, ...knowledgeEn },
  fi: { ...fi, ...pageFi, ...knowledgeFi },
  sv: { ...sv, ...pageSv, ...knowledgeSv },
}

export function useResultTexts() {
  const { locale } = useI18n()
  return { locale, r: RESULT_TEXTS[locale] }
}

/** Percent with one decimal in the locale's notation (decimal comma in fi and sv). */
export const formatPercent = (share: number, locale: string) =>
  `${(share * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`
