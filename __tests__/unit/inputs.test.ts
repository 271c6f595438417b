import { afterEach, describe, expect, it } from '@jest/globals'
import { AssetNaming, Input, NoFileOption, UploadMode } from '../../src/config/constants.js'
import { InputError } from '../../src/model.js'
import { getInputs, getTuning } from '../../src/config/inputs.js'
import { setInputs } from '../support/helpers.js'

const KEY = 'ne-zwpVh1idj6InYwTWk866n1qrf'
let clear: () => void = () => undefined

function withInputs(inputs: Record<string, string>): void {
  clear()
  clear = setInputs(inputs)
}

afterEach(() => clear())

/** The base-url a run takes from these inputs. */
function parseBaseUrl(raw: string, allowInsecureHttp = false): string {
  withInputs({
    [Input.ApiKey]: KEY,
    [Input.Path]: 'a',
    [Input.BaseUrl]: raw,
    [Input.AllowInsecureHttp]: `${allowInsecureHttp}`
  })
  return getInputs().baseUrl
}

describe('getTuning', () => {
  it('defaults, and reads positive whole numbers from the environment', () => {
    const defaults = { stallTimeoutMs: 60000, retryBaseMs: 1000, progressIntervalMs: 10000 }
    expect(getTuning({})).toEqual(defaults)
    expect(
      getTuning({ NETIKS_STALL_TIMEOUT_MS: '1500', NETIKS_RETRY_BASE_MS: '20', NETIKS_PROGRESS_INTERVAL_MS: '250' })
    ).toEqual({ ...defaults, stallTimeoutMs: 1500, retryBaseMs: 20, progressIntervalMs: 250 })
    expect(getTuning({ NETIKS_STALL_TIMEOUT_MS: '-5', NETIKS_RETRY_BASE_MS: 'fast' })).toEqual(defaults)
    expect(getTuning({ NETIKS_STALL_TIMEOUT_MS: '0', NETIKS_PROGRESS_INTERVAL_MS: '1.5' })).toEqual(defaults)
  })
})

