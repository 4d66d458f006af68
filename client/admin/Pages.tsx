import { lazy, Suspense } from 'react'
import { DefinitionEditor } from './DefinitionEditor'
import { Missing } from './Missing'
import { parseRoute, usePathname } from './router'
import { useSession } from './session'
import { SurveyList } from './SurveyList'
import { SurveyPage } from './SurveyPage'

// Charts and SurveyJS labels are large: fetched only when results are opened.
const ResultsPage = lazy(() => import('./results/ResultsPage'))
const TokensPage = lazy(() => import('./tokens/TokensPage'))

const AdminsOnly = () => (
  <Missing title="Admins only" body="Only admins can create or change questionnaires." />
)

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
        <Suspense fallback={<p className="page" role="status">Loading…</p>}>
          <ResultsPage key={route.slug} slug={route.slug} />
        </Suspense>
      )
    case 'tokens':
      return (
        <Suspense fallback={<p className="page" role="status">Loading…</p>}>
          <TokensPage />
        </Suspense>
      )
    case 'new':
      return isAdmin ? <DefinitionEditor key="new" /> : <AdminsOnly />
    case 'edit':
      return isAdmin ? <DefinitionEditor key={route.slug} slug={route.slug} /> : <AdminsOnly />
    case 'not-found':
      return <Missing title="Page not found" body="Nothing exists at this address." />
  }
}
