/**
 * The lines of a step's output that a GitHub runner would read as workflow commands, found as
 * actions/runner finds them (ActionCommand.TryParseV2, then the legacy TryParse, on every line
 * of stdout): a line is a command when, after its leading white space, it starts with
 * `::name …::`, or when it holds `##[` anywhere (`##[add-mask]x` in the middle of a line is
 * still a command). Stricter than the runner where that is simpler: any name counts, not only
 * the registered ones, and lines are also split at U+2028, U+2029 and NEL.
 */
export interface WorkflowCommand {
  /** `::name::data`, or the legacy `##[name]data`. */
  form: 'modern' | 'legacy'
  name: string
  properties: Record<string, string>
  /** The data as the runner decodes it. */
  data: string
  line: string
}

/** Lines as .NET's ReadLine splits them (CR, LF, CRLF), and at Unicode's line separators too. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/
/** .NET's TrimStart (Char.IsWhiteSpace) and JavaScript's \s together. */
const LEADING_WHITE_SPACE = /^[\s\u0085]+/u

export function workflowCommandsIn(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  for (const line of stdout.split(LINE_BREAK)) {
    const command = parseModern(line) ?? parseLegacy(line)
    if (command) commands.push(command)
  }
  return commands
}

function parseModern(line: string): WorkflowCommand | undefined {
  const trimmed = line.replace(LEADING_WHITE_SPACE, '')
  if (!trimmed.startsWith('::')) return undefined
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return undefined
  const info = trimmed.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')) {
      const at = pair.indexOf('=')
      if (at > 0) properties[pair.slice(0, at)] = decode(pair.slice(at + 1), true)
    }
  }
  return { form: 'modern', name, properties, data: decode(trimmed.slice(end + 2), false), line }
}

function parseLegacy(line: string): WorkflowCommand | undefined {
  const start = line.indexOf('##[')
  if (start < 0) return undefined
  const close = line.indexOf(']', start)
  const info = close < 0 ? line.slice(start + 3) : line.slice(start + 3, close)
  const name = info.split(' ')[0]
  return { form: 'legacy', name, properties: {}, data: close < 0 ? '' : line.slice(close + 1), line }
}

/** The runner's unescaping: %0D, %0A, (%3A, %2C in properties,) then %25. */
function decode(text: string, property: boolean): string {
  let decoded = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n')
  if (property) decoded = decoded.replace(/%3A/g, ':').replace(/%2C/g, ',')
  return decoded.replace(/%25/g, '%')
}
