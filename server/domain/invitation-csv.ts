import { csvLine } from '../exports/formats/csv.js'

/**
 * The download an admin distributes: one code per line, with a ready-to-send link when the
 * server knows its public address. The code sits in the link's fragment (#code=), which
 * browsers never send to a server, so it cannot reach an access log.
 */
export function invitationCsv(codes: string[], link?: (code: string) => string): string {
  const header = link ? ['code', 'link'] : ['code']
  const rows = codes.map((code) => (link ? [code, link(code)] : [code]))
  // The same quoting and formula neutralising as the exports (PUBLIC_URL comes from config).
  return [header, ...rows].map(csvLine).join('')
}

export const invitationLink = (publicUrl: string, slug: string) => (code: string) =>
  `${publicUrl}/s/${slug}#code=${code}`
