import mime from 'mime-types'

export const FALLBACK_CONTENT_TYPE = 'application/octet-stream'

/** The media type for a file name, from its extension (mime-types' table); octet-stream when unknown. */
export function contentTypeFor(fileName: string): string {
  return mime.lookup(fileName) || FALLBACK_CONTENT_TYPE
}
