import { useI18n } from '../i18n'

/** The XLSForm section's texts in fi, sv and en. The server's problem messages stay English. */
const en = {
  title: 'Spreadsheet (XLSForm)',
  download: 'Download as XLSForm',
  importLabel: 'Import XLSForm (.xlsx)',
  importing: 'Importing…',
  imported: 'Imported {file} as version {version} ({status}).',
  failed: 'The import failed ({status}).',
  pleaseCheck: 'Please check:',
  sheet: 'sheet {sheet}',
  row: 'row {row}',
  column: 'column {column}',
}

export type XlsFormTexts = typeof en

const fi: XlsFormTexts = {
  title: 'Taulukko (XLSForm)',
  download: 'Lataa XLSForm-tiedostona',
  importLabel: 'Tuo XLSForm-tiedosto (.xlsx)',
  importing: 'Tuodaan…',
  imported: 'Tiedosto {file} tuotiin versioksi {version} ({status}).',
  failed: 'Tuonti epäonnistui ({status}).',
  pleaseCheck: 'Tarkista nämä:',
  sheet: 'välilehti {sheet}',
  row: 'rivi {row}',
  column: 'sarake {column}',
}

const sv: XlsFormTexts = {
  title: 'Kalkylblad (XLSForm)',
  download: 'Ladda ned som XLSForm',
  importLabel: 'Importera XLSForm (.xlsx)',
  importing: 'Importerar…',
  imported: '{file} importerades som version {version} ({status}).',
  failed: 'Importen misslyckades ({status}).',
  pleaseCheck: 'Kontrollera följande:',
  sheet: 'blad {sheet}',
  row: 'rad {row}',
  column: 'kolumn {column}',
}

const TEXTS = { en, fi, sv }

export function useXlsFormTexts() {
  const { locale, t } = useI18n()
  return { x: TEXTS[locale], t }
}
