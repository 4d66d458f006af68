import { html, type HtmlEscapedString } from './html.js'

export interface Bar {
  label: string
  /** 0..1 of the chart's full length. */
  share: number
  /** The figure printed beside the bar, as the reader reads it. */
  text: string
}

/**
 * A horizontal bar chart: labels and figures are text (readable at any width, found by screen
 * readers and search), each bar a small inline SVG, so the chart needs no script, prints
 * sharply and stays legible on a phone.
 */
export function barChart(caption: string, bars: Bar[], note = ''): HtmlEscapedString {
  return html`<figure class="chart">
  <figcaption>${caption}</figcaption>
  <ul class="bars">
    ${bars.map(
      (bar) => html`<li>
      <span class="bar-label">${bar.label}</span>
      <span class="bar-track"
        ><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect x="0" y="0" width="100" height="10" class="bar-bg" />
          <rect x="0" y="0" width="${barWidth(bar.share)}" height="10" class="bar-fill" /></svg
      ></span>
      <span class="bar-value">${bar.text}</span>
    </li>`,
    )}
  </ul>
  ${note ? html`<p class="chart-note">${note}</p>` : ''}
</figure>`
}

/** Rounded so the markup stays small; a non-zero share keeps a visible sliver. */
const barWidth = (share: number) =>
  share <= 0 ? '0' : Math.max(0.5, Math.min(100, share * 100)).toFixed(1)
