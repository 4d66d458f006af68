/** The knowledge figures (tab, items, calibration, item table) and the heatmap, in en, fi and sv. */
export const knowledgeEn = {
  loadingKnowledge: 'Loading knowledge figures…',
  knowledgeLater: 'Knowledge figures appear with the first release (and when its total is shown).',
  noQuiz: 'This questionnaire has no quiz items.',
  scoreTitle: 'Knowledge score',
  scoreSummary:
    '{n} respondents. Mean score {mean} of {max}{ci}, SD {sd}. Reliability (KR-20): {kr20}.',
  scoreCi: ' (95 % CI {low} to {high})',
  noKr20: 'not given (under 30 respondents or 3 items)',
  itemsTitle: 'Quiz items',
  calibrationTitle: 'Confidence and knowledge',
  byGroup: 'By {dim}',
  groupsRegion: 'Knowledge score by group',
  groupsCaption: 'Mean score (of {max}) per shown group with its 95 % interval.',
  meanScore: 'Mean score',
  interval: '95 % interval',
  meanLabel: 'mean {mean}',
  kruskal: 'Kruskal-Wallis across the shown groups: H = {h}, df = {df}, p {p}.',
  noComparison: 'No comparison: fewer than two groups are shown.',
  sizeOnlyFigures:
    'Shown with their size only, without figures, because figures of groups that cut across the other published tables could reveal a small group: {groups}.',
  groupsNotShown:
    '{hidden} groups are not shown: empty, too small, or hidden to protect a small group.',
  // Quiz items
  itemsRegion: 'Quiz items table',
  itemsCaption:
    'Share correct per quiz item with its 95 % Wilson interval (whisker), and discrimination: the correlation of the item with the rest of the score. Items under {weak} are flagged.',
  baselineNote: ' The diamond is the baseline ({baseline}).',
  item: 'Item',
  correctShare: 'Correct',
  discrimination: 'Discrimination',
  baselineDifference: 'Difference from baseline (95 % CI, p)',
  none: 'none',
  range: '{low} to {high}',
  itemLabel: '{share} correct, interval {ci}',
  weak: 'weak',
  // Histogram and calibration
  scoreOf: 'Score (of {max})',
  histogram: 'Score histogram: {bins}',
  hiddenBins: '{hidden} respondents are in bins hidden to protect small groups.',
  calibrationRegion: 'Self-rating calibration',
  calibrationCaption:
    'Mean knowledge score (of {max}) by answer to “{title}”, with its 95 % interval. Spearman correlation of rating and score: {rho}.',
  rating: 'Rating',
  ratingHidden: 'hidden (fewer than the minimum, or to protect one)',
  meanInterval: 'mean {mean}, interval {low} to {high}',
  // Knowledge items by group (overview)
  tableRegion: 'Knowledge items table',
  tableCaption:
    'Share of respondents answering correctly, in percent, for the whole survey and by {dim}.',
  allN: 'All (n = {n})',
  dimGroupsHidden:
    '{hidden} {dim} groups are not shown: they are empty, too small, or hidden to protect a small group.',
  // Heatmap
  showInCells: 'Show in cells',
  meanKnowledge: 'Mean knowledge score',
  heatmapRegion: 'Heatmap table',
  measureScore: 'Mean knowledge score (percent correct)',
  heatmapCaption:
    '{measure} by {rows}{cols}. Cells marked “–” are suppressed: groups with fewer than {k} respondents are never shown, and some larger ones are hidden so that the small ones cannot be worked out from the totals.',
  andColumns: ' and {dim}',
  suppressedCell: 'suppressed (fewer than {k}, or hidden to protect a small group)',
  noQuizAnswers: 'no quiz answers',
}

export type KnowledgeTexts = typeof knowledgeEn

