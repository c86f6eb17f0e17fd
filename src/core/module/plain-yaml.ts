// A strict reader for the plain YAML that `promptpm init`, our registry generator and common tools write:
// block mappings and sequences (compact `- key: value` items, indentless sequences), plain and one-line
// quoted scalars, one-line flow sequences and mappings of scalars, comments and blank lines. It returns
// exactly the value the module loader's YAML 1.1 parse gives (parseYamlManifest in source-yaml.ts, see
// docs/module-format.md), or NOT_PLAIN for anything outside that subset — anchors, aliases, tags, block
// and multi-line scalars, tabs, CR, duplicate or non-string keys, odd indentation, document markers,
// `?` keys, merge keys, numeric forms other than plain decimals — so the caller uses the full parser.
// It never guesses: test/core/module/plain-yaml.property.test.ts compares it with the loader.

export const NOT_PLAIN: unique symbol = Symbol('not plain YAML');

/** Thrown inside the reader when the text leaves the subset; caught once at the top. */
class NotPlain {}
const notPlain = new NotPlain();
function fail(): never {
  throw notPlain;
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const MAX_KEY_LENGTH = 1024;

// PyYAML's YAML 1.1 words (the loader narrows the `yaml` library's booleans to these): y/n stay text.
const WORDS = new Map<string, boolean | null>();
for (const [words, value] of [
  ['yes Yes YES true True TRUE on On ON', true],
  ['no No NO false False FALSE off Off OFF', false],
  ['~ null Null NULL', null],
] as const) {
  for (const w of words.split(' ')) WORDS.set(w, value);
}
// Plain decimals, resolved the way the `yaml` library's 1.1 int and float tags resolve them.
const DECIMAL_INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
const DECIMAL_FLOAT = /^[-+]?[0-9]+\.[0-9]+$/;
// Every other typed plain scalar of the 1.1 schema (binary, octal, hex, `_` separators, sexagesimal,
// exponents, .inf/.nan, timestamps, merge keys) is left to the full parser.
const OTHER_TYPED = [
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/,
  /^<<$/,
];
/** First characters of every typed plain scalar that is not a word: 0-9 + - . < e E. */
const mayBeTyped = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2b || c === DASH || c === 0x2e || c === 0x3c || c === 0x65 || c === 0x45;

/** First characters of PyYAML's boolean and null words. */
const mayBeWord = (c: number) => c === 0x79 || c === 0x59 || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46 || c === 0x6f || c === 0x4f || c === 0x7e;

function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if (s.length <= 5 && mayBeWord(c)) {
    const word = WORDS.get(s);
    if (word !== undefined) return word;
  }
  if (!mayBeTyped(c)) return s;
  if (DECIMAL_INT.test(s)) {
    const n = parseInt(c === DASH || c === 0x2b ? s.slice(1) : s, 10);
    return c === DASH ? -1 * n : n;
  }
  if (DECIMAL_FLOAT.test(s)) return parseFloat(s);
  for (const re of OTHER_TYPED) if (re.test(s)) fail();
  return s;
}

// Printable ASCII and line feeds: most manifests, checked by one native scan.
const NOT_PRINTABLE_ASCII = /[^\n\x20-\x7e]/;

/** Every character is printable and on one line; no tab, CR, BOM, C1 control or Unicode line break. */
function checkCharacters(text: string): void {
  if (!NOT_PRINTABLE_ASCII.test(text)) return;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= SPACE && c < 0x7f) continue;
    if (c === 0x0a) continue;
    if (c < 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) fail();
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) fail();
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) fail();
  }
}

const DQ_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
/** Characters that may not start a plain scalar (`-`, `?`, `:` may, before a safe character), as a table. */
const INDICATORS = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`') INDICATORS[c.charCodeAt(0)] = 1;

/** What a plain scalar in a flow collection stops at (`:` and the flow indicators), or must look at (`#`), as a table. */
const FLOW_STOPS = new Uint8Array(128);
for (const c of ':,[]{}#') FLOW_STOPS[c.charCodeAt(0)] = 1;

interface Scanned {
  value: unknown;
  /** Index just past the scalar (quoted: past the closing quote; plain: past its last non-space). */
  end: number;
}

class Reader {
  private readonly lines: string[] = [];
  private readonly indents: number[] = [];
  private row = 0;

  constructor(text: string) {
    for (const line of text.split('\n')) {
      let ind = 0;
      while (line.charCodeAt(ind) === SPACE) ind++;
      if (ind === line.length || line.charCodeAt(ind) === HASH) continue;
      if (ind === 0 && (line.startsWith('---') || line.startsWith('...'))) fail();
      this.lines.push(line);
      this.indents.push(ind);
    }
  }

