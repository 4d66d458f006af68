// The XLSForm subset (README, "Questionnaires in a spreadsheet"), shared by import and export.

export const SURVEY_COLUMNS = new Set([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'required_message',
  'relevant',
  'constraint',
  'constraint_message',
  'appearance',
  'default',
  'choice_filter',
  'parameters',
  // our own, ignored by other XLSForm tools
  'correct',
  'dimension',
  'min_label',
  'max_label',
])
export const SURVEY_LOCALIZED = new Set([
  'label',
  'hint',
  'required_message',
  'constraint_message',
  'min_label',
  'max_label',
])

export const CHOICE_COLUMNS = new Set(['list_name', 'name', 'label', 'exclusive'])
export const CHOICE_LOCALIZED = new Set(['label'])

/** SurveyJS survey settings kept as they are, under their SurveyJS names. */
export const DISPLAY_SETTINGS = [
  'showProgressBar',
  'progressBarType',
  'showQuestionNumbers',
  'checkErrorsMode',
  'clearInvisibleValues',
  // issue 18: the question respondents rate their own knowledge with
  'selfRating',
  // issue 22: the thank-you page lists the quiz answers
  'showQuizFeedback',
] as const

/**
 * The survey's `contact` and `helpline` (server/domain/survey-core-setup.ts), one settings column
 * per field: `contact_name`, `helpline_phone`, ...; `localized` fields have one per language.
 */
export const CONTACT_SETTINGS = ['contact', 'helpline'] as const
export const CONTACT_FIELDS = [
  { field: 'name', localized: true },
  { field: 'hours', localized: true },
  { field: 'phone', localized: false },
  { field: 'email', localized: false },
  { field: 'url', localized: false },
] as const
const CONTACT_COLUMNS = CONTACT_SETTINGS.flatMap((key) =>
  CONTACT_FIELDS.map((f) => ({ column: `${key}_${f.field}`, localized: f.localized })),
)
export const SETTINGS_COLUMNS = new Set([
  'form_title',
  'form_id',
  'version',
  'default_language',
  'style',
  'instance_name',
  // our own
  'description',
  'completed_html',
  ...DISPLAY_SETTINGS.map((s) => s.toLowerCase()),
  ...CONTACT_COLUMNS.map((c) => c.column),
])
export const SETTINGS_LOCALIZED = new Set([
  'form_title',
  'description',
  'completed_html',
  ...CONTACT_COLUMNS.filter((c) => c.localized).map((c) => c.column),
])

/** Our own `levels` sheet (./levels-sheet.ts): a row per member of a level's group. */
export const LEVEL_COLUMNS = new Set(['level', 'of', 'level_label', 'group', 'label', 'member'])
export const LEVEL_LOCALIZED = new Set(['level_label', 'label'])

/** Metadata ODK collects without asking; an anonymous survey never does. */
export const METADATA_TYPES = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-audio',
])

/** An XLSForm name (an XML name, as pyxform requires). */
export const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/

/** A whole-number check for `integer` (number inputs accept decimals). */
export const INTEGER_REGEX = '^-?\\d+$'
export const INTEGER_MESSAGE = {
  default: 'Please enter a whole number.',
  fi: 'Anna kokonaisluku.',
  sv: 'Ange ett heltal.',
}

export const YES = new Set(['yes', 'true', 'true()', '1'])
export const NO = new Set(['', 'no', 'false', 'false()', '0'])
