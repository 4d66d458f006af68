// Names come from slugs and question names (dimensions), which admins choose freely.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f"\\/]/g
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
// RFC 6266 D: some clients percent-decode `filename`, so no % in the plain-ASCII fallback.
const NOT_PLAIN_ASCII = /[^\u0020-\u007e]|%/g
const MAX_BASE_LENGTH = 150

// RFC 8187 attr-char is narrower than encodeURIComponent's set: ' ( ) * must be escaped too.
const percentEncode = (text: string) =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )

/**
 * `attachment` with the file name as RFC 6266 asks: a plain-ASCII `filename="..."` for every
 * client and, when the name is not plain ASCII, `filename*=UTF-8''...` with the exact name. No
 * control character, quote, backslash or slash gets through, so a name cannot add a parameter,
 * a header line or a folder.
 */
export function attachment(baseName: string, extension: string): string {
  const base = [...baseName.replace(LONE_SURROGATE, '\ufffd')].slice(0, MAX_BASE_LENGTH).join('')
  const name = `${base}.${extension}`.replace(UNSAFE, '_')
  const fallback = name.replace(NOT_PLAIN_ASCII, '_')
  const header = `attachment; filename="${fallback}"`
  return fallback === name ? header : `${header}; filename*=UTF-8''${percentEncode(name)}`
}
