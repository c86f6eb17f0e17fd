// How we write one string as a YAML value (`key: <here>`, block context) in what we generate: plain when
// both PyYAML (the earlier tool) and our loader (yaml-dialect.ts) read it back as exactly that string,
// double-quoted otherwise (docs/module-format.md). So `name: demo-module` and `version: 0.1.0` stay plain,
// while `"no"`, `"1.0"`, `"~"`, `"12:30"` or `"a: b"` are quoted.
import { PYYAML_FALSE, PYYAML_TRUE } from './yaml-dialect.js';

// Plain words that resolve to something other than a string in PyYAML's resolver or the `yaml` library's
// 1.1 schema (the union: the text must mean the same to both). Booleans are PyYAML's words only.
const NOT_A_STRING: readonly RegExp[] = [
  PYYAML_TRUE,
  PYYAML_FALSE,
  // null: ~, null in three cases (the empty string never reaches these)
  /^(?:~|null|Null|NULL)$/,
  // int: binary, octal, decimal, hex, sexagesimal (`12:30`)
  /^[-+]?(?:0b[0-1_]+|0[0-7_]+|[0-9][0-9_]*|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  // float: with a dot and optional exponent, `1e3` (the `yaml` library), sexagesimal, .inf, .nan
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?(?:[0-9][0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  // timestamp: a date, optionally with a time and zone
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?$/,
  // merge key and PyYAML's `=` (value tag)
  /^(?:<<|=)$/,
];

// Characters a plain scalar may hold: printable and not a line break to YAML 1.1 (so no tab, controls,
// NEL U+0085, U+2028/9, BOM, lone surrogates, U+FFFE/F).
const PLAIN_CHARS = /^(?:[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|[\ud800-\udbff][\udc00-\udfff])+$/;
// A plain scalar cannot start with an indicator (`- ` `? ` `: ` start collections; `#` a comment; the rest
// anchors, tags, quotes, block scalars, directives, reserved) nor contain `: ` or ` #`, nor end in `:`.
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`]|^-(?=[^ ])/;
const PLAIN_BREAKERS = /: | #|:$/;

/** Whether `value` may be written plain: it reads back as this very string in both tools. */
export function isPlainSafe(value: string): boolean {
  if (value === '' || value !== value.trim() || !PLAIN_CHARS.test(value)) return false;
  if (!PLAIN_START.test(value) || PLAIN_BREAKERS.test(value)) return false;
  return !NOT_A_STRING.some((re) => re.test(value));
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0' };

/** A double-quoted scalar: every character that is not plainly printable is escaped, so it reads back exactly. */
export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (PLAIN_CHARS.test(ch)) out += ch;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** The one decision "plain or quoted" for a string value we write into YAML. */
export function yamlScalar(value: string): string {
  return isPlainSafe(value) ? value : doubleQuoted(value);
}
