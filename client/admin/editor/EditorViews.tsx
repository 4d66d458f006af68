import { useState, type ReactNode } from 'react'
import { useI18n } from '../i18n'
import { TranslationView } from './TranslationView'
import type { useDefinitionState } from './useDefinitionState'
import { VisualEditor } from './VisualEditor'

type View = 'questions' | 'translations' | 'json'

interface Props {
  state: ReturnType<typeof useDefinitionState>
  /** The JSON view (text area shown) or just its file upload (hidden). */
  json: (shown: boolean) => ReactNode
}

/** Questions, translations and JSON: three views of one definition. */
export function EditorViews({ state, json }: Props) {
  const { t } = useI18n()
  const [view, setView] = useState<View>('questions')
  const views: [View, string][] = [
    ['questions', t.tabQuestions],
    ['translations', t.tabTranslations],
    ['json', t.tabJson],
  ]
  const visual = view !== 'json'
  return (
    <div className="editor-views">
      <div className="editor-toolbar">
        <div className="segmented" role="group" aria-label={t.editorViews}>
          {views.map(([name, label]) => (
            <button
              key={name}
              type="button"
              aria-pressed={view === name}
              onClick={() => {
                if (name === 'translations') state.adopt()
                setView(name)
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="button" disabled={!state.canUndo} onClick={state.undo}>
          {t.undo}
        </button>
      </div>
      {visual && (!state.parses || !state.definition) && (
        <p className="error-box" role="alert">
          {t.fixJsonFirst}
        </p>
      )}
      {visual && state.parses && state.definition && view === 'questions' && (
        <VisualEditor definition={state.definition} edit={state.edit} />
      )}
      {visual && state.parses && state.definition && view === 'translations' && (
        <TranslationView definition={state.definition} edit={state.edit} />
      )}
      {json(view === 'json')}
    </div>
  )
}
