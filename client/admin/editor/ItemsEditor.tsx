import { LANGUAGE_NAMES, useI18n } from '../i18n'
import { itemsOf, readItem, type ItemList } from './model/items'
import type { At } from './model/operations'
import * as ops from './model/operations'
import { LANGS, readText, type Json, type Lang } from './model/texts'
import { RowActions } from './RowActions'
import type { Edit } from './VisualEditor'

interface Props {
  element: Json
  at: At
  list: ItemList
  source: Lang
  edit: Edit
}

/** A list of choices (or matrix rows or columns): stored value and its text in each language. */
export function ItemsEditor({ element, at, list, source, edit }: Props) {
  const { t } = useI18n()
  const items = itemsOf(element, list).map(readItem)
  const heading = list === 'choices' ? t.choices : list === 'rows' ? t.rows : t.columns
  const add = list === 'choices' ? t.addChoice : list === 'rows' ? t.addRow : t.addColumn
  const name = String(element.name)
  return (
    <fieldset className="items">
      <legend>{heading}</legend>
      {items.map((item, index) => {
        const what = `${heading} ${index + 1}`
        const key = `${name}.${list}.${item.value}`
        const ref = { at: 'item' as const, ...at, list, item: index }
        return (
          <div className="item-row" key={index}>
            <label className="text-field item-value">
              <span className="text-lang">{t.value}</span>
              <input
                type="text"
                value={item.value}
                aria-label={`${what}: ${t.value}`}
                onChange={(e) => edit((d) => ops.setItemValue(d, at, list, index, e.target.value))}
              />
            </label>
            {LANGS.map((lang) => (
              <label className="text-field" key={lang}>
                <span className="text-lang" aria-hidden="true">
                  {LANGUAGE_NAMES[lang]}
                </span>
                <input
                  type="text"
                  lang={lang}
                  value={readText(item.text, lang, source)}
                  aria-label={`${what} (${LANGUAGE_NAMES[lang]})`}
                  onChange={(e) => edit((d) => ops.setText(d, ref, key, lang, e.target.value))}
                />
              </label>
            ))}
            <RowActions
              what={what}
              first={index === 0}
              last={index === items.length - 1}
              onMove={(step) => edit((d) => ops.moveItem(d, at, list, index, index + step))}
              onDuplicate={() => edit((d) => ops.duplicateItem(d, at, list, index))}
              onDelete={() => edit((d) => ops.deleteItem(d, at, list, index))}
            />
          </div>
        )
      })}
      <button
        type="button"
        className="button"
        onClick={() => edit((d) => ops.addItem(d, at, list))}
      >
        {add}
      </button>
    </fieldset>
  )
}