  document(): unknown {
    if (this.lines.length === 0) fail();
    const root = this.blockValue(-1, false);
    if (this.row !== this.lines.length) fail();
    return root;
  }

  private isDash(line: string, col: number): boolean {
    return line.charCodeAt(col) === DASH && (col + 1 === line.length || line.charCodeAt(col + 1) === SPACE);
  }

  /** The value of a key or item whose line ended after it: a nested block, or null when none follows. */
  private blockValue(parent: number, indentlessSequence: boolean): unknown {
    if (this.row >= this.lines.length) return null;
    const ind = this.indents[this.row]!;
    if (this.isDash(this.lines[this.row]!, ind)) {
      return ind > parent || (indentlessSequence && ind === parent) ? this.sequence(ind) : null;
    }
    return ind > parent ? this.mapping(ind, ind) : null;
  }

  /** A block mapping at `indent`; its first key starts at column `col` of the current row. */
  private mapping(indent: number, col: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.row]!;
      const key = this.key(line, col, false) ?? fail();
      if (key.name === '__proto__' || Object.hasOwn(map, key.name)) fail();
      const at = skipSpaces(line, key.end);
      if (endsLine(line, at)) {
        this.row++;
        map[key.name] = this.blockValue(indent, true);
      } else {
        map[key.name] = this.inlineValue(line, at);
        this.row++;
      }
      if (this.row >= this.lines.length) return map;
      const ind = this.indents[this.row]!;
      if (ind < indent) return map;
      if (ind > indent || this.isDash(this.lines[this.row]!, ind)) fail();
      col = ind;
    }
  }

  private sequence(indent: number): unknown[] {
    const seq: unknown[] = [];
    for (;;) {
      const line = this.lines[this.row]!;
      const at = skipSpaces(line, indent + 1);
      if (endsLine(line, at)) {
        this.row++;
        seq.push(this.blockValue(indent, false));
      } else if (this.isDash(line, at)) {
        fail();
      } else if (this.key(line, at, false)) {
        seq.push(this.mapping(at, at));
      } else {
        seq.push(this.inlineValue(line, at));
        this.row++;
      }
      if (this.row >= this.lines.length) return seq;
      const ind = this.indents[this.row]!;
      if (ind > indent) fail();
      if (ind < indent || !this.isDash(this.lines[this.row]!, ind)) return seq;
    }
  }

  /** A key at `at` with its `:` (followed by a space or the line's end), or null when the text there is no key. */
  private key(line: string, at: number, flow: boolean): { name: string; end: number } | null {
    let name: unknown;
    let end: number;
    const c = line.charCodeAt(at);
    if (c === 0x5b || c === 0x7b) return null;
    if (c === 0x27 || c === 0x22) {
      const quoted = quotedScalar(line, at);
      name = quoted.value;
      end = skipSpaces(line, quoted.end);
    } else {
      end = plainEnd(line, at, flow);
      if (line.charCodeAt(end) !== COLON) return null;
      name = resolvePlain(line.slice(at, trimEnd(line, at, end)));
    }
    if (line.charCodeAt(end) !== COLON) return null;
    if (end + 1 < line.length && line.charCodeAt(end + 1) !== SPACE) return null;
    if (typeof name !== 'string' || end - at > MAX_KEY_LENGTH) fail();
    return { name, end: end + 1 };
  }

  /** A value that starts on its key's or dash's line and ends with it (an optional comment after). */
  private inlineValue(line: string, at: number): unknown {
    const c = line.charCodeAt(at);
    let scanned: Scanned;
    if (c === 0x5b || c === 0x7b) scanned = this.flow(line, at);
    else if (c === 0x27 || c === 0x22) scanned = quotedScalar(line, at);
    else {
      const stop = plainEnd(line, at, false);
      if (line.charCodeAt(stop) === COLON) fail();
      const end = trimEnd(line, at, stop);
      scanned = { value: resolvePlain(line.slice(at, end)), end };
    }
    endOfLine(line, scanned.end);
    return scanned.value;
  }

  /** A one-line flow sequence or mapping of scalars. */
  private flow(line: string, at: number): Scanned {
    const isMap = line.charCodeAt(at) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const out: unknown[] | Record<string, unknown> = isMap ? {} : [];
    let i = skipSpaces(line, at + 1);
    if (line.charCodeAt(i) === close) return { value: out, end: i + 1 };
    for (;;) {
      if (isMap) {
        const key = this.key(line, i, true) ?? fail();
        const map = out as Record<string, unknown>;
        if (key.name === '__proto__' || Object.hasOwn(map, key.name)) fail();
        const item = flowScalar(line, skipSpaces(line, key.end));
        map[key.name] = item.value;
        i = skipSpaces(line, item.end);
      } else {
        const item = flowScalar(line, i);
        (out as unknown[]).push(item.value);
        i = skipSpaces(line, item.end);
      }
      const c = line.charCodeAt(i);
      if (c === close) return { value: out, end: i + 1 };
      if (c !== 0x2c) fail();
      i = skipSpaces(line, i + 1);
      if (line.charCodeAt(i) === close) fail();
    }
  }
}

