// The links respondents get. The server's PUBLIC_URL (the survey detail's `publicUrl`) when it
// is set, as in the downloaded CSV; else this page's own address, since the admin app is served
// by the same server (and origin) as the respondent pages.

export const linkBase = (publicUrl?: string) => publicUrl ?? location.origin

export const respondentLink = (slug: string, publicUrl?: string) =>
  `${linkBase(publicUrl)}/s/${slug}`

/** The code travels in the fragment (#code=), which browsers never send to a server. */
export const invitationLinkFormat = (slug: string, codePlaceholder: string, publicUrl?: string) =>
  `${respondentLink(slug, publicUrl)}#code=${codePlaceholder}`
