import { RegexValidator, Serializer } from 'survey-core'
import { boundedRegex } from './bounded-regex.js'

// Our own survey-level property, `"dimensions": ["sector", "unit"]`: registered so survey-core
// loads definitions that use it without an unknown-property error.
if (!Serializer.findProperty('survey', 'dimensions')) {
  Serializer.addProperty('survey', { name: 'dimensions', type: 'string[]' })
}
// `"selfRating": "confidence"` names the rating question that knowledge figures set against
// the score (server/knowledge/).
if (!Serializer.findProperty('survey', 'selfRating')) {
  Serializer.addProperty('survey', { name: 'selfRating', type: 'string' })
}

// Regex validators run on a linear-time engine on the server, never on V8's backtracking one
// (./bounded-regex.ts). survey-core only calls test() on what createRegExp returns.
const regexValidator = RegexValidator.prototype as unknown as {
  createRegExp(this: RegexValidator): unknown
}
regexValidator.createRegExp = function () {
  return boundedRegex(String(this.regex), Boolean(this.caseInsensitive))
}
