/** curl's arguments for one PUT of `file` to a presigned URL, as the benchmark times it. */
export function curlPutArgs(file: string, contentType: string, presignedUrl: string): string[] {
  return ['-sS', '-f', '-o', '/dev/null', '-T', file, '-H', `Content-Type: ${contentType}`, presignedUrl]
}
