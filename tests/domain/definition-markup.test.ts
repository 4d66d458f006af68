import { describe, expect, it } from 'vitest'
import { checkDefinition } from '../../server/domain/publishing.js'
import { markupProblems } from '../../server/domain/definition-markup.js'

const withHtml = (html: unknown) => ({
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'html', name: 'intro', html },
        { type: 'text', name: 'q' },
      ],
    },
  ],
})

describe('markup a questionnaire may not carry', () => {
  it.each([
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', '<meta>, http-equiv'],
    ['<p>Hi</p><SCRIPT src="/x.js"></SCRIPT>', '<script>'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe>'],
    ['<img src=x onerror="alert(1)">', 'an event-handler attribute (on...=)'],
    ['<svg/onload=alert(1)>', 'an event-handler attribute (on...=)'],
    ['<a href=" javascript:alert(1)">x</a>', 'a javascript: address'],
    ['<style>body{display:none}</style>', '<style>'],
    ['<base href="https://evil.example/">', '<base>'],
    ['<form action="https://evil.example"><input></form>', '<form>'],
  ])('refuses %s', (html, what) => {
    const check = checkDefinition(withHtml(html))
    expect(check).toEqual({
      ok: false,
      errors: [`pages[0].elements[0].html contains ${what}, which questionnaires may not use`],
    })
  })

  it('looks at every string: localized texts, choices and values put into HTML', () => {
    const definition = {
      completedHtml: { default: '<p>Thanks</p>', fi: '<meta http-equiv="refresh" content="0">' },
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'q', defaultValue: '<script>x()</script>' },
            { type: 'radiogroup', name: 'r', choices: [{ value: 'a', text: '<img onerror=x>' }] },
          ],
        },
      ],
    }
    expect(markupProblems(definition)).toEqual([
      'completedHtml.fi contains <meta>, http-equiv, which questionnaires may not use',
      'pages[0].elements[0].defaultValue contains <script>, which questionnaires may not use',
      'pages[0].elements[1].choices[0].text contains an event-handler attribute (on...=), which questionnaires may not use',
    ])
  })

  it('accepts ordinary formatting, links and images, and text that merely mentions words', () => {
    const html = [
      '<h3>Before you start</h3><p><strong>Read</strong> <a href="/privacy" target="_blank">this</a>',
      ' and <em>the form</em> online: scripts, meta-analysis, on = off.</p>',
      '<img src="/logo.png" alt="">',
    ].join('')
    expect(markupProblems(withHtml(html))).toEqual([])
    expect(checkDefinition(withHtml(html)).ok).toBe(true)
  })

  it('stays fast on a 1 MiB string of unclosed tags', () => {
    const started = performance.now()
    expect(markupProblems(withHtml('< on'.repeat(256 * 1024)))).toEqual([])
    expect(markupProblems(withHtml('<a onx'.repeat(200_000) + '='))).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
