// The baseline for submissions: the same stack (Hono on @hono/node-server) and the same JSON body,
// parsed and answered 201 without validating or storing anything.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const app = new Hono()
  .get('/api/surveys/:slug', (c) => c.json({ slug: c.req.param('slug') }))
  .post('/api/surveys/:slug/responses', async (c) => {
    await c.req.json()
    return c.json({ ok: true }, 201)
  })

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' })
process.on('SIGTERM', () => process.exit(0))