/** A scalar item inside a flow collection: quoted, or plain without `:` (a pair) or a nested collection. */
function flowScalar(line: string, at: number): Scanned {
  const c = line.charCodeAt(at);
  if (c === 0x27 || c === 0x22) return quotedScalar(line, at);
  const end = plainEnd(line, at, true);
  const stop = line.charCodeAt(end);
  if (stop !== 0x2c && stop !== 0x5d && stop !== 0x7d) fail();
  return { value: resolvePlain(line.slice(at, trimEnd(line, at, end))), end };
}

/**
 * Where a plain scalar starting at `at` stops: the line's end, a comment (` #`), a `:` followed by a
 * space or the line's end (or any `:` in a flow collection), or a flow indicator in a flow collection.
 * Fails when no plain scalar may start at `at`.
 */
function plainEnd(line: string, at: number, flow: boolean): number {
  const first = line.charCodeAt(at);
  if (Number.isNaN(first) || first === SPACE || INDICATORS[first] === 1) fail();
  if (first === DASH || first === 0x3f || first === COLON) {
    const next = line.charCodeAt(at + 1);
    if (Number.isNaN(next) || next === SPACE || (flow && isFlowIndicator(next))) fail();
  }
  if (!flow) {
    // Block context: the first `: `/`:` at the end, or ` #`, found by native searches.
    let colon = line.indexOf(':', at + 1);
    while (colon !== -1 && colon + 1 < line.length && line.charCodeAt(colon + 1) !== SPACE) colon = line.indexOf(':', colon + 1);
    const end = colon === -1 ? line.length : colon;
    let hash = line.indexOf('#', at + 1);
    while (hash !== -1 && hash < end && line.charCodeAt(hash - 1) !== SPACE) hash = line.indexOf('#', hash + 1);
    return hash !== -1 && hash < end ? hash : end;
  }
  let i = at + 1;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x80 || FLOW_STOPS[c] === 0) continue;
    if (c !== HASH) return i;
    if (line.charCodeAt(i - 1) === SPACE) fail();
  }
  return i;
}

/** Index past the last non-space character of line[from, to). */
function trimEnd(line: string, from: number, to: number): number {
  while (to > from && line.charCodeAt(to - 1) === SPACE) to--;
  return to;
}

function skipSpaces(line: string, at: number): number {
  while (line.charCodeAt(at) === SPACE) at++;
  return at;
}

/** At the line's end or a comment (the caller has passed at least one space or the line's start). */
const endsLine = (line: string, at: number) => at === line.length || line.charCodeAt(at) === HASH;

/** Only spaces, then the line's end or a comment after at least one space. */
function endOfLine(line: string, at: number): void {
  const i = skipSpaces(line, at);
  if (i === line.length) return;
  if (line.charCodeAt(i) !== HASH || i === at) fail();
}

/** A single- or double-quoted scalar that closes on its own line. */
function quotedScalar(line: string, at: number): Scanned {
  const quote = line.charCodeAt(at);
  let out = '';
  let from = at + 1;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote === 0x27) {
      if (c !== 0x27) continue;
      out += line.slice(from, i);
      if (line.charCodeAt(i + 1) !== 0x27) return { value: out, end: i + 1 };
      out += "'";
      from = ++i + 1;
    } else if (c === 0x22) {
      return { value: out + line.slice(from, i), end: i + 1 };
    } else if (c === 0x5c) {
      out += line.slice(from, i);
      const code = line[i + 1];
      if (code === undefined) fail();
      const simple = DQ_ESCAPES[code];
      if (simple !== undefined) {
        out += simple;
        i++;
      } else {
        const length = HEX_LENGTH[code] ?? fail();
        const hex = line.slice(i + 2, i + 2 + length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) fail();
        const point = parseInt(hex, 16);
        if (point > 0x10ffff) fail();
        out += String.fromCodePoint(point);
        i += 1 + length;
      }
      from = i + 1;
    }
  }
  return fail();
}

/** The value of a manifest in the plain subset, or NOT_PLAIN: then only the full parser may answer. */
export function readPlainYaml(text: string): unknown {
  try {
    checkCharacters(text);
    return new Reader(text).document();
  } catch (err) {
    if (err === notPlain) return NOT_PLAIN;
    throw err;
  }
}
