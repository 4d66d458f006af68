// The links respondents get, built from this page's own address: the admin app is served by the
// same server (and origin) as the respondent pages. The downloaded CSV uses PUBLIC_URL instead,
// when it is set (server/domain/invitation-csv.ts).

export const respondentLink = (slug: string) => `${location.origin}/s/${slug}`

/** The code travels in the fragment (#code=), which browsers never send to a server. */
export const invitationLinkFormat = (slug: string, codePlaceholder: string) =>
  `${respondentLink(slug)}#code=${codePlaceholder}`
