export const LOCALES = ['fi', 'sv', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** Each language names itself, so a respondent finds their own whatever is selected. */
export const LANGUAGE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/**
 * `?lang=sv` in the link wins (an invitation sent in Swedish can open in Swedish); otherwise the
 * browser's preferred languages in order; English when none of them is Finnish or Swedish.
 */
export function initialLocale(search: string, preferred: readonly string[]): Locale {
  const fromLink = new URLSearchParams(search).get('lang')
  if (isLocale(fromLink)) return fromLink
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isLocale(primary)) return primary
  }
  return 'en'
}

/** A SurveyJS localizable value: a plain string or `{ default, fi, sv, ... }`. */
export function localized(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return ''
  const texts = value as Record<string, unknown>
  const text = texts[locale] ?? texts.default ?? texts.en
  return typeof text === 'string' ? text : ''
}

export interface Strings {
  languageGroup: string
  loading: string
  start: string
  privacyTitle: string
  privacyIntro: string
  privacyStored: string
  privacyNotStored: string
  privacyUntraceable: string
  notOpenTitle: string
  notOpenBody: string
  loadFailedTitle: string
  loadFailedBody: string
  retry: string
  sending: string
  sendOffline: string
  sendInvalid: string
  answerRejected: string
  sendClosed: string
  sendTooLarge: string
  sendRateLimited: string
  sendFailed: string
  sendRetrying: string
  sendRetryingOffline: string
  thanksTitle: string
  thanksBody: string
  codeIntro: string
  codeLabel: string
  codeHint: string
  codeContinue: string
  codeChecking: string
  codeMissing: string
  codeInvalid: string
  codeUsed: string
  codeCheckFailed: string
  codePrivacy: string
  sendCodeUsed: string
  sendCodeInvalid: string
  sendWithCode: string
  /** "{page}" and "{total}" are filled in. */
  pageOf: string
  organiser: string
  contactTitle: string
  helplineTitle: string
  phone: string
  email: string
  website: string
  quizTitle: string
  /** "{correct}" and "{total}" are filled in. */
  quizScore: string
  quizNote: string
  right: string
  wrong: string
  yourAnswer: string
  noAnswer: string
  correctAnswer: string
  /** Per-option checklist lines: ticked or not, and whether that was right. */
  tickedRight: string
  tickedWrong: string
  missed: string
  untickedRight: string
}

