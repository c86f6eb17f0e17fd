// The scalars of the plain YAML subset (plain-yaml.ts): how a plain scalar resolves (PyYAML's YAML 1.1
// words, plain decimals; every other typed form is left to the full parser), which characters a text may
// hold, the escapes of double-quoted scalars and the keys manifests repeat; and `fail`, by which the reader
// leaves the subset.

const SPACE = 0x20;
const DASH = 0x2d;

/** Thrown inside the reader when the text leaves the subset; caught once at the top. */
class NotPlain {}
export const notPlain = new NotPlain();
export function fail(): never {
  throw notPlain;
}

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

/** The value of a plain scalar as the loader resolves it (fails for a typed form the subset leaves out). */
export function resolvePlain(s: string): unknown {
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
export function checkCharacters(text: string): void {
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

export const DQ_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
export const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

// Keys that manifests repeat, kept as the literals they are, by first character: a plain key spelled as one of
// them is that string (none is a YAML word or number), found without cutting a new string from the text —
// which the object it names would then have to look up in V8's string table on every store.
const KNOWN_KEYS: string[][] = [];
for (const k of 'module name version description tags license authors prompt template placeholders interface intent inputs outputs type required dependencies tests assertions contains max_length'.split(' ')) {
  (KNOWN_KEYS[k.charCodeAt(0)] ??= []).push(k);
}

/** The known key spelled by text[at, end), if any. */
export function knownKey(text: string, at: number, end: number): string | undefined {
  const keys = KNOWN_KEYS[text.charCodeAt(at)];
  if (keys !== undefined) for (const k of keys) if (k.length === end - at && text.startsWith(k, at)) return k;
  return undefined;
}
