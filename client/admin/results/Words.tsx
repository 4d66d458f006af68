import { Fragment } from 'react'

/**
 * A header's text that wraps between words only: a word such as "Itä-Uusimaa" or
 * "Erikoissairaanhoito" stays whole on its line instead of breaking at its hyphen or inside it.
 * The spaces stay outside the unbreakable words: they are where lines may break.
 */
export function Words({ text }: { text: string }) {
  const words = text.split(/\s+/).filter(Boolean)
  return (
    <>
      {words.map((word, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className="word">{word}</span>
        </Fragment>
      ))}
    </>
  )
}
