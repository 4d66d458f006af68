import { PageHeading } from './PageHeading'
import { Link, paths } from './router'

/** A page that cannot be shown (unknown address, unknown survey, admins only). */
export function Missing({ title, body }: { title: string; body: string }) {
  return (
    <main className="page">
      <PageHeading>{title}</PageHeading>
      <p>{body}</p>
      <p>
        <Link href={paths.list}>Back to questionnaires</Link>
      </p>
    </main>
  )
}
