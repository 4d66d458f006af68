import { contactOf } from './contact'
import { ContactLinks } from './ContactDetails'
import { fill, type Locale, type Strings } from './i18n'
import type { FeedbackItem, QuizFeedback } from './quizFeedback'

interface Props {
  definition: Record<string, unknown>
  locale: Locale
  text: Strings
  /** Given only when the questionnaire asks for it (`showQuizFeedback`). */
  feedback: QuizFeedback | null
}

/**
 * Under the questionnaire's own thank-you text: the helpline and the organiser's contact (from
 * the questionnaire), then, when the questionnaire chooses it, the quiz answers.
 */
export function ThankYouDetails({ definition, locale, text, feedback }: Props) {
  const helpline = contactOf(definition, 'helpline', locale)
  const contact = contactOf(definition, 'contact', locale)
  return (
    <div className="thank-you-details">
      {helpline && (
        <section className="contact-box helpline" aria-labelledby="helpline-title">
          <h2 id="helpline-title">{text.helplineTitle}</h2>
          {helpline.name && <p className="contact-name">{helpline.name}</p>}
          {helpline.hours && <p>{helpline.hours}</p>}
          <ContactLinks info={helpline} text={text} />
        </section>
      )}
      {contact && (
        <section className="contact-box" aria-labelledby="contact-title">
          <h2 id="contact-title">{text.contactTitle}</h2>
          {contact.name && <p className="contact-name">{contact.name}</p>}
          <ContactLinks info={contact} text={text} />
        </section>
      )}
      {feedback && feedback.total > 0 && (
        <section className="quiz-feedback" aria-labelledby="quiz-feedback-title">
          <h2 id="quiz-feedback-title">{text.quizTitle}</h2>
          <p>{fill(text.quizScore, { correct: feedback.correct, total: feedback.total })}</p>
          <ol>
            {feedback.items.map((item) => (
              <FeedbackEntry key={item.name} item={item} text={text} />
            ))}
          </ol>
          <p className="quiz-note">{text.quizNote}</p>
        </section>
      )}
    </div>
  )
}

function Verdict({ right, text }: { right: boolean; text: Strings }) {
  return (
    <span className={right ? 'verdict verdict-right' : 'verdict verdict-wrong'}>
      {right ? text.right : text.wrong}
    </span>
  )
}

function FeedbackEntry({ item, text }: { item: FeedbackItem; text: Strings }) {
  if (item.kind === 'options') {
    return (
      <li data-name={item.name}>
        <p className="quiz-question">{item.title}</p>
        <ul className="quiz-options">
          {item.options.map((option) => (
            <li key={option.text}>
              <Verdict right={option.right} text={text} />: {option.text} ({optionNote(option, text)})
            </li>
          ))}
        </ul>
      </li>
    )
  }
  return (
    <li data-name={item.name}>
      <p className="quiz-question">{item.title}</p>
      <p>
        <Verdict right={item.right} text={text} />. {text.yourAnswer}: {item.answer || text.noAnswer}
      </p>
      {!item.right && (
        <p>
          {text.correctAnswer}: <strong>{item.correct}</strong>
        </p>
      )}
    </li>
  )
}

function optionNote(option: { ticked: boolean; expected: boolean; right: boolean }, text: Strings) {
  if (option.ticked) return option.expected ? text.tickedRight : text.tickedWrong
  if (option.expected) return text.missed
  return option.right ? text.untickedRight : text.noAnswer // nothing ticked at all
}
