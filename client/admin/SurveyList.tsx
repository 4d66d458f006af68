import { api, type SurveySummary } from './api'
import { useI18n } from './i18n'
import { LoadFailed } from './LoadFailed'
import { PageHeading } from './PageHeading'
import { Link, paths } from './router'
import { useSession } from './session'
import { StatusBadge } from './StatusBadge'
import { useLoad } from './useLoad'

export function SurveyList() {
  const { user } = useSession()
  const { t } = useI18n()
  const { state, reload } = useLoad(api.listSurveys, 'list')

  return (
    <main className="page">
      <div className="page-title">
        <PageHeading>{t.questionnaires}</PageHeading>
        {user.role === 'admin' && (
          <Link href={paths.newSurvey} className="button button-primary">
            {t.newQuestionnaire}
          </Link>
        )}
      </div>
      {state.kind === 'loading' && <p role="status">{t.loading}</p>}
      {state.kind === 'failed' && <LoadFailed failure={state.failure} onRetry={reload} />}
      {state.kind === 'ok' && <SurveyTable surveys={state.data.surveys} />}
    </main>
  )
}

function SurveyTable({ surveys }: { surveys: SurveySummary[] }) {
  const { t } = useI18n()
  if (surveys.length === 0) return <p>{t.noQuestionnaires}</p>
  return (
    <div className="table-scroll">
      <table className="survey-table">
        <caption className="visually-hidden">{t.listCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.slug}</th>
            <th scope="col">{t.listTitle}</th>
            <th scope="col">{t.status}</th>
            <th scope="col" className="number">
              {t.version}
            </th>
            <th scope="col" className="number">
              {t.responses}
            </th>
          </tr>
        </thead>
        <tbody>
          {surveys.map((survey) => (
            <tr key={survey.slug} data-slug={survey.slug}>
              <th scope="row">
                <Link href={paths.survey(survey.slug)}>{survey.slug}</Link>
              </th>
              <td>{survey.title}</td>
              <td>
                <StatusBadge status={survey.status} />
              </td>
              <td className="number">{survey.version}</td>
              <td className="number">{survey.responses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
