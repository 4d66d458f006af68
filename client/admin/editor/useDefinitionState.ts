import { useState } from 'react'
import { readDefinition } from '../definitionText'
import { adoptTranslations } from './model/translations'
import type { Json } from './model/texts'

const toText = (definition: Json) => JSON.stringify(definition, null, 2)

/**
 * The definition as the visual editor sees it and as JSON text, kept in step: a visual edit
 * rewrites the text; typed text that parses as an object becomes the definition.
 */
export function useDefinitionState(initial: Json | null) {
  const [start] = useState(() => {
    const definition = initial ? adoptTranslations(initial) : null
    return { definition, text: definition ? toText(definition) : '' }
  })
  const [definition, setDefinition] = useState<Json | null>(start.definition)
  const [text, setTextState] = useState(start.text)
  const [history, setHistory] = useState<Json[]>([])
  // What "unsaved" is measured against; records adopted before any edit are not a change.
  const [baseline, setBaseline] = useState(start.text)

  const edit = (change: (definition: Json) => Json) => {
    const before = definition ?? { pages: [] }
    const next = change(before)
    setHistory((past) => [...past.slice(-99), before])
    setDefinition(next)
    setTextState(toText(next))
  }

  const setText = (next: string) => {
    setTextState(next)
    const read = readDefinition(next)
    if (read.kind === 'ok') {
      if (definition) setHistory((past) => [...past.slice(-99), definition])
      setDefinition(read.definition)
    }
  }

  const undo = () => {
    const previous = history.at(-1)
    if (!previous) return
    setHistory(history.slice(0, -1))
    setDefinition(previous)
    setTextState(toText(previous))
  }

  /** Untracked translations taken as made from today's source (no undo step: nothing visible). */
  const adopt = () => {
    if (!definition) return
    const adopted = adoptTranslations(definition)
    if (adopted === definition) return
    setDefinition(adopted)
    setTextState(toText(adopted))
    if (text === baseline) setBaseline(toText(adopted))
  }

  const parses = readDefinition(text).kind !== 'problem'
  return {
    definition,
    text,
    initialText: baseline,
    /** False while the JSON text has a syntax problem: the visual views wait for a fix. */
    parses,
    edit,
    setText,
    undo,
    adopt,
    canUndo: history.length > 0,
  }
}
