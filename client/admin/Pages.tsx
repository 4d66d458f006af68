import { lazy, Suspense } from 'react'
import { DefinitionEditor } from './DefinitionEditor'
import { useI18n } from './i18n'
import { Missing } from './Missing'
import { parseRoute, usePathname } from './router'
import { useSession } from './session'
import { SurveyList } from './SurveyList'
import { SurveyPage } from './SurveyPage'

// Charts and SurveyJS labels are large: fetched only when results are opened.
const ResultsPage = lazy(() => import('./results/ResultsPage'))
const TokensPage = lazy(() => import('./tokens/TokensPage'))

function AdminsOnly() {
  const { t } = useI18n()
  return <Missing title={t.adminsOnly} body={t.adminsOnlyBody} />
}

function NotFound() {
  const { t } = useI18n()
  return <Missing title={t.pageNotFound} body={t.pageNotFoundBody} />
}

/** The signed-in pages, chosen by the path. */
export function Pages() {
  const route = parseRoute(usePathname())
  const { user } = useSession()
  const isAdmin = user.role === 'admin'

  switch (route.page) {
    case 'list':
      return <SurveyList />
    case 'survey':
      return <SurveyPage key={route.slug} slug={route.slug} />
    case 'results':
      return (
        <Suspense
          fallback={
            <p className="page" role="status">
              Loading…
            </p>
          }
        >
          <ResultsPage key={route.slug} slug={route.slug} />
        </Suspense>
      )
    case 'tokens':
      return (
        <Suspense
          fallback={
            <p className="page" role="status">
              Loading…
            </p>
          }
        >
          <TokensPage />
        </Suspense>
      )
    case 'new':
      return isAdmin ? <DefinitionEditor key="new" /> : <AdminsOnly />
    case 'edit':
      return isAdmin ? <DefinitionEditor key={route.slug} slug={route.slug} /> : <AdminsOnly />
    case 'not-found':
      return <NotFound />
  }
}
