import { useState, type ChangeEvent, type RefObject } from 'react'
import type { TextProblem } from './definitionText'
import { fill, useI18n } from './i18n'

// The server refuses bodies over 1 MiB; a file near that is not a questionnaire anyway.
const MAX_FILE_BYTES = 1024 * 1024

interface Props {
  text: string
  onText: (text: string, fileName?: string) => void
  /** Shown under the text area once typing pauses. */
  problem: TextProblem | null
  textareaRef: RefObject<HTMLTextAreaElement | null>
  /** The text area only in the JSON view; the file upload in every view. */
  textShown?: boolean
}

/** The definition as text: pasted or typed, or read from a .json file (nothing is uploaded). */
export function DefinitionSource({ text, onText, problem, textareaRef, textShown = true }: Props) {
  const { t } = useI18n()
  const d = t.definitionText
  const [fileNote, setFileNote] = useState<string | null>(null)

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target
    const file = input.files?.[0]
    input.value = '' // the same file can be chosen again after editing the text
    if (!file) return
    if (file.size > MAX_FILE_BYTES) return setFileNote(fill(d.fileTooLarge, { file: file.name }))
    const reader = new FileReader()
    reader.onload = () => {
      // Editors on Windows often start files with a byte-order mark, which JSON.parse refuses.
      onText(String(reader.result).replace(/^\uFEFF/, ''), file.name)
      setFileNote(fill(d.fileLoaded, { file: file.name }))
    }
    reader.onerror = () => setFileNote(fill(d.fileUnreadable, { file: file.name }))
    reader.readAsText(file)
  }

  const showProblem = () => {
    const element = textareaRef.current
    if (!element || problem?.offset === undefined) return
    element.focus()
    element.setSelectionRange(problem.offset, problem.offset + 1)
  }

  return (
    <div className="definition-source">
      <label htmlFor="definition-file">{t.uploadJson}</label>
      <input
        id="definition-file"
        type="file"
        accept=".json,application/json"
        onChange={readFile}
        aria-describedby="file-note"
      />
      <p id="file-note" role="status" className="hint">
        {fileNote}
      </p>
      {textShown && (
        <JsonText {...{ text, onText, problem, textareaRef, showProblem, label: t.jsonLabel }} />
      )}
    </div>
  )
}

interface TextProps extends Omit<Props, 'textShown'> {
  showProblem: () => void
  label: string
}

function JsonText({ text, onText, problem, textareaRef, showProblem, label }: TextProps) {
  const d = useI18n().t.definitionText
  return (
    <>
      <label htmlFor="definition-text">{label}</label>
      <p id="definition-hint" className="hint">
        {d.hint}
      </p>
      <textarea
        id="definition-text"
        ref={textareaRef}
        value={text}
        onChange={(event) => onText(event.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        rows={22}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'definition-hint json-problem' : 'definition-hint'}
      />
      <div id="json-problem" role="alert" className={problem ? 'error-box' : undefined}>
        {problem && (
          <p>
            {problem.message}{' '}
            {problem.offset !== undefined && (
              <button type="button" className="link-button" onClick={showProblem}>
                {d.showInText}
              </button>
            )}
          </p>
        )}
      </div>
    </>
  )
}
