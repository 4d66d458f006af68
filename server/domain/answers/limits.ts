// Server-side ceilings. They bound the work one request can cause (survey-core builds a question
// object per matrix cell / dynamic panel question), independent of what a definition allows.

export const DEFAULT_MAX_TEXT_LENGTH = 5000
/** Deepest legitimate nesting is a checkbox cell object in a matrix inside a dynamic panel. */
export const MAX_DEPTH = 12
/** Selected values of one checkbox/tagbox/ranking/file question. */
export const MAX_ARRAY_ITEMS = 500
/** Rows of a dynamic matrix / panels of a dynamic panel, whatever the definition says. */
export const MAX_DYNAMIC_ITEMS = 100
/**
 * Nested question objects (dynamic matrix cells, dynamic-panel questions) one submission may make
 * survey-core build. Each costs one to three milliseconds (it is a full question object), so this
 * bounds the work one body can cause to well under a second.
 */
export const MAX_NESTED_QUESTIONS = 200
/** Files of one file question when the definition sets no maxFiles. */
export const MAX_FILES = 20
/** A data URL (signature, inline file content) when no maxSize narrows it: about 1.5 MB. */
export const MAX_DATA_URL_LENGTH = 2_000_000
/** Passes of "drop hidden answers, re-run logic" before giving up on reaching a fixed point. */
export const MAX_LOGIC_PASSES = 20
