import * as core from '@actions/core'
import type { Inputs } from '../config/inputs.js'
import { countOf, formatBytes, formatSeconds, totalSize, withStop } from '../format.js'
import { errorMessage, type LocalFile } from '../model.js'
import { MAX_URL_REFRESHES } from '../transfer/expiry.js'
import type { TransferTracker, UploadOptions } from '../transfer/outcome.js'
import type { UploadPlan } from '../transfer/plan.js'
import { CappedWarnings, PerFileLines } from './log.js'
import { escapeForLog } from './log-safe.js'

/** Every `intervalMs`, a line for each transfer older than that, and for several files one of overall progress. */
export class ProgressReporter implements TransferTracker {
  private readonly active = new Map<LocalFile, { startedAt: number; bytes: number }>()
  private doneFiles = 0
  private doneBytes = 0
  private timer?: NodeJS.Timeout
  private startedAt?: number
  private totalBytes?: number

  constructor(
    private readonly files: LocalFile[],
    private readonly intervalMs: number,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now
  ) {}

  start(): void {
    this.startedAt = this.now()
    this.timer = setInterval(() => this.report(), this.intervalMs)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  started(file: LocalFile): void {
    this.active.set(file, { startedAt: this.now(), bytes: 0 })
  }

  sent(file: LocalFile, bytes: number): void {
    const transfer = this.active.get(file)
    if (transfer) transfer.bytes += bytes
  }

  finished(file: LocalFile): void {
    if (this.active.delete(file)) {
      this.doneFiles++
      this.doneBytes += file.size
    }
  }

  report(): void {
    const now = this.now()
    for (const [file, transfer] of this.active) {
      const elapsedMs = now - transfer.startedAt
      if (elapsedMs >= this.intervalMs) this.log(describeTransfer(file, transfer.bytes, elapsedMs))
    }
    if (this.files.length > 1) this.log(this.describeProgress(now - (this.startedAt ?? now)))
  }

  /** "Progress: 3400 of 10000 files (34%), …, about 9.7 s left": the longer of what the files and the bytes need. */
  private describeProgress(elapsedMs: number): string {
    const [doneFiles, totalFiles] = [this.doneFiles, this.files.length]
    const sentBytes = [...this.active.values()].reduce((sum, transfer) => sum + transfer.bytes, this.doneBytes)
    const totalBytes = (this.totalBytes ??= totalSize(this.files))
    const seconds = elapsedMs / 1000
    const percent = totalFiles === 0 ? 100 : Math.floor((doneFiles / totalFiles) * 100)
    const filesPerSecond = seconds > 0 ? doneFiles / seconds : 0
    const bytesPerSecond = seconds > 0 ? sentBytes / seconds : 0
    const leftMs = Math.max(
      filesPerSecond > 0 ? ((totalFiles - doneFiles) / filesPerSecond) * 1000 : Infinity,
      bytesPerSecond > 0 ? ((totalBytes - sentBytes) / bytesPerSecond) * 1000 : totalBytes > sentBytes ? Infinity : 0
    )
    const left = Number.isFinite(leftMs) ? `about ${formatSeconds(leftMs)} left` : 'time left unknown yet'
    const answers = totalFiles - doneFiles
    // Every byte sent: what is left is the server's answers, whose time the byte rate cannot tell.
    const end =
      sentBytes >= totalBytes && answers > 0
        ? `every byte sent, waiting for the answers of ${countOf(answers, 'file')}`
        : left
    return (
      `Progress: ${doneFiles} of ${countOf(totalFiles, 'file')} (${percent}%), ${formatBytes(sentBytes)} of ` +
      `${formatBytes(totalBytes)}, ${filesPerSecond.toFixed(filesPerSecond < 10 ? 1 : 0)} files/s, ` +
      `${formatBytes(Math.round(bytesPerSecond))}/s, ${end}.`
    )
  }
}

/** "dist/big.iso: 45% of 1.0 GiB, 85.3 MiB/s, about 6.4 s left"; once all is sent, no time left: only the answer is awaited. */
function describeTransfer(file: LocalFile, bytesSent: number, elapsedMs: number): string {
  const path = escapeForLog(file.relativePath)
  if (bytesSent >= file.size) {
    return `↑ ${path}: 100% of ${formatBytes(file.size)} sent in ${formatSeconds(elapsedMs)}, waiting for the server's answer`
  }
  const percent = Math.floor((bytesSent / file.size) * 100)
  const bytesPerSecond = elapsedMs > 0 ? bytesSent / (elapsedMs / 1000) : 0
  const left = bytesPerSecond > 0 ? formatSeconds(((file.size - bytesSent) / bytesPerSecond) * 1000) : 'unknown'
  return (
    `↑ ${path}: ${percent}% of ${formatBytes(file.size)}, ` +
    `${(bytesPerSecond / (1024 * 1024)).toFixed(1)} MiB/s, about ${left} left`
  )
}

type LineHooks = Required<Pick<UploadOptions, 'onConfirmed' | 'onRetry' | 'onUrlRefresh' | 'onFileChanged'>>

/** The transfer's per-file lines, as the run's hooks: shown up to a cap, then left to the progress lines. */
export function transferLines(): LineHooks & { close: () => void } {
  const confirmed = new PerFileLines('confirmed files')
  const retries = new PerFileLines('retries')
  const changed = new CappedWarnings('files that changed while they waited')
  return {
    onConfirmed: upload =>
      confirmed.line(
        () =>
          `✓ ${escapeForLog(upload.file.relativePath)} (${formatBytes(upload.file.size)}) → asset ${escapeForLog(upload.assetId)}`
      ),
    onRetry: (file, _step, retry, delayMs, error) =>
      retries.line(
        () =>
          `↻ ${escapeForLog(file.relativePath)}: ${escapeForLog(withStop(errorMessage(error)))} Retry ${retry} in ${formatSeconds(delayMs)}.`
      ),
    onUrlRefresh: ({ file, refresh }) =>
      retries.line(
        () =>
          `↻ ${escapeForLog(file.relativePath)}: S3 refused its presigned URL as expired; generating a fresh one ` +
          `(${refresh} of ${MAX_URL_REFRESHES}).`
      ),
    onFileChanged: (before, now) =>
      changed.warn(
        `File changed while it waited to be uploaded: ${escapeForLog(before.relativePath)} ` +
          `(${before.size} → ${now.size} bytes); sending it again as it is now.`
      ),
    close: () => {
      confirmed.close()
      retries.close()
      changed.close()
    }
  }
}

export function sayCancelling(signal: NodeJS.Signals): void {
  core.warning(
    `Received ${signal}: cancelling. Nothing new starts and bodies still being sent are aborted; ` +
      'requests already sent are given until the runner’s deadline to be answered.'
  )
}

export function transferTitle(inputs: Inputs, files: LocalFile[], plan: UploadPlan): string {
  return (
    `Upload ${countOf(files.length, 'file')} (${formatBytes(totalSize(files))}) to ${escapeForLog(inputs.baseUrl)} ` +
    `in ${plan.strategy} mode (${plan.reason}), ${inputs.concurrency} at a time`
  )
}
