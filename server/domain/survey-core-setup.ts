import { Serializer } from 'survey-core'

// Our own survey-level property, `"dimensions": ["sector", "unit"]`: registered so survey-core
// loads definitions that use it without an unknown-property error.
if (!Serializer.findProperty('survey', 'dimensions')) {
  Serializer.addProperty('survey', { name: 'dimensions', type: 'string[]' })
}
