import path from 'node:path'
import { CONTENT_TYPES } from './content-types.generated.js'

export const FALLBACK_CONTENT_TYPE = 'application/octet-stream'

/**
 * The media type for a file name, from its extension; octet-stream when unknown. Looked up as
 * mime-types' `lookup` does (a name without a dot is taken as an extension: `json`, `README`),
 * in mime-types' own table generated at build time (tools/content-types.ts).
 */
export function contentTypeFor(fileName: string): string {
  const extension = path.extname(`x.${fileName}`).toLowerCase().slice(1)
  return CONTENT_TYPES.get(extension) ?? FALLBACK_CONTENT_TYPE
}
