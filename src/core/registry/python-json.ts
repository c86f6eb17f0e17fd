// Python's json.dumps(value, sort_keys=True, separators=(",", ":")) with ensure_ascii, byte for byte:
// the immutability manifest must be identical to the one the earlier tool writes.
import { compareCodePoints } from '../text-order.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** ensure_ascii: everything outside U+0020..U+007E becomes lowercase \uXXXX (UTF-16 units, so pairs above U+FFFF). */
export function pythonJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

export function pythonJsonDumps(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return pythonJsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError('Only safe integers are serialized like Python');
    return String(value);
  }
  if (Array.isArray(value)) return '[' + value.map(pythonJsonDumps).join(',') + ']';
  const keys = Object.keys(value).sort(compareCodePoints);
  return '{' + keys.map((k) => pythonJsonString(k) + ':' + pythonJsonDumps(value[k] as JsonValue)).join(',') + '}';
}
