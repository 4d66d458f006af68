import { request } from 'node:http'

export interface Fetched {
  status: number
  /** Bytes of the body as sent, before any decompression. */
  wireBytes: number
  encoding: string
  body: Buffer
}

/** GET with a chosen Accept-Encoding, keeping the raw (compressed) body: fetch() would inflate it. */
export function getRaw(url: string, acceptEncoding: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const raw = Buffer.concat(chunks)
        resolve({
          status: res.statusCode ?? 0,
          wireBytes: raw.length,
          encoding: String(res.headers['content-encoding'] ?? 'identity'),
          body: raw,
        })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
