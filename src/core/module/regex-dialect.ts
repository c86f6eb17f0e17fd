// `regex` assertions are ECMAScript patterns (no flags) but run on re2js, whose syntax reads some of them
// differently. This rewrites a pattern that `new RegExp` accepts into the RE2 pattern with the same meaning:
// - `\s`, `\S` and `.` get ECMAScript's sets (Unicode spaces; `.` stops at \r, U+2028 and U+2029 too);
// - escapes RE2 lacks (`\uXXXX`, a surrogate pair of them, `\cX`, `\0`, `[\b]`) become `\x{…}`, and every other
//   escaped letter without a meaning of its own is that letter (Annex B identity escapes: `\a` is "a" in
//   ECMAScript but a bell in RE2, `\p` is "p", `\z` is "z");
// - `[]` matches nothing and `[^]` any character, as in ECMAScript.
// What stays different: RE2 matches code points and ECMAScript (without the u flag) UTF-16 code units, so
// `.` matches a whole emoji here; and `\S` inside a class with other members keeps RE2's ASCII meaning.
// Backreferences and lookaround are refused before this runs (regex.ts).

/** ECMAScript's WhiteSpace and LineTerminator characters, as members of an RE2 class. */
const SPACES = '\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
/** Escaped letters whose meaning RE2 shares (identity escapes of punctuation pass through as they are). */
const SHARED = new Set(['d', 'D', 'w', 'W', 'f', 'n', 'r', 't', 'v', 'b', 'B']);
const HEX4 = /^[0-9A-Fa-f]{4}$/;
const HEX2 = /^[0-9A-Fa-f]{2}$/;

const codePoint = (code: number): string => `\\x{${code.toString(16)}}`;
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** `\u` escape at `i` (the backslash): its text in RE2 and how many pattern characters it used, or null. */
function unicodeEscape(pattern: string, i: number): [string, number] | null {
  const hex = pattern.slice(i + 2, i + 6);
  if (!HEX4.test(hex)) return null;
  const code = parseInt(hex, 16);
  const low = pattern.slice(i + 8, i + 12);
  if (isHighSurrogate(code) && pattern.startsWith('\\u', i + 6) && HEX4.test(low) && isLowSurrogate(parseInt(low, 16))) {
    return [codePoint(0x10000 + ((code - 0xd800) << 10) + (parseInt(low, 16) - 0xdc00)), 12];
  }
  return [codePoint(code), 6];
}

/** The escape at `i` (the backslash) in RE2, and how many pattern characters it used. */
function escape(pattern: string, i: number, inClass: boolean): [string, number] {
  const c = pattern[i + 1] ?? '';
  if (c === 's') return [inClass ? SPACES : `[${SPACES}]`, 2];
  if (c === 'S' && !inClass) return [`[^${SPACES}]`, 2];
  if (c === 'b' && inClass) return [codePoint(8), 2];
  if (c === 'u') return unicodeEscape(pattern, i) ?? ['u', 2];
  if (c === 'x') return HEX2.test(pattern.slice(i + 2, i + 4)) ? [pattern.slice(i, i + 4), 4] : ['x', 2];
  if (c === 'c' && /[A-Za-z]/.test(pattern[i + 2] ?? '')) return [codePoint(pattern.charCodeAt(i + 2) % 32), 3];
  if (c === '0' && !/[0-9]/.test(pattern[i + 2] ?? '')) return [codePoint(0), 2];
  if (/[A-Za-z]/.test(c) && !SHARED.has(c) && c !== 'S') return [c, 2];
  return [pattern.slice(i, i + 2), 2];
}

/** Escapes that stand for a set of characters: next to one, a `-` in a class is a plain hyphen in ECMAScript. */
const SET_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S']);

/** The RE2 pattern that means what the ECMAScript pattern (no flags, accepted by `new RegExp`) means. */
export function toRe2Pattern(pattern: string): string {
  let out = '';
  let inClass = false;
  // Whether the last thing written is a class's unescaped `-` after a member (a range in the making).
  let rangeDash = false;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === '\\') {
      const [text, used] = escape(pattern, i, inClass);
      const isSet = inClass && SET_ESCAPES.has(pattern[i + 1] ?? '');
      // `a-\s` and `\s-z` are no ranges in ECMAScript but would be in RE2 once the set is spelled out.
      if (isSet && rangeDash) out = `${out.slice(0, -1)}\\-`;
      out += text;
      i += used;
      rangeDash = false;
      if (isSet && pattern[i] === '-' && pattern[i + 1] !== ']') {
        out += '\\-';
        i++;
      }
    } else if (inClass) {
      if (c === ']') inClass = false;
      rangeDash = c === '-' && !out.endsWith('[') && !out.endsWith('[^');
      out += c;
      i++;
    } else if (c === '[') {
      // An empty class matches nothing and its negation anything (RE2 would read `]` as a member).
      if (pattern.startsWith('[]', i)) {
        out += '[^\\x{0}-\\x{10ffff}]';
        i += 2;
      } else if (pattern.startsWith('[^]', i)) {
        out += '[\\x{0}-\\x{10ffff}]';
        i += 3;
      } else {
        inClass = true;
        rangeDash = false;
        const negated = pattern[i + 1] === '^';
        out += negated ? '[^' : '[';
        i += negated ? 2 : 1;
      }
    } else {
      out += c === '.' ? DOT : c;
      i++;
    }
  }
  return out;
}
