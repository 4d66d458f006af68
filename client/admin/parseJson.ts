import { currentMessages, fill } from './i18n'

export interface JsonProblem {
  message: string
  /** Where the text stops being JSON (UTF-16 offset), with its 1-based line and column. */
  at?: { offset: number; line: number; column: number }
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: JsonProblem }

/**
 * JSON.parse, plus where it failed: browsers word (and locate) their errors differently, and
 * Safari gives no position at all, so the position comes from a small scanner of our own.
 */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    const offset = errorOffset(text)
    if (offset === null) return { ok: false, problem: { message: String(error) } }
    const before = text.slice(0, offset).split('\n')
    const at = { offset, line: before.length, column: before[before.length - 1].length + 1 }
    return { ok: false, problem: { message: explain(text, offset), at } }
  }
}

function explain(text: string, offset: number): string {
  const t = currentMessages().definitionText
  const char = text[offset]
  if (char === undefined) return t.endsEarly
  if (char === '\n' || char === '\r') return t.lineBreak
  if ((char === '}' || char === ']') && text.slice(0, offset).trimEnd().endsWith(',')) {
    return fill(t.trailingComma, { char })
  }
  return char === '\t' ? t.tab : fill(t.unexpected, { char })
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const HEX = /[0-9a-fA-F]/

/**
 * The offset of the first character that is not valid JSON (text.length if it ends early), or
 * null when the scanner cannot tell (nesting too deep for the call stack).
 */
function errorOffset(text: string): number | null {
  let i = 0
  const fail = (): never => {
    throw new Stop()
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++
  }
  const expect = (char: string) => {
    if (text[i] !== char) fail()
    i++
  }
  const string = () => {
    expect('"')
    for (;;) {
      const char = text[i]
      if (char === undefined || char < ' ') fail()
      i++
      if (char === '"') return
      if (char !== '\\') continue
      if (text[i] === 'u') {
        i++
        for (let k = 0; k < 4; k++, i++) if (!HEX.test(text[i] ?? '')) fail()
      } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++
      else fail()
    }
  }
  const list = (close: string, item: () => void) => {
    i++
    space()
    if (text[i] === close) {
      i++
      return
    }
    for (;;) {
      item()
      space()
      if (text[i] !== ',') return expect(close)
      i++
      space()
    }
  }
  const value = (): void => {
    space()
    const char = text[i]
    if (char === '{') {
      return list('}', () => {
        string()
        space()
        expect(':')
        value()
      })
    }
    if (char === '[') return list(']', value)
    if (char === '"') return string()
    for (const word of ['true', 'false', 'null']) {
      if (char === word[0]) return [...word].forEach(expect)
    }
    NUMBER.lastIndex = i
    if (!NUMBER.exec(text)) fail()
    i = NUMBER.lastIndex
  }

  try {
    value()
    space()
    if (i < text.length) fail()
  } catch (error) {
    if (!(error instanceof Stop)) return null
  }
  return i
}

class Stop extends Error {}
