// One stylesheet inlined into every public page, so a page (and its download) is one file with
// no other request. The print rules make "Print" or "Save as PDF" a clean A4 document.
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #d0d4da; --accent: #0b5cad; --bar: #1f6fb2; --bar-bg: #e8edf3; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.page { max-width: 56rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
.topbar { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; border-bottom: 1px solid var(--line); padding-bottom: .5rem; margin-bottom: 1rem; }
.topbar .home { font-weight: 600; text-decoration: none; }
.langs { display: flex; gap: .25rem; list-style: none; margin: 0; padding: 0; }
.langs a, .langs span { display: inline-block; min-width: 2.75rem; min-height: 2.75rem; line-height: 2.75rem; text-align: center; border-radius: .4rem; }
.langs [aria-current] { background: var(--accent); color: #fff; font-weight: 600; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 .75rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-top: 2px solid var(--ink); padding-top: .75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
.lead { font-size: 1.1rem; }
.meta { color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: 1rem 0; }
.summary p { margin: 0 0 .75rem; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: .3rem; }
table { border-collapse: collapse; font-size: .9rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .5rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; }
thead th { vertical-align: bottom; text-align: left; font-weight: 600; background: #f4f6f9; }
td { text-align: right; font-variant-numeric: tabular-nums; }
tbody th { text-align: left; font-weight: normal; }
.hidden-cell { color: var(--muted); }
.total-row th, .total-row td, td.total, tr > td:last-child { font-weight: 600; }
.note { color: var(--muted); font-size: .95rem; }
.chart { margin: 1.25rem 0; padding: 0; }
.chart figcaption { font-weight: 600; margin-bottom: .5rem; }
.bars { list-style: none; margin: 0; padding: 0; }
.bars li { display: grid; grid-template-columns: minmax(8rem, 2fr) 3fr 8.5rem; gap: .25rem .75rem; align-items: center; padding: .2rem 0; }
.bar-track svg { display: block; width: 100%; height: .9rem; }
.bar-bg { fill: var(--bar-bg); }
.bar-fill { fill: var(--bar); }
.bar-value { font-variant-numeric: tabular-nums; white-space: nowrap; text-align: right; }
.chart-note { color: var(--muted); font-size: .9rem; margin: .25rem 0 0; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
.cards li { border: 1px solid var(--line); border-radius: .4rem; padding: .75rem 1rem; }
.cards a { font-weight: 600; }
footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 1rem; color: var(--muted); font-size: .9rem; }
.sr-only { position: absolute; left: 0; top: 0; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.langs li, td.hidden-cell { position: relative; }
@media (max-width: 40rem) {
  .bars li { grid-template-columns: 1fr 8.5rem; }
  .bar-label { grid-column: 1 / -1; }
  h1 { font-size: 1.4rem; }
  table { font-size: .8rem; }
  th, td { padding: .3rem .25rem; }
  /* Column heads wrap between words only ("Södra Finland"), so a crossed table fits a phone. */
  thead th + th { overflow-wrap: normal; }
  tbody th, thead th:first-child { overflow-wrap: anywhere; }
}
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .no-print, .topbar, .actions, footer { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; border-top: 0; padding-top: 0; margin-top: 0; }
  section.part { break-before: page; }
  .chart, figure, tr, .knowledge-score { break-inside: avoid; }
  .table-wrap { overflow: visible; border: 0; }
  table { font-size: 8pt; }
  thead { display: table-header-group; }
  th, td { padding: 1.5pt 3pt; }
  .bars li { grid-template-columns: 42% 1fr 8.5em; padding: 1pt 0; }
  .bar-label { grid-column: auto; }
  .bar-fill, .bar-bg, thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