export const knowledgeFi: KnowledgeTexts = {
  loadingKnowledge: 'Ladataan tietämyksen lukuja…',
  knowledgeLater:
    'Tietämyksen luvut näkyvät ensimmäisen tulosjulkistuksen jälkeen (ja kun sen kokonaismäärä näytetään).',
  noQuiz: 'Tässä kyselylomakkeessa ei ole tietokysymyksiä.',
  scoreTitle: 'Tietämyspisteet',
  scoreSummary:
    '{n} vastaajaa. Pisteiden keskiarvo {mean}/{max}{ci}, keskihajonta {sd}. Reliabiliteetti (KR-20): {kr20}.',
  scoreCi: ' (95 %:n luottamusväli {low}–{high})',
  noKr20: 'ei laskettu (alle 30 vastaajaa tai alle 3 kysymystä)',
  itemsTitle: 'Tietokysymykset',
  calibrationTitle: 'Varmuus ja tietämys',
  byGroup: 'Ryhmittäin: {dim}',
  groupsRegion: 'Tietämyspisteet ryhmittäin',
  groupsCaption: 'Pisteiden keskiarvo (enintään {max}) näytetyissä ryhmissä ja sen 95 %:n väli.',
  meanScore: 'Keskiarvo',
  interval: '95 %:n väli',
  meanLabel: 'keskiarvo {mean}',
  kruskal: 'Kruskalin–Wallisin testi näytettyjen ryhmien välillä: H = {h}, df = {df}, p {p}.',
  noComparison: 'Ei vertailua: näytettyjä ryhmiä on alle kaksi.',
  sizeOnlyFigures:
    'Näistä ryhmistä näytetään vain koko, ei lukuja, koska muiden julkaistujen taulukoiden kanssa risteävien ryhmien luvuista voisi päätellä pienen ryhmän: {groups}.',
  groupsNotShown:
    '{hidden} ryhmää ei näytetä: ne ovat tyhjiä tai liian pieniä, tai ne on piilotettu pienen ryhmän suojaamiseksi.',
  itemsRegion: 'Tietokysymysten taulukko',
  itemsCaption:
    'Oikein vastanneiden osuus tietokysymyksittäin ja sen 95 %:n Wilsonin väli (jana) sekä erottelukyky: kysymyksen korrelaatio muiden kysymysten pisteisiin. Kysymykset, joiden erottelukyky on alle {weak}, on merkitty.',
  baselineNote: ' Salmiakki on vertailutaso ({baseline}).',
  item: 'Kysymys',
  correctShare: 'Oikein',
  discrimination: 'Erottelukyky',
  baselineDifference: 'Ero vertailutasoon (95 %:n luottamusväli, p)',
  none: 'ei ole',
  range: '{low}–{high}',
  itemLabel: '{share} oikein, väli {ci}',
  weak: 'heikko',
  scoreOf: 'Pisteet (enintään {max})',
  histogram: 'Pistejakauma: {bins}',
  hiddenBins: '{hidden} vastaajaa on luokissa, jotka on piilotettu pienten ryhmien suojaamiseksi.',
  calibrationRegion: 'Oman arvion osuvuus',
  calibrationCaption:
    'Tietämyspisteiden keskiarvo (enintään {max}) kysymyksen ”{title}” vastauksen mukaan ja sen 95 %:n väli. Arvion ja pisteiden Spearmanin korrelaatio: {rho}.',
  rating: 'Arvio',
  ratingHidden: 'piilotettu (alle vähimmäismäärän tai sellaisen suojaamiseksi)',
  meanInterval: 'keskiarvo {mean}, väli {low}–{high}',
  tableRegion: 'Tietokysymykset ryhmittäin',
  tableCaption:
    'Oikein vastanneiden osuus prosentteina koko kyselyssä ja ryhmittäin (taustamuuttuja: {dim}).',
  allN: 'Kaikki (n = {n})',
  dimGroupsHidden:
    '{hidden} ryhmää (taustamuuttuja: {dim}) ei näytetä: ne ovat tyhjiä tai liian pieniä, tai ne on piilotettu pienen ryhmän suojaamiseksi.',
  showInCells: 'Soluissa näytetään',
  meanKnowledge: 'Tietämyspisteiden keskiarvo',
  heatmapRegion: 'Lämpökarttataulukko',
  measureScore: 'Tietämyspisteiden keskiarvo (prosenttia oikein)',
  heatmapCaption:
    '{measure}: {rows}{cols}. Viivalla ”–” merkityt solut on piilotettu: ryhmiä, joissa on alle {k} vastaajaa, ei näytetä koskaan, ja joitakin suurempia piilotetaan, jotta pieniä ei voi laskea summista.',
  andColumns: ' ja {dim}',
  suppressedCell: 'piilotettu (alle {k} tai pienen ryhmän suojaamiseksi)',
  noQuizAnswers: 'ei vastauksia tietokysymyksiin',
}

