// A strict reader for the plain YAML that `promptpm init`, our registry generator and common tools write:
// block mappings and sequences (compact `- key: value` items, indentless sequences), plain and one-line
// quoted scalars, one-line flow sequences and mappings of scalars, comments and blank lines. It returns
// exactly the value the module loader's YAML 1.1 parse gives (parseYamlManifest in source-yaml.ts, see
// docs/module-format.md), or NOT_PLAIN for anything outside that subset — anchors, aliases, tags, block
// and multi-line scalars, tabs, CR, duplicate or non-string keys, odd indentation, document markers,
// `?` keys, merge keys, numeric forms other than plain decimals — so the caller uses the full parser.
// It never guesses: test/core/module/plain-yaml.property.test.ts compares it with the loader.

import { checkCharacters, DQ_ESCAPES, fail, HEX_LENGTH, knownKey, notPlain, resolvePlain } from './plain-yaml-scalars.js';

export const NOT_PLAIN: unique symbol = Symbol('not plain YAML');

// Character codes as local constants: read from another module, each would be a property load in hot loops.
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const MAX_KEY_LENGTH = 1024;

const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;
/** Characters that may not start a plain scalar (`-`, `?`, `:` may, before a safe character), as a table. */
const INDICATORS = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`') INDICATORS[c.charCodeAt(0)] = 1;

/** What a plain scalar in a flow collection stops at (`:` and the flow indicators), or must look at (`#`), as a table. */
const FLOW_STOPS = new Uint8Array(128);
for (const c of ':,[]{}#') FLOW_STOPS[c.charCodeAt(0)] = 1;

// Content lines (neither blank nor comments) of the text being read, as positions: where each starts, ends
// (its line feed or the text's end) and how many spaces indent it. One set per thread, grown as needed: the
// reader runs to completion before it is called again.
let starts: Int32Array = new Int32Array(256);
let ends: Int32Array = new Int32Array(256);
let indents: Int32Array = new Int32Array(256);

/**
 * The next occurrence of one character at or after a position, remembered: plain scalars search ahead for
 * `:` and `#`, and a search that ran past its line is answered again without scanning the same text twice.
 */
class NextOf {
  private searchedFrom = 0;
  private foundAt = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** Its first offset at or after `at` (the text's length when there is none). */
  from(at: number): number {
    if (at < this.searchedFrom || at > this.foundAt) {
      const found = this.text.indexOf(this.char, at);
      this.foundAt = found === -1 ? this.text.length : found;
      this.searchedFrom = at;
    }
    return this.foundAt;
  }
}

/**
 * Reads one text: positions are offsets into it, and every scan stops at its line's end (a line feed, which
 * no check mistakes for content). No line is cut out of the text, nor any object made per key or scalar.
 */
class Reader {
  private readonly count: number;
  private row = 0;
  /** Offset just past what the last scalar or flow collection read (quoted: past its closing quote; plain: past its last non-space). */
  private scanned = 0;
  /** The name of the key `key` found last. */
  private keyName = '';
  private readonly colons: NextOf;
  private readonly hashes: NextOf;

  constructor(private readonly text: string) {
    this.colons = new NextOf(text, ':');
    this.hashes = new NextOf(text, '#');
    let count = 0;
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let at = start;
      while (text.charCodeAt(at) === SPACE) at++;
      if (at < end && text.charCodeAt(at) !== HASH) {
        if (at === start && (text.startsWith('---', start) || text.startsWith('...', start))) fail();
        if (count === starts.length) grow();
        starts[count] = start;
        ends[count] = end;
        indents[count] = at - start;
        count++;
      }
      start = end + 1;
    }
    this.count = count;
  }

  document(): unknown {
    if (this.count === 0) fail();
    const root = this.blockValue(-1, false);
    if (this.row !== this.count) fail();
    return root;
  }

