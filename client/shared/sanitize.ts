import DOMPurify from 'dompurify'
import type { Model } from 'survey-core'

// DOMPurify's allowlist already drops script, iframe, object, embed, meta (a refresh would take
// respondents elsewhere, which the CSP cannot stop), link, base, event handlers and javascript:
// URLs. Also dropped: <style>, which would restyle the whole page, and form controls, which
// would look like questions whose answers go nowhere.
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'select', 'textarea', 'option', 'datalist']
const FORBID_ATTR = ['autofocus', 'formaction']

/** Questionnaire markup reduced to harmless content: text, formatting, lists, links, images. */
export function sanitizeHtml(html: string): string {
  if (!html.includes('<')) return html
  if (!DOMPurify.isSupported) return '' // fail closed: DOMPurify would return the input as it is
  // Parsed in a <template>'s inert document, where nothing loads or applies before it is removed
  // (in DOMPurify's own parsing document a <base> is reported as a blocked CSP violation).
  const template = document.createElement('template')
  template.innerHTML = '<div></div>'
  const holder = template.content.firstElementChild!
  holder.innerHTML = html
  DOMPurify.sanitize(holder, { IN_PLACE: true, FORBID_TAGS, FORBID_ATTR })
  return holder.innerHTML
}

/**
 * Every piece of definition-supplied HTML a survey renders (html questions, completedHtml,
 * completedBeforeHtml, loadingHtml, markdown output) passes one of these two methods. They are
 * wrapped rather than hooked through `onProcessHtml`, because survey-core substitutes {values}
 * again after that event: a value holding markup would skip the sanitiser.
 */
export function sanitizeSurveyHtml(survey: Model): void {
  const processHtml = survey.processHtml.bind(survey)
  survey.processHtml = (html, reason) => sanitizeHtml(processHtml(html, reason))
  const markdown = survey.getSurveyMarkdownHtml.bind(survey)
  survey.getSurveyMarkdownHtml = (...args) => {
    const html = markdown(...args)
    return typeof html === 'string' ? sanitizeHtml(html) : html
  }
}
