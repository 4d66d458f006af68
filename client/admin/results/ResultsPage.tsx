import { useMemo, useState } from 'react'
import { LoadFailed } from '../LoadFailed'
import { fill, useI18n } from '../i18n'
import { Missing } from '../Missing'
import { PageHeading } from '../PageHeading'
import { Link, paths } from '../router'
import { useSession } from '../session'
import { ExportPanel } from './ExportPanel'
import { Heatmap } from './Heatmap'
import { KnowledgeTab } from './KnowledgeTab'
import { KnowledgeTable } from './KnowledgeTable'
import { makeLabels } from './labels'
import { OptionTable } from './OptionTable'
import { QuestionCharts } from './QuestionCharts'
import { TablePicker } from './TablePicker'
import { useResultTexts } from './texts'
import { ReleaseBar } from './ReleaseBar'
import { ReportPanel } from '../reports/ReportPanel'
import './results.css'
import { TimelineChart } from './TimelineChart'
import { useResults } from './useResults'

/** Released results of one questionnaire: for admins and researchers. */
export default function ResultsPage({ slug }: { slug: string }) {
  const { user } = useSession()
  const [release, setRelease] = useState<number | null>(null)
  const [dim, setDim] = useState<string | null>(null)
  const [by, setBy] = useState<string[] | null>(null)
  const { locale, r } = useResultTexts()
  const { t } = useI18n()
  const [round, setRound] = useState(0)
  const [notice, setNotice] = useState('')
  const [tab, setTab] = useState<'overview' | 'knowledge'>('overview')
  const { overview, tables } = useResults(slug, release, dim, round, by)
  const info = overview.state.kind === 'ok' ? overview.state.data : null
  const definition = info?.survey.definition
  const labels = useMemo(
    () => makeLabels(definition ?? {}, locale, r.notAnswered),
    [definition, locale, r.notAnswered],
  )
  // Dimensions and their levels ("Region", then "Collaborative area"), for every picker.
  const groupings = useMemo(() => labels.groupings(), [labels])

  if (overview.state.kind === 'failed' && overview.state.failure.code === 'survey_not_found') {
    return <Missing title={t.notFoundTitle} body={fill(t.notFoundBody, { slug })} />
  }
  const title = info?.survey.title || slug
  const data = tables.state.kind === 'ok' ? tables.state.data : null
  const k = data?.cross.minGroupSize ?? info?.timeline.minGroupSize
  const total = data?.cross.total
  const questions = total && 'questions' in total ? total.questions : undefined

  return (
    <main className="page page-wide results">
      <p className="breadcrumb">
        <Link href={paths.list}>{t.questionnaires}</Link> /{' '}
        <Link href={paths.survey(slug)}>{slug}</Link> / {t.results}
      </p>
      <PageHeading title={fill(r.documentTitle, { title })}>{fill(r.heading, { title })}</PageHeading>
      {overview.state.kind === 'loading' && <p role="status">{r.loading}</p>}
      {overview.state.kind === 'failed' && (
        <LoadFailed failure={overview.state.failure} onRetry={overview.reload} />
      )}
      {info && (
        <ReleaseBar
          slug={slug}
          releases={info.releases}
          selected={release}
          onSelect={setRelease}
          canRelease={user.role === 'admin' && info.survey.status === 'open'}
          onReleased={(number) => {
            setNotice(fill(r.released, { n: number }))
            setRelease(null)
            setRound((n) => n + 1)
          }}
        />
      )}
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      {k !== undefined && (
        <p className="hint">{fill(r.smallGroups, { k })}</p>
      )}
      {data?.cross.release === null && total && 'n' in total && (
        <p className="notice">
          {fill(r.soFar, {
            responses: fill(total.n === 1 ? r.responseOne : r.responseMany, { n: total.n }),
          })}
        </p>
      )}
      {info && (
        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{r.timelineTitle}</h2>
          <TimelineChart timeline={info.timeline} />
        </section>
      )}
      {tables.state.kind === 'loading' && info && <p role="status">{r.loadingResults}</p>}
      {tables.state.kind === 'failed' && (
        <LoadFailed failure={tables.state.failure} onRetry={tables.reload} />
      )}
      {data?.grouped && total && (
        <div role="tablist" aria-label={r.views} className="results-tabs">
          {(['overview', 'knowledge'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              onClick={() => setTab(name)}
            >
              {name === 'overview' ? r.overview : r.knowledge}
            </button>
          ))}
        </div>
      )}
      {data?.grouped && total && tab === 'knowledge' && (
        <section id="panel-knowledge" role="tabpanel" aria-labelledby="tab-knowledge">
          <label className="results-field">
            {r.compareBy}{' '}
            <select value={data.grouped.by[0]} onChange={(event) => setDim(event.target.value)}>
              {groupings.map((g) => (
                <option key={g.name} value={g.name}>
                  {g.title}
                </option>
              ))}
            </select>
          </label>
          <KnowledgeTab
            slug={slug}
            release={data.cross.release}
            dim={data.grouped.by[0]}
            labels={labels}
          />
        </section>
      )}
      {data?.grouped && total && tab === 'overview' && (
        <div id="panel-overview" role="tabpanel" aria-labelledby="tab-overview">
          {'suppressed' in total && <p>{r.totalHidden}</p>}
          <section aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">{data.cross.by.map(labels.dimensionTitle).join(' × ')}</h2>
            <TablePicker groupings={groupings} by={by ?? data.cross.by} onChange={setBy} />
            <Heatmap data={data.cross} labels={labels} />
          </section>
          {groupings.length > 1 && (
            <label className="results-field">
              {r.groupChartsBy}{' '}
              <select value={data.grouped.by[0]} onChange={(event) => setDim(event.target.value)}>
                {groupings.map((g) => (
                  <option key={g.name} value={g.name}>
                    {g.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          {questions && (
            <>
              <section aria-labelledby="questions-title">
                <h2 id="questions-title">{r.questionsTitle}</h2>
                <QuestionCharts total={questions} grouped={data.grouped} labels={labels} />
              </section>
              <section aria-labelledby="options-title">
                <h2 id="options-title">{r.optionsTitle}</h2>
                <OptionTable total={questions} grouped={data.grouped} labels={labels} />
              </section>
              <section aria-labelledby="knowledge-title">
                <h2 id="knowledge-title">{r.knowledgeTitle}</h2>
                <KnowledgeTable total={questions} grouped={data.grouped} labels={labels} />
              </section>
            </>
          )}
        </div>
      )}
      {info && (
        <ExportPanel slug={slug} release={release} by={data?.cross.by} labelLang={locale} />
      )}
      {info && (
        <ReportPanel
          slug={slug}
          releases={info.releases}
          selected={release}
          isAdmin={user.role === 'admin'}
          publicUrl={info.survey.publicUrl}
        />
      )}
    </main>
  )
}
