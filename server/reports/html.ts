import { html as honoHtml, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'

// Every questionnaire text is untrusted input: `html` escapes every interpolated value unless it
// is itself markup made by this tag, so no title, choice or summary can inject markup into the
// public pages. Values are never promises here, so the result is always a string.
export const html = (strings: TemplateStringsArray, ...values: unknown[]) =>
  honoHtml(strings, ...values) as HtmlEscapedString

export { raw, type HtmlEscapedString }
