/** A place in a file: its byte offset (from 0) and its line (from 1). */
export interface Place {
  offset: number
  line: number
}

enum State {
  /** A value: at the top, after a colon, after a comma in an array. */
  Value,
  /** The first value of an array, or its end. */
  ValueOrClose,
  /** The first key of an object, or its end. */
  KeyOrClose,
  /** A key, after a comma in an object. */
  Key,
  Colon,
  /** A comma or the container's end. */
  AfterValue,
  String,
  Escape,
  Hex,
  Literal,
  Minus,
  Zero,
  Integer,
  Dot,
  Fraction,
  Exponent,
  ExponentSign,
  ExponentDigits,
  /** After the top value: only white space. */
  End
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const MINUS = 0x2d
const PLUS = 0x2b
const DOT = 0x2e
/** `"` `\` `/` `b` `f` `n` `r` `t`: what may follow a backslash, besides `u`. */
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74])
const LITERALS = new Map([
  [0x74, 'rue'],
  [0x66, 'alse'],
  [0x6e, 'ull']
])
/** The states in which a number may end. */
const NUMBER_ENDS = new Set([State.Zero, State.Integer, State.Fraction, State.ExponentDigits])

/**
 * Finds where a text, given in pieces of bytes, first departs from JSON's grammar (RFC 8259),
 * as JSON.parse would refuse it: the offset of the first byte that cannot be there, or the end
 * of a text cut short. It says where, never what: the text may be anything (a token file a link
 * points to), and what it holds must not reach the log. Bytes of 0x80 and above are taken
 * inside strings (as JSON.parse takes what UTF-8 decoding makes of them) and nowhere else.
 */
export class JsonSyntaxCheck {
  private state = State.Value
  /** The closing byte each open container waits for. */
  private readonly closers: number[] = []
  private inKey = false
  private hexLeft = 0
  private literal = ''
  private literalAt = 0
  private offset = 0
  private line = 1
  private departure: Place | undefined

  /** Checks the next bytes of the text; returns where it departs from JSON, once it has. */
  push(bytes: Uint8Array): Place | undefined {
    if (this.departure !== undefined) return this.departure
    for (const byte of bytes) {
      if (!this.step(byte)) {
        this.departure = { offset: this.offset, line: this.line }
        return this.departure
      }
      if (byte === 0x0a) this.line++
      this.offset++
    }
    return undefined
  }

  /** The text has ended: where it departs from JSON, or undefined when it is JSON. */
  end(): Place | undefined {
    if (this.departure !== undefined) return this.departure
    const complete = this.state === State.End || (this.closers.length === 0 && NUMBER_ENDS.has(this.state))
    return complete ? undefined : { offset: this.offset, line: this.line }
  }

  private step(byte: number): boolean {
    switch (this.state) {
      case State.String:
        if (byte === QUOTE) this.state = this.inKey ? State.Colon : this.afterValue()
        else if (byte === BACKSLASH) this.state = State.Escape
        return byte >= 0x20
      case State.Escape:
        if (byte === 0x75) {
          this.state = State.Hex
          this.hexLeft = 4
          return true
        }
        this.state = State.String
        return ESCAPES.has(byte)
      case State.Hex:
        if (--this.hexLeft === 0) this.state = State.String
        return isHex(byte)
      case State.Literal:
        if (byte !== this.literal.charCodeAt(this.literalAt)) return false
        if (++this.literalAt === this.literal.length) this.state = this.afterValue()
        return true
      case State.Minus:
      case State.Zero:
      case State.Integer:
      case State.Dot:
      case State.Fraction:
      case State.Exponent:
      case State.ExponentSign:
      case State.ExponentDigits:
        return this.number(byte)
      default:
        return isSpace(byte) || this.structure(byte)
    }
  }

  private structure(byte: number): boolean {
    switch (this.state) {
      case State.ValueOrClose:
        return byte === CLOSE_BRACKET ? this.close(byte) : this.startValue(byte)
      case State.Value:
        return this.startValue(byte)
      case State.KeyOrClose:
        if (byte === CLOSE_BRACE) return this.close(byte)
        return this.startKey(byte)
      case State.Key:
        return this.startKey(byte)
      case State.Colon:
        this.state = State.Value
        return byte === COLON
      case State.AfterValue:
        if (byte !== COMMA) return this.close(byte)
        this.state = this.closers.at(-1) === CLOSE_BRACE ? State.Key : State.Value
        return true
      default:
        return false
    }
  }

  private startKey(byte: number): boolean {
    this.inKey = true
    this.state = State.String
    return byte === QUOTE
  }

  private startValue(byte: number): boolean {
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      this.closers.push(byte === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)
      this.state = byte === OPEN_BRACE ? State.KeyOrClose : State.ValueOrClose
    } else if (byte === QUOTE) {
      this.inKey = false
      this.state = State.String
    } else if (byte === MINUS) this.state = State.Minus
    else if (byte === 0x30) this.state = State.Zero
    else if (isDigit(byte)) this.state = State.Integer
    else if (LITERALS.has(byte)) {
      this.literal = LITERALS.get(byte)!
      this.literalAt = 0
      this.state = State.Literal
    } else return false
    return true
  }

  private close(byte: number): boolean {
    if (this.closers.at(-1) !== byte) return false
    this.closers.pop()
    this.state = this.afterValue()
    return true
  }

  private afterValue(): State {
    return this.closers.length === 0 ? State.End : State.AfterValue
  }

  /** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; the byte after it is read as structure. */
  private number(byte: number): boolean {
    const digit = isDigit(byte)
    const exponent = byte === 0x65 || byte === 0x45
    switch (this.state) {
      case State.Minus:
        this.state = byte === 0x30 ? State.Zero : State.Integer
        return digit
      case State.Dot:
        this.state = State.Fraction
        return digit
      case State.Exponent:
        this.state = digit ? State.ExponentDigits : State.ExponentSign
        return digit || byte === PLUS || byte === MINUS
      case State.ExponentSign:
        this.state = State.ExponentDigits
        return digit
    }
    if (digit && this.state !== State.Zero) return true
    if (byte === DOT && (this.state === State.Zero || this.state === State.Integer)) this.state = State.Dot
    else if (exponent && this.state !== State.ExponentDigits) this.state = State.Exponent
    else {
      this.state = this.afterValue()
      return isSpace(byte) || this.structure(byte)
    }
    return true
  }
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39
}

function isHex(byte: number): boolean {
  return isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
}

/** JSON's white space: space, line feed, carriage return, tab. */
function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}
