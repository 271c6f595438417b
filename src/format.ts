/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

/** Bytes per second over a duration: "15.5 MiB/s", or n/a for no time at all. */
export function formatRate(bytes: number, durationMs: number): string {
  return durationMs > 0 ? `${formatBytes(Math.round(bytes / (durationMs / 1000)))}/s` : 'n/a'
}

/** countOf(1, 'file') → "1 file"; countOf(3, 'file') → "3 files"; countOf(2, 'entry', 'entries') → "2 entries". */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`
}

/** The first few items and how many more: a message must stay readable with thousands of files. */
export function listSome(items: string[], shown = 20, separator = ', '): string {
  const more = items.length > shown ? ` and ${items.length - shown} more` : ''
  return `${items.slice(0, shown).join(separator)}${more}`
}

export function totalSize(files: ReadonlyArray<{ size: number }>): number {
  return files.reduce((sum, file) => sum + file.size, 0)
}

/** Code-unit order: the same on every runner, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function sortedByPath<T extends { file: { relativePath: string } }>(items: T[]): T[] {
  return [...items].sort((a, b) => compareText(a.file.relativePath, b.file.relativePath))
}

/** A stop is added unless the text ends with one (or with "…", where the server's words were cut). */
export function withStop(text: string): string {
  const trimmed = text.trimEnd()
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/** "1 of 3 files was", "2 of 3 files were": a count of a total, and the verb that agrees with the count. */
export function countOfTotal(count: number, total: number, noun: string): string {
  return `${count} of ${countOf(total, noun)} ${count === 1 ? 'was' : 'were'}`
}
