import { useI18n } from './i18n'
import { PageHeading } from './PageHeading'
import { Link, paths } from './router'

/** A page that cannot be shown (unknown address, unknown survey, admins only). */
export function Missing({ title, body }: { title: string; body: string }) {
  const { t } = useI18n()
  return (
    <main className="page">
      <PageHeading>{title}</PageHeading>
      <p>{body}</p>
      <p>
        <Link href={paths.list}>{t.backToList}</Link>
      </p>
    </main>
  )
}
