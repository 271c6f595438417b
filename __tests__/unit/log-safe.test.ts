import { describe, expect, it } from '@jest/globals'
import { workflowCommandsIn } from '../../harness/workflow-commands.js'
import { ProgressReporter } from '../../src/report/progress.js'
import { escapeForLog, escapeForSummary, quoteForLog, summaryHref } from '../../src/report/log-safe.js'
import { isInertText } from '../../src/netiks/values.js'

/** Names a pull request can put in a docs tree, each trying to become a command or a line. */
const HOSTILE = [
  '::warning::pwned',
  '::add-mask::x',
  '  ::error title=x::indented',
  'nl\n::error::pwned',
  'crlf\r\n::stop-commands::token',
  'cr\r::warning::pwned',
  'literal%0A::error::pwned',
  'legacy ##[warning]pwned',
  '##[add-mask]secret',
  '###[group]x',
  'nel\u0085::error::pwned',
  'ls\u2028::error::pwned',
  'ps\u2029::error::pwned',
  'esc\u001b[2Khidden',
  'bidi\u202egpj.exe',
  'tab\t::error::x',
  'nbsp\u00a0::error::x'
]

describe('escapeForLog', () => {
  it.each([
    ['dist/app.zip', 'dist/app.zip'],
    ["dist/with space/ünïcødé name '()+[]&.txt", "dist/with space/ünïcødé name '()+[]&.txt"],
    ['back\\slash "quoted".txt', 'back\\slash "quoted".txt'],
    ['C:/work/a.zip', 'C:/work/a.zip'],
    ['100%.txt', '100%25.txt'],
    ['literal%0A', 'literal%250A'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['a\tb', 'a%09b'],
    ['esc\u001b[31m', 'esc%1B[31m'],
    ['del\u007f', 'del%7F'],
    ['nel\u0085', 'nel%C2%85'],
    ['ls\u2028ps\u2029', 'ls%E2%80%A8ps%E2%80%A9'],
    ['rlo\u202e', 'rlo%E2%80%AE'],
    ['x ##[warning]y', 'x ##%5Bwarning]y'],
    ['####[group]', '####%5Bgroup]']
  ])('%j is written %j', (value, written) => {
    expect(escapeForLog(value)).toBe(written)
  })

  it('is read back exactly by decodeURIComponent', () => {
    let seed = 12
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const random = Array.from({ length: 200 }, () =>
      String.fromCodePoint(...Array.from({ length: 12 }, () => Math.floor(next() * 0x2100)))
    )
    for (const value of [...HOSTILE, ...random]) expect(decodeURIComponent(escapeForLog(value))).toBe(value)
  })

  it('keeps every hostile name on its line and out of every workflow command', () => {
    for (const name of HOSTILE) {
      for (const line of [`✓ ${escapeForLog(name)} (1 B) → asset 1`, `  • ${escapeForLog(name)}  1 B`]) {
        expect(line.split(/[\r\n\u2028\u2029\u0085]/)).toHaveLength(1)
        expect(workflowCommandsIn(line)).toEqual([])
      }
    }
  })

  it('writes what is not a string as text', () => {
    expect(escapeForLog(42)).toBe('42')
    expect(escapeForLog(undefined)).toBe('undefined')
  })
})

describe('quoteForLog', () => {
  it('quotes a name, writing a quote inside as %22', () => {
    expect(quoteForLog('a.zip')).toBe('"a.zip"')
    expect(quoteForLog('say "hi"\n.txt')).toBe('"say %22hi%22%0A.txt"')
    expect(decodeURIComponent(quoteForLog('say "hi"\n.txt').slice(1, -1))).toBe('say "hi"\n.txt')
  })
})

describe('escapeForSummary', () => {
  it('escapes HTML and keeps the value on one line, so the HTML block never ends early', () => {
    expect(escapeForSummary('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeForSummary(`a"b'c&d`)).toBe(`a&quot;b'c&amp;d`)
    expect(escapeForSummary('table\n\n# Markdown | heading')).toBe('table%0A%0A# Markdown | heading')
  })
})

describe('summaryHref', () => {
  it('links http and https URLs only, as the URL parser writes them', () => {
    expect(summaryHref('https://cdn.example/a b.zip?x=1&y="2"')).toBe('https://cdn.example/a%20b.zip?x=1&amp;y=%222%22')
    expect(summaryHref('http://127.0.0.1:8787/storage/a.zip')).toBe('http://127.0.0.1:8787/storage/a.zip')
    expect(summaryHref('javascript:alert(1)')).toBeUndefined()
    expect(summaryHref('data:text/html,<b>x</b>')).toBeUndefined()
    expect(summaryHref('not a url')).toBeUndefined()
  })
})

describe('progress lines', () => {
  it('escape the file name', () => {
    const file = {
      absolutePath: '/ws/x',
      relativePath: 'docs/nl\n::error::pwned',
      name: 'x',
      size: 100,
      contentType: 'text/plain'
    }
    let now = 0
    const lines: string[] = []
    const reporter = new ProgressReporter(
      [file],
      1000,
      written => lines.push(written),
      () => now
    )
    reporter.started(file)
    reporter.sent(file, 50)
    now = 1000
    reporter.report()
    const [line] = lines
    expect(lines).toHaveLength(1)
    expect(line).toMatch(/^↑ docs\/nl%0A::error::pwned: 50% of 100 B/)
    expect(workflowCommandsIn(line)).toEqual([])
  })
})

describe('workflowCommandsIn (the test harness reads commands as the runner does)', () => {
  it('finds modern commands after leading white space, and legacy ones anywhere', () => {
    const found = workflowCommandsIn(
      [
        '::warning title=a%3Ab::one%0Atwo',
        '   ::add-mask::x',
        '\u00a0::error::nbsp',
        'text ##[add-mask]y',
        '✓ ::not a command',
        '::no-second-separator'
      ].join('\n')
    )
    expect(found.map(command => [command.form, command.name, command.data])).toEqual([
      ['modern', 'warning', 'one\ntwo'],
      ['modern', 'add-mask', 'x'],
      ['modern', 'error', 'nbsp'],
      ['legacy', 'add-mask', 'y']
    ])
    expect(found[0].properties).toEqual({ title: 'a:b' })
  })
})

describe('isInertText', () => {
  it('refuses every hostile name: each would break a line or be a command if printed raw', () => {
    // Not refused: an escape that is already text, and a command that does not start the line.
    const inert = ['literal%0A::error::pwned', 'nbsp\u00a0::error::x']
    for (const name of HOSTILE.filter(name => !inert.includes(name))) {
      expect([name, isInertText(name)]).toEqual([name, false])
    }
  })

  it('refuses exactly the characters escapeForLog rewrites, but %', () => {
    for (let code = 0; code <= 0x2100; code++) {
      const char = String.fromCharCode(code)
      if (char === '%' || char === '#' || char === ':') continue
      expect([code, isInertText(`a${char}b`)]).toEqual([code, escapeForLog(char) === char])
    }
  })

  it('takes what only looks odd: %, a colon pair inside, # without [', () => {
    for (const text of ['100%', 'a::b', 'https://cdn.example/a%20b.txt#x', '## notes', 'text/plain; charset=utf-8']) {
      expect([text, isInertText(text)]).toEqual([text, true])
    }
  })
})
