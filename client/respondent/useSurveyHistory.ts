import { useEffect } from 'react'
import type { Model } from 'survey-core'

interface SurveyHistoryState {
  surveyPage: number
}

/** The entry pushed over the first page's once the answers are sent (see `finished`). */
interface DoneHistoryState {
  surveyDone: true
}

const pageIn = (state: unknown): number =>
  typeof (state as SurveyHistoryState | null)?.surveyPage === 'number'
    ? (state as SurveyHistoryState).surveyPage
    : 0 // the entry the survey opened in: its first page

/**
 * The browser's Back and Forward move between the survey's pages: each page reached with Next
 * gets a history entry (same address, the page number in its state), so Back shows the page
 * before with every answer kept. On the first page Back leaves, and `beforeunload` asks first
 * while there are answers not yet sent. Answers stay in memory only.
 *
 * Once the answers are sent the page entries would lead back into answered pages, so they are
 * dropped: the history rewinds to the first page's entry and pushes one "done" entry over it,
 * which cuts off the later ones. Back from the thank-you page then leaves the survey (or stays
 * on the thank-you page when the survey opened in a new tab).
 */
export function useSurveyHistory(survey: Model): void {
  useEffect(() => {
    let following = false // a page change made here from the history: no new entry
    let rewinding = false // after completion, on the way back to the first page's entry
    const changed = (sender: Model, options: { oldCurrentPage?: unknown; newCurrentPage?: unknown }) => {
      if (following || sender.state !== 'running') return
      const pages = sender.visiblePages as unknown[]
      const from = pages.indexOf(options.oldCurrentPage)
      const to = pages.indexOf(options.newCurrentPage)
      if (to > from) history.pushState({ surveyPage: to } satisfies SurveyHistoryState, '')
      // The survey's own Previous button: step the history back with it, so Back stays in step.
      else if (to < from && pageIn(history.state) > to) history.back()
    }
    const finished = () => {
      const back = pageIn(history.state)
      if (back === 0) return // one page only: its entry already leads out
      rewinding = true
      history.go(-back)
    }
    const afterCompletion = (state: unknown) => {
      if (rewinding) {
        rewinding = false
        history.pushState({ surveyDone: true } satisfies DoneHistoryState, '')
        window.scrollTo(0, 0)
      } else if (!(state as DoneHistoryState | null)?.surveyDone) {
        // Back from "done" to a page's entry: on past the survey's entries, out of it.
        history.go(-(pageIn(state) + 1))
      }
    }
    const popped = (event: PopStateEvent) => {
      if (survey.state === 'completed') return afterCompletion(event.state)
      if (survey.state !== 'running') return
      const target = pageIn(event.state)
      const current = survey.currentPageNo
      if (target === current) return
      following = true
      try {
        if (target < current) survey.currentPageNo = target
        // Forward again: only through the page's own checks, else the entry is undone.
        else if (!survey.nextPage()) history.back()
      } finally {
        following = false
      }
      window.scrollTo(0, 0)
    }
    const leaving = (event: BeforeUnloadEvent) => {
      if (survey.state !== 'running' || Object.keys(survey.data).length === 0) return
      event.preventDefault()
      event.returnValue = '' // older browsers need it to ask
    }
    // Every move through the history shows its page from the top (the thank-you page too), not
    // where the browser last left that entry.
    const restoration = history.scrollRestoration
    history.scrollRestoration = 'manual'
    survey.onCurrentPageChanged.add(changed)
    survey.onComplete.add(finished)
    window.addEventListener('popstate', popped)
    window.addEventListener('beforeunload', leaving)
    return () => {
      survey.onCurrentPageChanged.remove(changed)
      survey.onComplete.remove(finished)
      history.scrollRestoration = restoration
      window.removeEventListener('popstate', popped)
      window.removeEventListener('beforeunload', leaving)
    }
  }, [survey])
}
