// Which definitions the compiled validator accepts: a change that sends one of these back to the
// slow survey-core path (or lets a new one through) shows up here.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { compileReport, compiledValidator, compileValidator } from '../../server/domain/fast-validate'
import { validateAnswers } from '../../server/domain/validate-answers'
import { bundledDefinition } from '../bench/answers'

const DIR = fileURLToPath(new URL('./fixtures/conformance/', import.meta.url))

const reasons = () =>
  Object.fromEntries(
    readdirSync(DIR)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => {
        const definition = JSON.parse(readFileSync(DIR + file, 'utf8')) as object
        return [file, compileReport(definition).reason || 'compiled']
      }),
  )

describe('compileValidator', () => {
  it('compiles the bundled survey', () => {
    expect(compileReport(bundledDefinition()).reason).toBe('')
  })

  it('compiles these conformance surveys and names why the others fall back', () => {
    expect(reasons()).toEqual({
      '01-quiz-american-history.json': 'compiled',
      '02-product-feedback-multipage.json': 'compiled',
      '03-software-developer-localized.json': 'compiled',
      '04-computer-survey-validators.json': 'compiled',
      '05-account-signup-regex.json': 'compiled',
      '06-blood-relatives-paneldynamic.json': 'relatives: type paneldynamic',
      '07-framework-ratings-matrixdropdown.json': 'framework-ratings: type matrixdropdown',
      '08-product-concept-rating-values.json': 'compiled',
      '09-smartphone-features-ranking.json': 'bestcar: choicesFromQuestion',
      '10-teachers-rate-matrixdynamic.json': 'teachersRate: type matrixdynamic',
      '11-car-radiogroup-legacy-other-none.json': 'compiled',
      '12-requiredif-conditions.json': 'c: type matrixdynamic',
      '13-car-types-visible-triggers.json': 'triggers',
      '14-medical-eligibility-screening.json': 'calculated values',
      '15-rand36-health-survey.json': 'compiled',
      '16-employee-skills-expression-validator.json': 'employees: type paneldynamic',
      '17-benefits-eligibility-localized.json':
        "expression {$survey.locale} empty or {$survey.locale} = 'en'",
      '18-billing-address-enableif.json': 'BillingAddress: value expressions',
      '19-all-types-localized-nl.json': 'age: number bounds',
      '20-patient-intake-medical-form.json': 'phone: input mask',
      '21-insurance-claim.json': 'claimNumber: input mask',
      '22-checkout.json': 'phone: input mask',
      '23-all-question-types-gallery.json': 'q_slider: type slider',
      '24-fhir-sample-inputs.json': 'file-uploader: type file',
      '25-car-radiogroup-none-item.json': 'compiled',
    })
  })

  it('caches per definition object, the null result included', () => {
    const definition = bundledDefinition()
    expect(compiledValidator(definition)).toBe(compiledValidator(definition))
    const upload = { elements: [{ type: 'file', name: 'f' }] }
    expect(compiledValidator(upload)).toBeNull()
    expect(compiledValidator(upload)).toBeNull()
  })

  it('refuses a condition naming a question in another case ({y} for "Y")', () => {
    // After a value change survey-core re-runs only conditions naming the changed key in its own
    // spelling or lower case, so X keeps the visibility it had while Y was answered.
    const definition = {
      elements: [
        { type: 'radiogroup', name: 't', choices: ['a', 'b'] },
        {
          type: 'panel',
          name: 'P',
          visibleIf: "{t} = 'a'",
          elements: [{ type: 'radiogroup', name: 'Y', choices: ['a', 'b'] }],
        },
        { type: 'radiogroup', name: 'X', choices: ['a', 'b'], visibleIf: '{y} empty' },
      ],
    }
    expect(compileReport(definition).reason).toBe('expression {y} empty')
    const answers = { Y: 'a', X: 'a' }
    expect(validateAnswers(definition, answers)).toEqual({ ok: true, answers: {}, quiz: null })
    const lower = { ...definition, elements: [...definition.elements] }
    lower.elements[2] = { ...definition.elements[2], visibleIf: '{Y} empty' }
    expect(compileReport(lower).reason).toBe('')
  })

  it('agrees with survey-core on odd definitions and leaves non-objects to it', () => {
    const odd = { pages: 'nonsense' }
    expect(compileValidator(odd)?.({ q: 1 }, 5000)).toEqual(
      validateAnswers(odd, { q: 1 }, { engine: 'survey-core' }),
    )
    expect(compiledValidator(null as unknown as object)).toBeNull()
    expect(validateAnswers(null as unknown as object, {}).ok).toBe(true)
  })
})
