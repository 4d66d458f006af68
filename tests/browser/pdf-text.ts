import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of each page of a PDF (pdfjs-dist, Mozilla's PDF.js), for tests of printed pages. */
export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise
  try {
    const pages: string[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent()
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
          .join(''),
      )
    }
    return pages
  } finally {
    await pdf.destroy()
  }
}

/** The page size in points of page 1 (A4 is 595 x 842). */
export async function pdfPageSize(data: Uint8Array) {
  const pdf = await getDocument({ data, isEvalSupported: false }).promise
  try {
    const [, , width, height] = (await pdf.getPage(1)).view
    return { width, height }
  } finally {
    await pdf.destroy()
  }
}