  /** A `-` at `at` followed by a space or the line's end. */
  private isDash(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === end || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** The value of a key or item whose line ended after it: a nested block, or null when none follows. */
  private blockValue(parent: number, indentlessSequence: boolean): unknown {
    if (this.row >= this.count) return null;
    const ind = indents[this.row]!;
    const at = starts[this.row]! + ind;
    if (this.isDash(at, ends[this.row]!)) {
      return ind > parent || (indentlessSequence && ind === parent) ? this.sequence(ind) : null;
    }
    return ind > parent ? this.mapping(ind, at) : null;
  }

  /** A block mapping at column `indent`; its first key starts at offset `at` of the current row. */
  private mapping(indent: number, at: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const end = ends[this.row]!;
      const keyEnd = this.key(at, end, false);
      if (keyEnd < 0) fail();
      const name = this.keyName;
      if (name === '__proto__' || Object.hasOwn(map, name)) fail();
      const from = skipSpaces(this.text, keyEnd);
      if (endsLine(this.text, from, end)) {
        this.row++;
        map[name] = this.blockValue(indent, true);
      } else {
        map[name] = this.inlineValue(from, end);
        this.row++;
      }
      if (this.row >= this.count) return map;
      const ind = indents[this.row]!;
      if (ind < indent) return map;
      at = starts[this.row]! + ind;
      if (ind > indent || this.isDash(at, ends[this.row]!)) fail();
    }
  }

  private sequence(indent: number): unknown[] {
    const seq: unknown[] = [];
    for (;;) {
      const start = starts[this.row]!;
      const end = ends[this.row]!;
      const at = skipSpaces(this.text, start + indent + 1);
      if (endsLine(this.text, at, end)) {
        this.row++;
        seq.push(this.blockValue(indent, false));
      } else if (this.isDash(at, end)) {
        fail();
      } else if (this.key(at, end, false) >= 0) {
        seq.push(this.mapping(at - start, at));
      } else {
        seq.push(this.inlineValue(at, end));
        this.row++;
      }
      if (this.row >= this.count) return seq;
      const ind = indents[this.row]!;
      if (ind > indent) fail();
      if (ind < indent || !this.isDash(starts[this.row]! + ind, ends[this.row]!)) return seq;
    }
  }

  /**
   * A key at `at` with its `:` (followed by a space or the line's end): the offset past the `:`, its name
   * left in `keyName`; or -1 when the text there is no key.
   */
  private key(at: number, end: number, flow: boolean): number {
    const text = this.text;
    let name: unknown;
    let stop: number;
    const c = text.charCodeAt(at);
    if (c === 0x5b || c === 0x7b) return -1;
    if (c === 0x27 || c === 0x22) {
      name = this.quoted(at, end);
      stop = skipSpaces(text, this.scanned);
    } else {
      stop = this.plainEnd(at, end, flow);
      if (text.charCodeAt(stop) !== COLON) return -1;
      const last = trimEnd(text, at, stop);
      name = knownKey(text, at, last) ?? resolvePlain(text.slice(at, last));
    }
    if (text.charCodeAt(stop) !== COLON) return -1;
    if (stop + 1 < end && text.charCodeAt(stop + 1) !== SPACE) return -1;
    if (typeof name !== 'string' || stop - at > MAX_KEY_LENGTH) fail();
    this.keyName = name;
    return stop + 1;
  }

  /** A value that starts on its key's or dash's line and ends with it (an optional comment after). */
  private inlineValue(at: number, end: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    let value: unknown;
    if (c === 0x5b || c === 0x7b) value = this.flow(at, end);
    else if (c === 0x27 || c === 0x22) value = this.quoted(at, end);
    else {
      const stop = this.plainEnd(at, end, false);
      if (text.charCodeAt(stop) === COLON) fail();
      this.scanned = trimEnd(text, at, stop);
      value = resolvePlain(text.slice(at, this.scanned));
    }
    endOfLine(text, this.scanned, end);
    return value;
  }

  /** A one-line flow sequence or mapping of scalars. */
  private flow(at: number, end: number): unknown {
    const text = this.text;
    const isMap = text.charCodeAt(at) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const out: unknown[] | Record<string, unknown> = isMap ? {} : [];
    let i = skipSpaces(text, at + 1);
    if (text.charCodeAt(i) === close) {
      this.scanned = i + 1;
      return out;
    }
    for (;;) {
      if (isMap) {
        const keyEnd = this.key(i, end, true);
        if (keyEnd < 0) fail();
        const name = this.keyName;
        const map = out as Record<string, unknown>;
        if (name === '__proto__' || Object.hasOwn(map, name)) fail();
        map[name] = this.flowScalar(skipSpaces(text, keyEnd), end);
      } else {
        (out as unknown[]).push(this.flowScalar(i, end));
      }
      i = skipSpaces(text, this.scanned);
      const c = text.charCodeAt(i);
      if (c === close) {
        this.scanned = i + 1;
        return out;
      }
      if (c !== 0x2c) fail();
      i = skipSpaces(text, i + 1);
      if (text.charCodeAt(i) === close) fail();
    }
  }

