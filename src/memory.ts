import v8 from 'node:v8'

/**
 * Keeps V8's young generation at its starting size. V8 grows it (to several tens of MiB) while
 * many new objects outlive a collection, which is exactly what building a list of 100,000
 * files does: measured, a dry run over 100,000 files peaked at 264 MiB with the default and at
 * 125 MiB with this, for no measurable change in time. The flag has been in V8 for years; an
 * unknown flag would only be ignored (with one line on stderr), never fail the run.
 */
export function keepYoungGenerationSmall(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1')
}
