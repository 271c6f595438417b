import { percentEncode } from './values.js'

/**
 * What the Netiks backend's multipart parser (Django's, which DRF uses) does to a file name, and
 * how to write a part's headers so that it records exactly the name sent. Checked against Django
 * itself (__tests__/e2e/django-names.test.ts). Django:
 * - reads `filename="…"` as raw UTF-8 with `\\` and `\"` unescaped, but splits parameters at a
 *   `;` that follows an odd number of `"` characters, escaped or not, which loses the file;
 * - does not decode `%22` (the HTML form encoding of `"`, which RFC 7578 points to);
 * - reads RFC 5987 `filename*=UTF-8''…` (only with exactly two `'`), and when both are given
 *   keeps whichever comes last; busboy always prefers `filename*`;
 * - reads a part's headers from 1024 bytes, so sending both for every non-ASCII name would lose
 *   long names that raw UTF-8 alone carries;
 * - then html-unescapes the name (`&amp;` → `&`, `&copy2024` → `©2024`) and keeps what follows
 *   the last `/` or `\` (no encoding can save a name with a `\`).
 */

/**
 * Django reads a part's headers with one 1024-byte read that starts at the CRLF ending the
 * boundary line; a part whose headers do not fit is not taken as a file at all.
 */
const DJANGO_PART_HEADER_BYTES = 1024 - 2

export function filePartHeaders(fieldName: string, name: string, contentType: string): string {
  const headers = (filename: string): string =>
    `Content-Disposition: form-data; name="${fieldName}"; ${filename}\r\nContent-Type: ${contentType}\r\n\r\n`
  const withFallback = headers(formDataFilename(name))
  if (Buffer.byteLength(withFallback) <= DJANGO_PART_HEADER_BYTES) return withFallback
  // With a name the file system allows (255 bytes at most), only one that also carries
  // filename* gets here; the fallback is what Django ignores, so it goes.
  return headers(formDataFilename(name, false))
}

/**
 * The Content-Disposition filename parameter(s) for `name`: raw UTF-8 in a quoted `filename`
 * (what RFC 7578 and browsers send, and every server reads); and for a name with `"` or a
 * control character, which that cannot carry, the HTML form encoding as a fallback and the exact
 * name in a `filename*` after it, which RFC 7578 forbids but Django, busboy and Go's mime package read.
 */
function formDataFilename(name: string, fallback = true): string {
  const sent = escapeHtmlReferences(name)
  if (!Array.from(name).some(isUnquotable)) return `filename="${quotedPairs(sent)}"`
  const extended = `filename*=UTF-8''${encodeExtendedValue(sent)}`
  if (!fallback) return extended
  const htmlFormEncoded = Array.from(sent, char => (isUnquotable(char) ? percentEncode(char) : char)).join('')
  return `filename="${quotedPairs(htmlFormEncoded)}"; ${extended}`
}

/** What a quoted filename cannot carry to Django exactly: `"` (see above) and control characters. */
function isUnquotable(char: string): boolean {
  return char === '"' || char < ' ' || char === '\x7f'
}

function quotedPairs(text: string): string {
  return text.replace(/[\\"]/g, '\\$&')
}

/** RFC 5987 attr-char stays as it is; everything else is percent-encoded UTF-8. */
function encodeExtendedValue(text: string): string {
  return text.replace(/[^A-Za-z0-9!#$&+\-.^_`|~]/gu, percentEncode)
}

/**
 * The HTML entities Python's html.unescape decodes even without a closing `;` (and as the start
 * of a longer word: `&notes` → `¬es`), from Python's html.entities.html5.
 */
const BARE_ENTITIES = (
  'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT ' +
  'Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN ' +
  'Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar ' +
  'ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt ' +
  'iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ' +
  'ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 ' +
  'szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml'
).split(' ')

/**
 * An `&` that html.unescape would decode: a numeric reference, anything shaped like a named one
 * with its `;` (a few more than the real names: harmless, as `&amp;` reads back as `&`), or a
 * bare entity.
 */
const DECODED_AMPERSAND = new RegExp(
  `&(?=#[0-9]|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]{0,31};|${BARE_ENTITIES.join('|')})`,
  'g'
)

/** Django html-unescapes every uploaded file name: an `&` it would decode is sent as `&amp;`. */
function escapeHtmlReferences(name: string): string {
  return name.replace(DECODED_AMPERSAND, '&amp;')
}
