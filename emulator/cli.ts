/**
 * The emulator from the command line: `npm run emulator -- --help` prints every flag (USAGE below).
 * With --ready-file, once listening it writes a ReadyFile (JSON) there, for a parent that
 * started it on a free port (emulator/action) to learn where it listens.
 */
import { rename, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import type { ExternalS3Options } from './external-s3.js'
import type { ReadyFile } from './constants.js'
import { FAULT_ENDPOINTS, FAULT_KINDS, parseFaultSpec } from './faults.js'
import { EMULATOR_API_KEY, S3_DIALECTS, STATE_PATH, startEmulator, type S3Dialect } from './server.js'

const USAGE = `Usage: npm run emulator -- [options]

The local Netiks server: the Uploads API and an S3 for its presigned URLs, on loopback.
Every option can also be set in the environment as NETIKS_EMULATOR_<NAME> (upper case,
dashes as underscores; --always-fail as a comma-separated list; switches as true or false).

  --port N                 port to listen on (default 8787; 0 picks a free one)
  --host H                 address to listen on (default 127.0.0.1)
  --api-key KEY            the key the API accepts (default: the emulator's test key)
  --url-ttl SECONDS        how long presigned URLs stay valid (default 900)
  --data-dir DIR           where stored bytes are kept (default: a temporary folder,
                           removed on exit)
  --public-host NAME       the host name written into URLs instead of the listening
                           address (for clients that reach the emulator through a proxy)
  --faults SPEC            inject faults: rate=0..1,seed=N,endpoints=a+b,kinds=a+b,
                           slow-ms=MS,late-ms=MS,retry-after=SECONDS
                           endpoints: ${FAULT_ENDPOINTS.join(', ')}
                           kinds: ${FAULT_KINDS.join(', ')}
  --expired-batches N      the first N generate calls hand out already expired URLs
  --always-fail NAME       the PUT or single upload of this file name always fails with
                           a 500 (repeatable)
  --latency-ms MS          every API and S3 request waits MS before it is handled
  --throttle-kibps N       receive request bodies no faster than N KiB/s
  --s3-endpoint URL        presign for a real S3 instead (needs the three flags below)
  --s3-bucket NAME, --s3-access-key-id ID, --s3-secret-access-key SECRET, --s3-region R
  --s3-early-answer        refuse a PUT before reading its body, as S3 does
  --s3-dialect aws|radosgw an expired URL gets AWS S3's words or Ceph radosgw's
  --idempotency            honour Idempotency-Key on single uploads and confirms
                           (the real API publishes no such support)
  --ready-file PATH        once listening, write where (JSON) to PATH
  --quiet                  log no requests
  -h, --help               print this and exit
`

function wholeNumber(flag: string, text: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    throw new Error(`--${flag} needs a whole number, got "${text}"`)
  return value
}

function switchFromEnv(variable: string): boolean {
  const text = (process.env[variable] ?? '').trim().toLowerCase()
  if (['', '0', 'false', 'no', 'off'].includes(text)) return false
  if (['1', 'true', 'yes', 'on'].includes(text)) return true
  throw new Error(`${variable} needs true or false, got "${process.env[variable]}"`)
}

function dialect(text: string): S3Dialect {
  if (!(S3_DIALECTS as readonly string[]).includes(text)) {
    throw new Error(`--s3-dialect takes ${S3_DIALECTS.join(' or ')}, got "${text}"`)
  }
  return text as S3Dialect
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean)
}

/** The external S3 the flags name, if any; all of endpoint, bucket and keys, or none. */
function externalS3Of(values: Record<string, unknown>): ExternalS3Options | undefined {
  const [endpoint, bucket, accessKeyId, secretAccessKey] = [
    's3-endpoint',
    's3-bucket',
    's3-access-key-id',
    's3-secret-access-key'
  ].map(flag => values[flag] as string | undefined)
  if (endpoint === undefined) return undefined
  if (!bucket || !accessKeyId || !secretAccessKey) {
    throw new Error('--s3-endpoint needs --s3-bucket, --s3-access-key-id and --s3-secret-access-key too')
  }
  return { endpoint, bucket, accessKeyId, secretAccessKey, region: values['s3-region'] as string | undefined }
}

