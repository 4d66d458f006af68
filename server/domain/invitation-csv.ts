// RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/**
 * The download an admin distributes: one code per line, with a ready-to-send link when the
 * server knows its public address. The code sits in the link's fragment (#code=), which
 * browsers never send to a server, so it cannot reach an access log.
 */
export function invitationCsv(codes: string[], link?: (code: string) => string): string {
  const header = link ? ['code', 'link'] : ['code']
  const rows = codes.map((code) => (link ? [code, link(code)] : [code]))
  return [header, ...rows].map((row) => row.map(field).join(',') + '\r\n').join('')
}

export const invitationLink = (publicUrl: string, slug: string) => (code: string) =>
  `${publicUrl}/s/${slug}#code=${code}`