/** Fills "{name}" placeholders of a string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}

export const STRINGS: Record<Locale, Strings> = {
  fi: {
    languageGroup: 'Kieli',
    loading: 'Ladataan…',
    start: 'Aloita kysely',
    privacyTitle: 'Tietosuoja',
    privacyIntro: 'Kysely on anonyymi.',
    privacyStored:
      'Tallennamme vain vastauksesi, valitsemasi kielen, kyselylomakkeen version ja päivämäärän (vain päivän).',
    privacyNotStored:
      'Emme tallenna nimeäsi, IP-osoitettasi, selaimesi tietoja emmekä tarkkaa kellonaikaa. Sivu ei käytä evästeitä.',
    privacyUntraceable:
      'Vastauksiasi ei voi yhdistää sinuun. Älä kirjoita nimiä tai muita tunnistettavia tietoja avoimiin vastauskenttiin.',
    notOpenTitle: 'Kysely ei ole avoinna',
    notOpenBody:
      'Kysely on ehkä päättynyt, tai linkki on virheellinen. Tarkista linkki tai ota yhteyttä kyselyn lähettäjään.',
    loadFailedTitle: 'Kyselyä ei voitu ladata',
    loadFailedBody: 'Tarkista verkkoyhteys ja yritä uudelleen.',
    retry: 'Yritä uudelleen',
    sending: 'Lähetetään vastauksia…',
    sendOffline:
      'Vastauksia ei saatu lähetettyä. Tarkista verkkoyhteys ja yritä uudelleen. Vastauksesi ovat yhä tallessa tällä sivulla.',
    sendInvalid:
      'Kaikkia vastauksia ei voitu hyväksyä. Tarkista merkityt kysymykset ja lähetä vastaukset uudelleen.',
    answerRejected: 'Tätä vastausta ei voitu hyväksyä. Tarkista vastaus.',
    sendClosed: 'Kysely on suljettu, eikä vastauksia voi enää lähettää.',
    sendTooLarge: 'Vastaukset ovat liian pitkiä. Lyhennä avoimia vastauksia ja yritä uudelleen.',
    sendRateLimited: 'Palvelu on juuri nyt ruuhkainen. Odota hetki ja yritä uudelleen.',
    sendFailed: 'Vastausten lähettäminen epäonnistui. Yritä hetken kuluttua uudelleen.',
    sendRetrying:
      'Palvelu on juuri nyt ruuhkainen, eikä vastauksia vielä saatu tallennettua. Vastauksesi ovat tallessa tällä sivulla, ja ne lähetetään uudelleen automaattisesti. Voit myös yrittää heti.',
    sendRetryingOffline:
      'Vastauksia ei saatu lähetettyä. Tarkista verkkoyhteys. Vastauksesi ovat tallessa tällä sivulla, ja ne lähetetään uudelleen automaattisesti. Voit myös yrittää heti.',
    thanksTitle: 'Kiitos vastauksistasi!',
    thanksBody: 'Vastauksesi on tallennettu. Voit nyt sulkea tämän sivun.',
    codeIntro: 'Kyselyyn vastataan kutsusta. Kirjoita kutsussa saamasi koodi.',
    codeLabel: 'Kutsukoodi',
    codeHint:
      'Esimerkiksi ABCD-EFGH-JKMN-PQRS. Isoilla ja pienillä kirjaimilla tai väliviivoilla ei ole väliä.',
    codeContinue: 'Jatka',
    codeChecking: 'Tarkistetaan koodia…',
    codeMissing: 'Kirjoita kutsukoodi.',
    codeInvalid: 'Koodi ei kelpaa tähän kyselyyn. Tarkista koodi ja yritä uudelleen.',
    codeUsed: 'Tämä koodi on jo käytetty. Kutakin koodia voi käyttää vain kerran.',
    codeCheckFailed: 'Koodia ei voitu tarkistaa. Tarkista verkkoyhteys ja yritä uudelleen.',
    codePrivacy:
      'Koodi osoittaa vain, että sinut on kutsuttu. Sitä ei tallenneta vastaustesi yhteyteen, joten vastauksiasi ei voi yhdistää sinuun.',
    sendCodeUsed:
      'Kutsukoodisi on jo käytetty. Kutakin koodia voi käyttää vain kerran. Jos sinulla on toinen koodi, voit lähettää vastaukset sillä.',
    sendCodeInvalid:
      'Vastausten lähettämiseen tarvitaan tähän kyselyyn kelpaava kutsukoodi. Kirjoita kutsussa saamasi koodi.',
    sendWithCode: 'Lähetä tällä koodilla',
    pageOf: 'Sivu {page}/{total}',
    organiser: 'Kyselyn tekijä',
    contactTitle: 'Yhteystiedot',
    helplineTitle: 'Jos epäilet ihmiskauppaa',
    phone: 'Puhelin',
    email: 'Sähköposti',
    website: 'Verkkosivu',
    quizTitle: 'Tietokysymysten oikeat vastaukset',
    quizScore: 'Vastasit oikein {correct}/{total}.',
    quizNote: 'Tämä luettelo lasketaan selaimessasi, eikä siitä tallenneta mitään.',
    right: 'Oikein',
    wrong: 'Väärin',
    yourAnswer: 'Vastauksesi',
    noAnswer: 'ei vastausta',
    correctAnswer: 'Oikea vastaus',
    tickedRight: 'valitsit – oikein',
    tickedWrong: 'valitsit – ei kuulu oikeisiin vastauksiin',
    missed: 'et valinnut – kuuluu oikeisiin vastauksiin',
    untickedRight: 'et valinnut – oikein',
  },
  sv: {
    languageGroup: 'Språk',
    loading: 'Laddar…',
    start: 'Starta enkäten',
    privacyTitle: 'Dataskydd',
    privacyIntro: 'Enkäten är anonym.',
    privacyStored:
      'Vi sparar endast dina svar, det språk du valt, frågeformulärets version och datumet (endast dagen).',
    privacyNotStored:
      'Vi sparar inte ditt namn, din IP-adress, uppgifter om din webbläsare eller den exakta tidpunkten. Sidan använder inga kakor (cookies).',
    privacyUntraceable:
      'Dina svar kan inte spåras tillbaka till dig. Skriv inte namn eller andra identifierande uppgifter i fritextfälten.',
    notOpenTitle: 'Enkäten är inte öppen',
    notOpenBody:
      'Enkäten kan ha avslutats, eller så är länken felaktig. Kontrollera länken eller kontakta den som skickade enkäten.',
    loadFailedTitle: 'Enkäten kunde inte laddas',
    loadFailedBody: 'Kontrollera nätverksanslutningen och försök igen.',
    retry: 'Försök igen',
    sending: 'Svaren skickas…',
    sendOffline:
      'Svaren kunde inte skickas. Kontrollera nätverksanslutningen och försök igen. Dina svar finns kvar på den här sidan.',
    sendInvalid:
      'Alla svar kunde inte godkännas. Kontrollera de markerade frågorna och skicka svaren igen.',
    answerRejected: 'Svaret kunde inte godkännas. Kontrollera svaret.',
    sendClosed: 'Enkäten har stängts och svar kan inte längre skickas.',
    sendTooLarge: 'Svaren är för långa. Förkorta fritextsvaren och försök igen.',
    sendRateLimited: 'Tjänsten är överbelastad just nu. Vänta en stund och försök igen.',
    sendFailed: 'Svaren kunde inte skickas. Försök igen om en stund.',
    sendRetrying:
      'Tjänsten är överbelastad just nu och svaren har inte sparats ännu. Dina svar finns kvar på den här sidan och skickas automatiskt på nytt. Du kan också försöka genast.',
    sendRetryingOffline:
      'Svaren kunde inte skickas. Kontrollera nätverksanslutningen. Dina svar finns kvar på den här sidan och skickas automatiskt på nytt. Du kan också försöka genast.',
    thanksTitle: 'Tack för dina svar!',
    thanksBody: 'Dina svar har sparats. Du kan nu stänga den här sidan.',
    codeIntro: 'Enkäten besvaras på inbjudan. Skriv in koden från din inbjudan.',
    codeLabel: 'Inbjudningskod',
    codeHint:
      'Till exempel ABCD-EFGH-JKMN-PQRS. Stora och små bokstäver eller bindestreck spelar ingen roll.',
    codeContinue: 'Fortsätt',
    codeChecking: 'Koden kontrolleras…',
    codeMissing: 'Skriv in din inbjudningskod.',
    codeInvalid: 'Koden gäller inte för den här enkäten. Kontrollera koden och försök igen.',
    codeUsed: 'Koden har redan använts. Varje kod kan användas en gång.',
    codeCheckFailed: 'Koden kunde inte kontrolleras. Kontrollera nätverksanslutningen och försök igen.',
    codePrivacy:
      'Koden visar bara att du har bjudits in. Den sparas inte med dina svar, så dina svar kan inte kopplas till dig.',
    sendCodeUsed:
      'Din inbjudningskod har redan använts. Varje kod kan användas en gång. Har du en annan kod kan du skicka svaren med den.',
    sendCodeInvalid:
      'För att skicka svaren behövs en inbjudningskod som gäller för den här enkäten. Skriv in koden från din inbjudan.',
    sendWithCode: 'Skicka med den här koden',
    pageOf: 'Sida {page}/{total}',
    organiser: 'Enkäten görs av',
    contactTitle: 'Kontaktuppgifter',
    helplineTitle: 'Om du misstänker människohandel',
    phone: 'Telefon',
    email: 'E-post',
    website: 'Webbplats',
    quizTitle: 'Rätt svar på kunskapsfrågorna',
    quizScore: 'Du svarade rätt på {correct} av {total}.',
    quizNote: 'Listan räknas fram i din webbläsare, och inget av den sparas.',
    right: 'Rätt',
    wrong: 'Fel',
    yourAnswer: 'Ditt svar',
    noAnswer: 'inget svar',
    correctAnswer: 'Rätt svar',
    tickedRight: 'du valde – rätt',
    tickedWrong: 'du valde – hör inte till de rätta svaren',
    missed: 'du valde inte – hör till de rätta svaren',
    untickedRight: 'du valde inte – rätt',
  },
  en: {
    languageGroup: 'Language',
    loading: 'Loading…',
    start: 'Start the survey',
    privacyTitle: 'Your privacy',
    privacyIntro: 'This survey is anonymous.',
    privacyStored:
      'We store only your answers, the language you chose, the questionnaire version and the date (day only).',
    privacyNotStored:
      'We do not store your name, IP address, browser details or the exact time. This page sets no cookies.',
    privacyUntraceable:
      'Your answers cannot be traced back to you. Please do not write names or other identifying details in the free-text fields.',
    notOpenTitle: 'This survey is not open',
    notOpenBody:
      'The survey may have closed, or the link may be wrong. Check the link or contact whoever sent you the survey.',
    loadFailedTitle: 'The survey could not be loaded',
    loadFailedBody: 'Check your network connection and try again.',
    retry: 'Try again',
    sending: 'Sending your answers…',
    sendOffline:
      'Your answers could not be sent. Check your network connection and try again. Your answers are still on this page.',
    sendInvalid:
      'Some answers could not be accepted. Please check the marked questions and send again.',
    answerRejected: 'This answer could not be accepted. Please check it.',
    sendClosed: 'This survey has closed and no more answers can be sent.',
    sendTooLarge: 'Your answers are too long. Please shorten the free-text answers and try again.',
    sendRateLimited: 'The service is busy right now. Please wait a moment and try again.',
    sendFailed: 'Sending your answers failed. Please try again in a moment.',
    sendRetrying:
      'The service is busy right now and your answers are not saved yet. They are safe on this page and will be sent again automatically. You can also try again now.',
    sendRetryingOffline:
      'Your answers could not be sent. Check your network connection. They are safe on this page and will be sent again automatically. You can also try again now.',
    thanksTitle: 'Thank you for your answers!',
    thanksBody: 'Your answers have been saved. You can now close this page.',
    codeIntro: 'This survey is by invitation. Enter the code from your invitation.',
    codeLabel: 'Invitation code',
    codeHint: 'For example ABCD-EFGH-JKMN-PQRS. Capitals and dashes do not matter.',
    codeContinue: 'Continue',
    codeChecking: 'Checking the code…',
    codeMissing: 'Enter your invitation code.',
    codeInvalid: 'This code is not valid for this survey. Check it and try again.',
    codeUsed: 'This code has already been used. Each code can be used once.',
    codeCheckFailed: 'The code could not be checked. Check your connection and try again.',
    codePrivacy:
      'The code only shows that you were invited. It is not stored with your answers, so your answers cannot be linked to you.',
    sendCodeUsed:
      'Your invitation code has already been used. Each code can be used once. If you have another code, you can send your answers with it.',
    sendCodeInvalid:
      'Sending the answers needs an invitation code that is valid for this survey. Enter the code from your invitation.',
    sendWithCode: 'Send with this code',
    pageOf: 'Page {page} of {total}',
    organiser: 'Survey by',
    contactTitle: 'Contact',
    helplineTitle: 'If you suspect human trafficking',
    phone: 'Phone',
    email: 'E-mail',
    website: 'Website',
    quizTitle: 'The correct answers to the knowledge questions',
    quizScore: 'You answered {correct} of {total} correctly.',
    quizNote: 'This list is worked out in your browser; nothing of it is stored.',
    right: 'Right',
    wrong: 'Wrong',
    yourAnswer: 'Your answer',
    noAnswer: 'no answer',
    correctAnswer: 'Correct answer',
    tickedRight: 'you ticked it – right',
    tickedWrong: 'you ticked it – not one of the correct answers',
    missed: 'you did not tick it – one of the correct answers',
    untickedRight: 'you did not tick it – right',
  },
}
