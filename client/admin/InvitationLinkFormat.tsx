import { useI18n } from './i18n'
import { invitationLinkFormat } from './links'

/** What each invited person's link looks like, so it can be written into a mail merge. */
export function InvitationLinkFormat({ slug, publicUrl }: { slug: string; publicUrl?: string }) {
  const { invitationLink: t } = useI18n().t
  const [before, after] = t.hint.split('{code}')
  return (
    <div className="invitation-link">
      <p>
        {t.label}: <code className="link-format">{invitationLinkFormat(slug, t.code, publicUrl)}</code>
      </p>
      <p className="hint">
        {before}
        <code>{t.code}</code>
        {after}
      </p>
    </div>
  )
}
