/** Records of confirmed, failed and unchanged files, as the report's tests build them. */
import path from 'node:path'
import type { ManifestEntry, UnchangedFile } from '../../src/manifest/manifest.js'
import type { ConfirmedUpload, FailedUpload, LocalFile } from '../../src/model.js'
import { sha256 } from './helpers.js'

export function localFile(relativePath: string, size = 10): LocalFile {
  return {
    absolutePath: `/ws/${relativePath}`,
    relativePath,
    name: path.posix.basename(relativePath),
    size,
    contentType: 'text/plain'
  }
}

export function confirmed(relativePath: string, possibleDuplicate = false): ConfirmedUpload {
  const file = localFile(relativePath)
  return {
    file,
    assetId: `id-${relativePath}`,
    recordedName: file.name,
    storageUrl: `https://cdn.example/${encodeURIComponent(relativePath)}`,
    contentType: file.contentType,
    sha256: sha256(relativePath),
    possibleDuplicate
  }
}

export function failed(relativePath: string, message = 'HTTP 500: boom', status: number | null = 500): FailedUpload {
  return { file: localFile(relativePath), step: 'put', status: status ?? undefined, message }
}

export function unchanged(relativePath: string): UnchangedFile {
  const entry: ManifestEntry = {
    name: path.posix.basename(relativePath),
    id: `old-${relativePath}`,
    storage_url: `https://cdn.example/old/${relativePath}`,
    sha256: sha256(`old ${relativePath}`),
    size: 10,
    content_type: 'text/plain',
    uploaded_at: '2025-01-01T00:00:00Z'
  }
  return { file: localFile(relativePath), entry }
}
