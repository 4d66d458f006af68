import { useEffect, useRef, useState } from 'react'
import type { CompletingEvent, Model } from 'survey-core'
import { Survey } from 'survey-react-ui'
// Fontless: the full build's @font-face rules load Open Sans from fonts.gstatic.com.
import 'survey-core/survey-core.fontless.min.css'
import { newSubmission, type AnswerProblem, type SubmitFailure, type Submission } from './api'
import { fill, type Locale, type Strings } from './i18n'
import { quizFeedback, type QuizFeedback } from './quizFeedback'
import { sendWithRetries, type TransientFailure } from './resend'
import { SubmitStatus } from './SubmitStatus'
import { createSurveyModel } from './surveyModel'
import { ThankYouDetails } from './ThankYouDetails'
import { useSurveyHistory } from './useSurveyHistory'

interface Props {
  definition: Record<string, unknown>
  slug: string
  locale: Locale
  text: Strings
  /** The invitation code of an invitation-only survey, sent with the answers. */
  code?: string
  onCompleted: () => void
}

export type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** A transient failure: the same answers are sent again by themselves, or now by hand. */
  | { kind: 'retrying'; failure: TransientFailure }
  | SubmitFailure

/**
 * Answers are posted from `onCompleting`, which SurveyJS awaits with navigation blocked: the
 * survey only switches to its thank-you page once the server has stored the response. On any
 * failure completion is cancelled, so the respondent stays on the last page with every answer
 * intact and can send again (the Complete button or the retry button below it). Transient
 * failures (no connection, the server busy) are retried by themselves first, with the same
 * Idempotency-Key: a resend whose first answer was lost is not stored twice. Answers stay in
 * memory only.
 */
export function SurveyScreen({ definition, slug, locale, text, code, onCompleted }: Props) {
  // The title and description are on the start page only (StartScreen), so each page's own
  // title is the page's top heading, and the page number replaces SurveyJS's progress bar.
  const [survey] = useState(() => {
    const model = createSurveyModel(definition, locale, 0)
    model.showTitle = false
    model.showProgressBar = false
    return model
  })
  const page = useCurrentPage(survey)
  const [feedback, setFeedback] = useState<QuizFeedback | null | undefined>()
  useSurveyHistory(survey)
  const [send, setSend] = useState<SendState>({ kind: 'idle' })
  // A code typed after a refused send (the survey became invitation-only meanwhile) replaces
  // the one from the start.
  const [typedCode, setTypedCode] = useState<string | undefined>()
  // Handlers are registered once but must see the language and callbacks of the latest render.
  const current = useRef({ locale, text, code: typedCode ?? code, onCompleted })
  current.current = { locale, text, code: typedCode ?? code, onCompleted }
  // The submission of the answers last sent, so that sending the same answers again reuses its
  // body and key; `sendNow` cuts short the wait before the next automatic try.
  const sent = useRef<{ answers: string; submission: Submission } | undefined>(undefined)
  const sendNow = useRef<(() => void) | undefined>(undefined)
  const sending = useRef(false)

  // Switching language only changes the texts; the model keeps every answer.
  useEffect(() => {
    survey.locale = locale
  }, [survey, locale])

  useEffect(() => {
    const post = async (sender: Model, options: CompletingEvent) => {
      // Complete pressed again while a send is waiting for its next try: send now instead.
      if (sending.current) {
        options.allow = false
        sendNow.current?.()
        return
      }
      sending.current = true
      setSend({ kind: 'sending' })
      // SurveyJS never settles completion if this promise rejects, so nothing may throw here.
      const { locale: language, code: invitation } = current.current
      const answers = JSON.stringify([sender.data, invitation])
      if (sent.current?.answers !== answers) {
        sent.current = { answers, submission: newSubmission(sender.data, language, invitation) }
      }
      const result = await sendWithRetries(slug, sent.current.submission, {
        onRetrying: (failure) => setSend({ kind: 'retrying', failure }),
        wait: (ms) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, ms)
            sendNow.current = () => {
              clearTimeout(timer)
              setSend({ kind: 'sending' })
              resolve()
            }
          }),
      })
      sending.current = false
      sendNow.current = undefined
      if (result.kind === 'ok') return setSend({ kind: 'idle' })
      options.allow = false
      if (result.kind === 'invalid') markProblems(sender, result.problems, current.current.text)
      setSend(result)
    }
    // Raised once SurveyJS has switched to the thank-you page.
    const completed = (sender: Model) => {
      setFeedback(definition.showQuizFeedback === true ? quizFeedback(sender) : null)
      current.current.onCompleted()
    }
    survey.onCompleting.add(post)
    survey.onComplete.add(completed)
    return () => {
      survey.onCompleting.remove(post)
      survey.onComplete.remove(completed)
    }
  }, [survey, slug, definition])

  return (
    <>
      {page && (
        <div className="survey-progress">
          <p id="survey-progress-label">{fill(text.pageOf, page)}</p>
          <progress value={page.page} max={page.total} aria-labelledby="survey-progress-label" />
        </div>
      )}
      <Survey model={survey} />
      {feedback !== undefined && (
        <ThankYouDetails definition={definition} locale={locale} text={text} feedback={feedback} />
      )}
      <SubmitStatus
        state={send}
        text={text}
        onRetry={() => (sendNow.current ? sendNow.current() : survey.tryComplete())}
        onRetryWithCode={(typed) => {
          setTypedCode(typed)
          current.current.code = typed
          survey.tryComplete()
        }}
      />
    </>
  )
}

/** "Page 5 of 7" of the pages logic shows now; null once the survey is completed. */
function useCurrentPage(survey: Model): { page: number; total: number } | null {
  const read = () =>
    survey.state === 'running'
      ? { page: survey.currentPageNo + 1, total: survey.visiblePageCount }
      : null
  const [page, setPage] = useState(read)
  useEffect(() => {
    const update = () => setPage(read())
    survey.onCurrentPageChanged.add(update)
    survey.onPageVisibleChanged.add(update)
    survey.onComplete.add(update)
    return () => {
      survey.onCurrentPageChanged.remove(update)
      survey.onPageVisibleChanged.remove(update)
      survey.onComplete.remove(update)
    }
  }, [survey])
  return page
}

/** Puts the server's objections on the questions concerned and shows the first of them. */
function markProblems(survey: Model, problems: AnswerProblem[], text: Strings): void {
  const questions = problems
    // A detail may point inside a question ("matrix.row", "list[2]"); mark the question itself.
    .map((problem) => survey.getQuestionByName(problem.question.split(/[.[]/)[0]))
    .filter((question) => question != null)
  for (const question of questions) question.addError(text.answerRejected)
  questions[0]?.focus(true)
}
