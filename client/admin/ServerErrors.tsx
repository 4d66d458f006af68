import type { ErrorDetail } from './api'

export interface Problem {
  message: string
  details?: ErrorDetail[]
}

/** Announced at once; the server's details (one per problem) as a list under its summary. */
export function ServerErrors({ problem, id }: { problem: Problem | null; id?: string }) {
  return (
    <div id={id} role="alert" className={problem ? 'error-box' : undefined}>
      {problem && (
        <>
          <p>{problem.message}</p>
          {problem.details && problem.details.length > 0 && (
            <ul>
              {problem.details.map((detail, index) => (
                <li key={index}>{detail.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
