import type { OpenApiDocument } from './document.js'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

// `code` spans in descriptions, after escaping.
const inline = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>')

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1a1a1a; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
section { margin: 1.5rem 0; }
h3 { font-size: 1.05rem; margin-bottom: .25rem; }
.method { display: inline-block; min-width: 4.5rem; font: bold .85rem monospace; color: #fff; background: #255f85; padding: .1rem .4rem; border-radius: 3px; text-transform: uppercase; }
.method-post, .method-put { background: #6b4b00; }
.method-delete { background: #8a1c1c; }
code, pre { font-family: ui-monospace, monospace; font-size: .9rem; }
pre { background: #f4f4f4; padding: .5rem; overflow-x: auto; }
table { border-collapse: collapse; } th, td { text-align: left; padding: .2rem .6rem .2rem 0; vertical-align: top; }
.auth { color: #444; }
`

type Operation = OpenApiDocument['paths'][string][string]

function authText(security: Operation['security']) {
  const schemes = security.map((s) => Object.keys(s)[0])
  if (schemes.length === 0) return 'Public.'
  if (schemes.includes('apiToken')) return 'Signed in, or an API token (Authorization: Bearer).'
  return 'Signed in (session cookie) only.'
}

function parametersTable(op: Operation) {
  if (!('parameters' in op) || !op.parameters) return ''
  const rows = op.parameters.map((p) => {
    const schema = p.schema as Record<string, unknown>
    const values = Array.isArray(schema.enum) ? ` (${schema.enum.join(', ')})` : ''
    const description = 'description' in p && typeof p.description === 'string' ? p.description : ''
    return `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}${p.required ? ', required' : ''}</td><td>${inline(description + values)}</td></tr>`
  })
  return `<table><caption class="auth">Parameters</caption><tbody>${rows.join('')}</tbody></table>`
}

function body(op: Operation) {
  if (!('requestBody' in op) || !op.requestBody) return ''
  const content = op.requestBody.content as Record<string, { schema: unknown }>
  const json = content['application/json']
  if (!json) {
    const types = Object.keys(content).map((type) => `<code>${escape(type)}</code>`)
    return `<p>Request body: ${types.join(', ')}</p>`
  }
  const schema = json.schema
  return `<details><summary>Request body (JSON Schema)</summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`
}

function responses(op: Operation) {
  const items = Object.entries(op.responses).map(
    ([status, r]) => `<li><strong>${status}</strong>: ${inline((r as { description: string }).description)}</li>`,
  )
  return `<ul>${items.join('')}</ul>`
}

/** The reference page: plain HTML from the document, no script (the CSP allows none inline). */
export function renderReferencePage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>()
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const html = `<section id="${escape(op.operationId)}">
<h3><span class="method method-${method}">${method}</span> <code>${escape(path)}</code></h3>
<p>${inline(op.summary)}${'description' in op && op.description ? ` ${inline(op.description)}` : ''}</p>
<p class="auth">${authText(op.security)}</p>
${parametersTable(op)}${body(op)}${responses(op)}
</section>`
      const tag = op.tags[0]
      byTag.set(tag, [...(byTag.get(tag) ?? []), html])
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>\n${ops.join('\n')}`)
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · ${escape(doc.info.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>API reference</h1>
<p>${inline(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">OpenAPI ${escape(doc.openapi)} document</a>. Create API tokens in the <a href="/admin/tokens">admin app</a>.</p>
${sections.join('\n')}
</main>
</body>
</html>
`
}