  /** A scalar item inside a flow collection: quoted, or plain without `:` (a pair) or a nested collection. */
  private flowScalar(at: number, end: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 0x27 || c === 0x22) return this.quoted(at, end);
    const stop = this.plainEnd(at, end, true);
    const s = text.charCodeAt(stop);
    if (s !== 0x2c && s !== 0x5d && s !== 0x7d) fail();
    this.scanned = stop;
    return resolvePlain(text.slice(at, trimEnd(text, at, stop)));
  }

  /**
   * Where a plain scalar starting at `at` stops: its line's `end`, a comment (` #`), a `:` followed by a
   * space or the line's end (or any `:` in a flow collection), or a flow indicator in a flow collection.
   * Fails when no plain scalar may start at `at`.
   */
  private plainEnd(at: number, end: number, flow: boolean): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (at >= end || first === SPACE || INDICATORS[first] === 1) fail();
    if (first === DASH || first === 0x3f || first === COLON) {
      const next = text.charCodeAt(at + 1);
      if (at + 1 >= end || next === SPACE || (flow && isFlowIndicator(next))) fail();
    }
    if (!flow) {
      // Block context: the first `: `/`:` at the line's end, or ` #`.
      let colon = this.colons.from(at + 1);
      while (colon + 1 < end && text.charCodeAt(colon + 1) !== SPACE) colon = this.colons.from(colon + 1);
      const stop = colon < end ? colon : end;
      let hash = this.hashes.from(at + 1);
      while (hash < stop && text.charCodeAt(hash - 1) !== SPACE) hash = this.hashes.from(hash + 1);
      return hash < stop ? hash : stop;
    }
    let i = at + 1;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80 || FLOW_STOPS[c] === 0) continue;
      if (c !== HASH) return i;
      if (text.charCodeAt(i - 1) === SPACE) fail();
    }
    return i;
  }

  /** A single- or double-quoted scalar that closes on its own line. */
  private quoted(at: number, end: number): string {
    const text = this.text;
    const quote = text.charCodeAt(at);
    let out = '';
    let from = at + 1;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (quote === 0x27) {
        if (c !== 0x27) continue;
        out += text.slice(from, i);
        if (text.charCodeAt(i + 1) !== 0x27) {
          this.scanned = i + 1;
          return out;
        }
        out += "'";
        from = ++i + 1;
      } else if (c === 0x22) {
        this.scanned = i + 1;
        return out + text.slice(from, i);
      } else if (c === 0x5c) {
        out += text.slice(from, i);
        if (i + 1 >= end) fail();
        const code = text[i + 1]!;
        const simple = DQ_ESCAPES[code];
        if (simple !== undefined) {
          out += simple;
          i++;
        } else {
          const length = HEX_LENGTH[code] ?? fail();
          const hex = text.slice(i + 2, Math.min(i + 2 + length, end));
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
}

function grow(): void {
  const larger = (a: Int32Array): Int32Array => {
    const b = new Int32Array(a.length * 2);
    b.set(a);
    return b;
  };
  starts = larger(starts);
  ends = larger(ends);
  indents = larger(indents);
}

/** Offset past the last non-space character of text[from, to). */
function trimEnd(text: string, from: number, to: number): number {
  while (to > from && text.charCodeAt(to - 1) === SPACE) to--;
  return to;
}

/** Past the spaces at `at` (a line feed, the text's end or any other character stops it). */
function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** At the line's end or a comment (the caller has passed at least one space or the line's start). */
const endsLine = (text: string, at: number, end: number) => at === end || text.charCodeAt(at) === HASH;

/** Only spaces, then the line's end or a comment after at least one space. */
function endOfLine(text: string, at: number, end: number): void {
  const i = skipSpaces(text, at);
  if (i === end) return;
  if (text.charCodeAt(i) !== HASH || i === at) fail();
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