export const knowledgeSv: KnowledgeTexts = {
  loadingKnowledge: 'Laddar kunskapssiffror…',
  knowledgeLater:
    'Kunskapssiffrorna visas efter den första utgåvan (och när dess totalsumma visas).',
  noQuiz: 'Det här frågeformuläret har inga kunskapsfrågor.',
  scoreTitle: 'Kunskapspoäng',
  scoreSummary:
    '{n} svarande. Medelpoäng {mean} av {max}{ci}, standardavvikelse {sd}. Reliabilitet (KR-20): {kr20}.',
  scoreCi: ' (95 % KI {low}–{high})',
  noKr20: 'anges inte (färre än 30 svarande eller färre än 3 frågor)',
  itemsTitle: 'Kunskapsfrågor',
  calibrationTitle: 'Säkerhet och kunskap',
  byGroup: 'Efter {dim}',
  groupsRegion: 'Kunskapspoäng per grupp',
  groupsCaption: 'Medelpoäng (av {max}) per visad grupp med dess 95 % intervall.',
  meanScore: 'Medelpoäng',
  interval: '95 % intervall',
  meanLabel: 'medelvärde {mean}',
  kruskal: 'Kruskal–Wallis mellan de visade grupperna: H = {h}, df = {df}, p {p}.',
  noComparison: 'Ingen jämförelse: färre än två grupper visas.',
  sizeOnlyFigures:
    'Visas endast med sin storlek, utan siffror, eftersom siffror för grupper som korsar de andra publicerade tabellerna kunde avslöja en liten grupp: {groups}.',
  groupsNotShown:
    '{hidden} grupper visas inte: de är tomma, för små eller dolda för att skydda en liten grupp.',
  itemsRegion: 'Tabell över kunskapsfrågor',
  itemsCaption:
    'Andel rätt per kunskapsfråga med dess 95 % Wilson-intervall (morrhår) och diskriminering: frågans korrelation med resten av poängen. Frågor under {weak} är markerade.',
  baselineNote: ' Romben är jämförelsenivån ({baseline}).',
  item: 'Fråga',
  correctShare: 'Rätt',
  discrimination: 'Diskriminering',
  baselineDifference: 'Skillnad mot jämförelsenivån (95 % KI, p)',
  none: 'inget',
  range: '{low}–{high}',
  itemLabel: '{share} rätt, intervall {ci}',
  weak: 'svag',
  scoreOf: 'Poäng (av {max})',
  histogram: 'Poängfördelning: {bins}',
  hiddenBins: '{hidden} svarande är i klasser som döljs för att skydda små grupper.',
  calibrationRegion: 'Självskattningens träffsäkerhet',
  calibrationCaption:
    'Medelvärde av kunskapspoängen (av {max}) efter svar på ”{title}”, med dess 95 % intervall. Spearmans korrelation mellan skattning och poäng: {rho}.',
  rating: 'Skattning',
  ratingHidden: 'dold (färre än minimiantalet, eller för att skydda en sådan grupp)',
  meanInterval: 'medelvärde {mean}, intervall {low}–{high}',
  tableRegion: 'Tabell över kunskapsfrågor per grupp',
  tableCaption: 'Andel svarande som svarat rätt, i procent, för hela enkäten och efter {dim}.',
  allN: 'Alla (n = {n})',
  dimGroupsHidden:
    '{hidden} grupper efter {dim} visas inte: de är tomma, för små eller dolda för att skydda en liten grupp.',
  showInCells: 'Visa i cellerna',
  meanKnowledge: 'Medelvärde av kunskapspoängen',
  heatmapRegion: 'Värmekartstabell',
  measureScore: 'Medelvärde av kunskapspoängen (procent rätt)',
  heatmapCaption:
    '{measure} efter {rows}{cols}. Celler markerade med ”–” är dolda: grupper med färre än {k} svarande visas aldrig, och vissa större döljs så att de små inte kan räknas ut från summorna.',
  andColumns: ' och {dim}',
  suppressedCell: 'dold (färre än {k}, eller för att skydda en liten grupp)',
  noQuizAnswers: 'inga svar på kunskapsfrågor',
}
