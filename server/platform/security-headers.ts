import type { MiddlewareHandler } from 'hono'

/**
 * No inline or third-party script anywhere. Styles allow 'unsafe-inline' because SurveyJS injects
 * its theme variables in <style> elements at run time; data: images are its inline SVG icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

const ONE_YEAR = 365 * 24 * 60 * 60

export interface SecurityHeaderOptions {
  /** Believe X-Forwarded-Proto when deciding whether the request came over https. */
  trustProxy?: boolean
}

export const securityHeaders = ({ trustProxy = false }: SecurityHeaderOptions = {}): MiddlewareHandler =>
  async function securityHeaders(c, next) {
    await next()
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('X-Frame-Options', 'DENY')
    // A respondent's browser must not tell the next site which survey they came from.
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store')
    const forwarded = trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
    if (new URL(c.req.url).protocol === 'https:' || forwarded) {
      c.header('Strict-Transport-Security', `max-age=${ONE_YEAR}; includeSubDomains`)
    }
  }