let emulator: Awaited<ReturnType<typeof startEmulator>>
let externalS3: ExternalS3Options | undefined
let modes: string[] = []
try {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.NETIKS_EMULATOR_PORT ?? '8787' },
      host: { type: 'string', default: process.env.NETIKS_EMULATOR_HOST ?? '127.0.0.1' },
      'api-key': { type: 'string', default: process.env.NETIKS_EMULATOR_API_KEY ?? EMULATOR_API_KEY },
      'url-ttl': { type: 'string', default: process.env.NETIKS_EMULATOR_URL_TTL ?? '900' },
      'data-dir': { type: 'string', default: process.env.NETIKS_EMULATOR_DATA_DIR },
      'public-host': { type: 'string', default: process.env.NETIKS_EMULATOR_PUBLIC_HOST },
      faults: { type: 'string', default: process.env.NETIKS_EMULATOR_FAULTS ?? '' },
      'expired-batches': { type: 'string', default: process.env.NETIKS_EMULATOR_EXPIRED_BATCHES ?? '0' },
      'always-fail': { type: 'string', multiple: true, default: splitList(process.env.NETIKS_EMULATOR_ALWAYS_FAIL) },
      'latency-ms': { type: 'string', default: process.env.NETIKS_EMULATOR_LATENCY_MS ?? '0' },
      'throttle-kibps': { type: 'string', default: process.env.NETIKS_EMULATOR_THROTTLE_KIBPS ?? '0' },
      's3-endpoint': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_ENDPOINT },
      's3-bucket': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_BUCKET },
      's3-access-key-id': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_ACCESS_KEY_ID },
      's3-secret-access-key': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_SECRET_ACCESS_KEY },
      's3-region': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_REGION },
      's3-early-answer': { type: 'boolean', default: switchFromEnv('NETIKS_EMULATOR_S3_EARLY_ANSWER') },
      's3-dialect': { type: 'string', default: process.env.NETIKS_EMULATOR_S3_DIALECT || 'aws' },
      idempotency: { type: 'boolean', default: switchFromEnv('NETIKS_EMULATOR_IDEMPOTENCY') },
      quiet: { type: 'boolean', default: false },
      'ready-file': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }

  externalS3 = externalS3Of(values)
  emulator = await startEmulator({
    port: wholeNumber('port', values.port),
    host: values.host,
    apiKeys: [values['api-key']],
    urlTtlSeconds: wholeNumber('url-ttl', values['url-ttl']),
    dataDir: values['data-dir'],
    publicHost: values['public-host'],
    faults: values.faults ? parseFaultSpec(values.faults) : undefined,
    expiredBatches: wholeNumber('expired-batches', values['expired-batches']),
    alwaysFail: values['always-fail'],
    latencyMs: wholeNumber('latency-ms', values['latency-ms']),
    throttleBytesPerSecond: wholeNumber('throttle-kibps', values['throttle-kibps']) * 1024 || undefined,
    s3EarlyAnswer: values['s3-early-answer'],
    s3Dialect: dialect(values['s3-dialect']),
    idempotency: values.idempotency,
    log: values.quiet ? undefined : line => console.log(line),
    externalS3
  })
  modes = [
    values['s3-early-answer'] ? 's3-early-answer' : '',
    values['s3-dialect'] === 'radosgw' ? 's3-dialect radosgw' : '',
    values.idempotency ? 'idempotency' : ''
  ].filter(Boolean)
  const readyFile = values['ready-file']
  if (readyFile) {
    const ready: ReadyFile = {
      pid: process.pid,
      url: emulator.url,
      apiKey: emulator.apiKey,
      stateUrl: `${emulator.url}${STATE_PATH}`,
      dataDir: emulator.store.dir
    }
    // Written whole, then renamed into place: a reader polling for it never sees half of it.
    await writeFile(`${readyFile}.partial`, JSON.stringify(ready))
    await rename(`${readyFile}.partial`, readyFile)
  }
} catch (error) {
  console.error(`netiks emulator: ${(error as Error).message} (--help lists the options)`)
  process.exit(2)
}

console.log(`Netiks emulator listening on ${emulator.url}`)
console.log(`  api-key:  ${emulator.apiKey}`)
console.log(`  state:    ${emulator.url}${STATE_PATH}`)
console.log(`  data dir: ${emulator.store.dir}`)
if (externalS3) console.log(`  S3:       ${externalS3.endpoint}/${externalS3.bucket} (external)`)
if (emulator.faultSpec) console.log(`  faults:   ${emulator.faultSpec}`)
if (modes.length > 0) console.log(`  modes:    ${modes.join(', ')}`)

const stop = (): void => {
  void emulator.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
