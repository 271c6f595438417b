import v8 from 'node:v8'

/**
 * Tunes V8's garbage collector for a run that keeps one small record per file for minutes,
 * so that memory follows what is alive rather than what was allocated:
 *
 * - the young generation stays at its starting size: V8 grows it to several tens of MiB while
 *   many new objects outlive a collection, which is what building a list of 100,000 files
 *   does (a dry run over 100,000 files peaked at 264 MiB with the default, 129 MiB with this).
 *   V8 then collects it six or seven times as often (10,000 files: 394 young collections
 *   against 60), yet the CPU per file measured within the noise of the default's
 *   (bench/cpu-study.ts, interleaved, at 1,000 and 10,000 files);
 * - the old generation may grow to 1.25 times what was alive after a full collection, not up
 *   to 4 times (100,000 files uploaded, concurrency 8: 270 MiB with the default, 136–139 MiB
 *   with this, 145–152 MiB at 1.5 times; see `npm run bench`).
 *
 * Both flags have been in V8 for years and can be set while it runs; an unknown flag would be
 * ignored with one line of output, never fail the run.
 */
export function tuneGarbageCollector(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1')
  v8.setFlagsFromString('--heap-growing-percent=25')
}