describe('getInputs', () => {
  it('needs no api-key for a dry run, and still checks one that is given', () => {
    withInputs({ [Input.Path]: 'dist', [Input.DryRun]: 'true' })
    expect(getInputs()).toMatchObject({ dryRun: true, apiKey: undefined, patterns: ['dist'] })
    withInputs({ [Input.Path]: 'dist', [Input.DryRun]: 'true', [Input.ApiKey]: `  ${KEY}\n` })
    expect(getInputs()).toMatchObject({ dryRun: true, apiKey: KEY })
    withInputs({ [Input.Path]: 'dist', [Input.DryRun]: 'true', [Input.ApiKey]: 'ne-abc def' })
    expect(() => getInputs()).toThrow(/api-key' contains white space/)
    withInputs({ [Input.Path]: 'dist', [Input.DryRun]: 'false' })
    expect(() => getInputs()).toThrow(/api-key' is empty.*set "dry-run: true" to see the plan, which needs no key/)
  })

  it('applies the defaults when only the required inputs are set', () => {
    withInputs({ [Input.ApiKey]: KEY, [Input.Path]: 'dist/*.zip' })
    expect(getInputs()).toEqual({
      apiKey: KEY,
      patterns: ['dist/*.zip'],
      mode: UploadMode.Auto,
      baseUrl: 'https://prod.backend.netikscloud.com',
      concurrency: 8,
      ifNoFilesFound: NoFileOption.Error,
      retries: 4,
      failFast: false,
      dryRun: false,
      assetName: AssetNaming.Basename,
      manifest: '',
      includeHiddenFiles: false
    })
  })

  it('reads every input', () => {
    withInputs({
      [Input.ApiKey]: `  ${KEY}\n`,
      [Input.Path]: 'dist/**/*.zip\n\n  !dist/**/*.tmp  \n# a comment\nREADME.md\n',
      [Input.Mode]: 'Bulk',
      [Input.BaseUrl]: 'http://127.0.0.1:8787/',
      [Input.Concurrency]: '64',
      [Input.IfNoFilesFound]: 'warn',
      [Input.Retries]: '0',
      [Input.FailFast]: 'true',
      [Input.DryRun]: 'TRUE',
      [Input.AssetName]: 'relative',
      [Input.Manifest]: ' .netiks/manifest.json ',
      [Input.Shard]: '2/3',
      [Input.IncludeHiddenFiles]: 'true'
    })
    expect(getInputs()).toEqual({
      apiKey: KEY,
      patterns: ['dist/**/*.zip', '!dist/**/*.tmp', 'README.md'],
      mode: UploadMode.Bulk,
      baseUrl: 'http://127.0.0.1:8787',
      concurrency: 64,
      ifNoFilesFound: NoFileOption.Warn,
      retries: 0,
      failFast: true,
      dryRun: true,
      assetName: AssetNaming.Relative,
      manifest: '.netiks/manifest.json',
      shard: { index: 2, total: 3 },
      includeHiddenFiles: true
    })
  })

  it('keeps a base-url path prefix', () => {
    withInputs({ [Input.ApiKey]: KEY, [Input.Path]: 'a', [Input.BaseUrl]: 'https://proxy.example/netiks//' })
    expect(getInputs().baseUrl).toBe('https://proxy.example/netiks')
  })

  it.each([
    ['empty api-key', { [Input.ApiKey]: '  ' }, /api-key' is empty.*secrets\.NETIKS_API_KEY/],
    ['api-key with a space', { [Input.ApiKey]: 'ne-abc def' }, /api-key' contains white space/],
    ['empty path', { [Input.Path]: '\n  \n' }, /path' has no pattern to include/],
    ['only exclusions', { [Input.Path]: '!dist/*.tmp' }, /path' has no pattern to include/],
    ['unknown mode', { [Input.Mode]: 'fast' }, /mode' must be one of auto, single, bulk; got "fast"/],
    ['concurrency 0', { [Input.Concurrency]: '0' }, /concurrency' must be a whole number from 1 to 64, got "0"/],
    ['concurrency 65', { [Input.Concurrency]: '65' }, /from 1 to 64, got "65"/],
    ['concurrency abc', { [Input.Concurrency]: 'abc' }, /got "abc"/],
    ['concurrency 2.5', { [Input.Concurrency]: '2.5' }, /got "2.5"/],
    ['concurrency -3', { [Input.Concurrency]: '-3' }, /got "-3"/],
    ['base-url not a URL', { [Input.BaseUrl]: 'prod.backend' }, /base-url' is not a URL/],
    ['base-url ftp', { [Input.BaseUrl]: 'ftp://host/' }, /must be an http or https URL, not ftp:/],
    ['base-url with a query', { [Input.BaseUrl]: 'https://h/?x=1' }, /must not carry credentials, a query/],
    ['base-url with credentials', { [Input.BaseUrl]: 'https://u:p@h/' }, /must not carry credentials/],
    ['retries -1', { [Input.Retries]: '-1' }, /retries' must be a whole number from 0 to 10, got "-1"/],
    ['retries x', { [Input.Retries]: 'x' }, /retries' must be a whole number from 0 to 10, got "x"/],
    ['retries 11', { [Input.Retries]: '11' }, /from 0 to 10, got "11"/],
    ['fail-fast maybe', { [Input.FailFast]: 'maybe' }, /fail-fast' must be true or false, got "maybe"/],
    ['shard 3/3', { [Input.Shard]: '3/3' }, /shard' must be INDEX\/TOTAL such as 0\/4 .*; got "3\/3": INDEX must/],
    ['shard 1-of-4', { [Input.Shard]: '1 of 4' }, /shard' must be INDEX\/TOTAL .*; got "1 of 4"\./],
    [
      'unknown if-no-files-found',
      { [Input.IfNoFilesFound]: 'fail' },
      /if-no-files-found' must be one of error, warn, ignore/
    ]
  ])('rejects %s with an InputError that says what to do', (_name, bad, message) => {
    withInputs({ [Input.ApiKey]: KEY, [Input.Path]: 'dist', ...bad })
    expect(() => getInputs()).toThrow(InputError)
    expect(() => getInputs()).toThrow(message)
  })

  it('never puts the api key in an error message', () => {
    withInputs({ [Input.ApiKey]: `${KEY} x`, [Input.Path]: 'dist' })
    expect(() => getInputs()).toThrow(InputError)
    try {
      getInputs()
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY)
    }
  })
})

describe('base-url: plain http only to this machine, unless allow-insecure-http is true', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.1:8787/', 'http://127.0.0.1:8787'],
    ['http://0x7f.1', 'http://127.0.0.1'],
    ['http://127.255.0.9', 'http://127.255.0.9'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
    ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
    ['http://[::ffff:127.0.0.1]:8787', 'http://[::ffff:7f00:1]:8787'],
    ['http://LOCALHOST:8787', 'http://localhost:8787'],
    ['http://localhost/netiks/', 'http://localhost/netiks']
  ])('takes %s, which is this machine', (raw, parsed) => {
    expect(parseBaseUrl(raw)).toBe(parsed)
  })

  it.each([
    // A name that resolves to 127.0.0.1 today is still looked up in DNS, which can change it.
    'http://127.0.0.1.nip.io:8787',
    // Not in the hosts file: looked up in DNS like any other name.
    'http://localhost.:8787',
    'http://api.localhost',
    'http://10.0.0.5',
    'http://[::ffff:10.0.0.5]',
    'http://[::]',
    'http://0.0.0.0',
    'http://netiks.internal'
  ])('refuses %s, naming why and the input that allows it', raw => {
    expect(() => parseBaseUrl(raw)).toThrow(InputError)
    expect(() => parseBaseUrl(raw)).toThrow(
      /is plain http to .*, which is not this machine: the api key would travel unencrypted.*"allow-insecure-http: true"/
    )
    expect(parseBaseUrl(raw, true)).toBe(new URL(raw).href.replace(/\/+$/, ''))
  })

  it('reads allow-insecure-http as a boolean input', () => {
    withInputs({ [Input.ApiKey]: KEY, [Input.Path]: 'a', [Input.BaseUrl]: 'http://netiks.internal:8000' })
    expect(() => getInputs()).toThrow(/allow-insecure-http: true/)
    withInputs({
      [Input.ApiKey]: KEY,
      [Input.Path]: 'a',
      [Input.BaseUrl]: 'http://netiks.internal:8000',
      [Input.AllowInsecureHttp]: 'true'
    })
    expect(getInputs().baseUrl).toBe('http://netiks.internal:8000')
    withInputs({ [Input.ApiKey]: KEY, [Input.Path]: 'a', [Input.AllowInsecureHttp]: 'yes' })
    expect(() => getInputs()).toThrow(/allow-insecure-http' must be true or false, got "yes"/)
  })

  it('refuses a dry run with such a base-url too: the same workflow will upload with it', () => {
    withInputs({ [Input.Path]: 'a', [Input.DryRun]: 'true', [Input.BaseUrl]: 'http://netiks.internal' })
    expect(() => getInputs()).toThrow(/not this machine/)
  })
})

describe('base-url: the URL the /api/v1/ paths follow, never holding /api/v1', () => {
  it.each(['https://prod.backend.netikscloud.com/api/v1', 'https://h/api/v1/', 'https://h/netiks/API/v1/assets/'])(
    'refuses %s, saying the action adds /api/v1 itself',
    raw => {
      expect(() => parseBaseUrl(raw)).toThrow(/holds \/api\/v1 .*: give the URL without it, as the action adds/)
    }
  )

  it('keeps a path that merely starts like it', () => {
    expect(parseBaseUrl('https://h/api/v10')).toBe('https://h/api/v10')
    expect(parseBaseUrl('https://h/apiv1')).toBe('https://h/apiv1')
  })
})
