import { RegexValidator, Serializer } from 'survey-core'
import { boundedRegex } from './bounded-regex.js'

// Our own survey-level property, `"dimensions": ["sector", "unit"]`: registered so survey-core
// loads definitions that use it without an unknown-property error.
if (!Serializer.findProperty('survey', 'dimensions')) {
  Serializer.addProperty('survey', { name: 'dimensions', type: 'string[]' })
}
// `"levels": [{ "name": "area", "of": "region", ... }]` groups a dimension's values
// (./dimension-levels.ts); read from the definition, never by survey-core.
if (!Serializer.findProperty('survey', 'levels')) {
  Serializer.addProperty('survey', { name: 'levels' })
}
// `"selfRating": "confidence"` names the rating question that knowledge figures set against
// the score (server/knowledge/).
if (!Serializer.findProperty('survey', 'selfRating')) {
  Serializer.addProperty('survey', { name: 'selfRating', type: 'string' })
}
// Shown by the respondent app (client/respondent/): the organiser's contact on the start and
// thank-you pages, and a helpline on the thank-you page. Objects of localizable texts and plain
// phone/e-mail/url strings: `{"name": {"default", "fi", "sv"}, "phone", "email", "url", "hours": {...}}`.
for (const name of ['contact', 'helpline']) {
  if (!Serializer.findProperty('survey', name)) Serializer.addProperty('survey', { name })
}
// `"showQuizFeedback": true` lists on the thank-you page which quiz answers were right, with the
// correct ones (computed in the browser; off by default, since answers can spread to colleagues).
if (!Serializer.findProperty('survey', 'showQuizFeedback')) {
  Serializer.addProperty('survey', { name: 'showQuizFeedback:boolean', default: false })
}
// `"scoring": "per-option"` on a checkbox quiz question scores each choice as its own item
// (./score-quiz.ts), instead of only the exact full set counting as correct.
if (!Serializer.findProperty('checkbox', 'scoring')) {
  Serializer.addProperty('checkbox', { name: 'scoring', choices: ['all', 'per-option'], default: 'all' })
}

// Regex validators run on a linear-time engine on the server, never on V8's backtracking one
// (./bounded-regex.ts). survey-core only calls test() on what createRegExp returns.
const regexValidator = RegexValidator.prototype as unknown as {
  createRegExp(this: RegexValidator): unknown
}
regexValidator.createRegExp = function () {
  return boundedRegex(String(this.regex), Boolean(this.caseInsensitive))
}
