// Evaluates one assertion of §3 against the rendered text. Regexes run on re2js (linear time), so a
// pathological pattern cannot hang the run.
import { compileRegex } from '../module/regex.js';
import { checkStructure } from './structure.js';
import { codePointLength, preview, showValue } from './text.js';

export interface Verdict {
  passed: boolean;
  expected: string;
  message: string;
}

const quote = (s: string): string => JSON.stringify(s);

function textCheck(passed: boolean, expected: string, ok: string, bad: string): Verdict {
  return { passed, expected, message: passed ? ok : bad };
}

function lengthCheck(kind: 'min_length' | 'max_length', limit: number, text: string): Verdict {
  const n = codePointLength(text);
  const passed = kind === 'min_length' ? n >= limit : n <= limit;
  const bound = kind === 'min_length' ? 'at least' : 'at most';
  const message = passed
    ? `Rendered text has ${n} characters, ${bound} ${limit}`
    : `Rendered text has ${n} characters; expected ${bound} ${limit}`;
  return { passed, expected: String(limit), message };
}

function regexCheck(pattern: string, text: string): Verdict {
  const compiled = compileRegex(pattern);
  if (!compiled.ok) return { passed: false, expected: pattern, message: `Regex /${pattern}/ cannot run: ${compiled.message}` };
  const passed = compiled.regex.matcher(text).find();
  return textCheck(passed, pattern, `Rendered text matches /${pattern}/`, `Rendered text does not match /${pattern}/`);
}

function evaluateKnown(kind: string, value: unknown, text: string): Verdict {
  const s = typeof value === 'string' ? value : '';
  switch (kind) {
    case 'contains':
      return textCheck(text.includes(s), s, `Rendered text contains ${quote(s)}`, `Rendered text does not contain ${quote(s)}`);
    case 'excludes':
      return textCheck(!text.includes(s), s, `Rendered text does not contain ${quote(s)}`, `Rendered text contains ${quote(s)}, which it must not`);
    case 'icontains':
      return textCheck(text.toLowerCase().includes(s.toLowerCase()), s, `Rendered text contains ${quote(s)} (ignoring case)`, `Rendered text does not contain ${quote(s)}, even ignoring case`);
    case 'starts_with':
      return textCheck(text.startsWith(s), s, `Rendered text starts with ${quote(s)}`, `Rendered text does not start with ${quote(s)}`);
    case 'ends_with':
      return textCheck(text.endsWith(s), s, `Rendered text ends with ${quote(s)}`, `Rendered text does not end with ${quote(s)}`);
    case 'equals':
      return textCheck(text === s, s, 'Rendered text equals the expected text', 'Rendered text differs from the expected text');
    case 'regex':
      return regexCheck(s, text);
    case 'min_length':
    case 'max_length':
      return lengthCheck(kind, typeof value === 'number' ? value : 0, text);
    case 'structure': {
      const verdict = checkStructure(text, value);
      const expected = showValue(value);
      return { passed: verdict.passed, expected, message: verdict.passed ? `Rendered text is JSON of shape ${expected}` : `Structure check failed: ${verdict.reason}` };
    }
    default:
      return { passed: false, expected: showValue(value), message: `Unsupported assertion type: '${kind}'` };
  }
}

/** Never throws: an assertion that cannot be evaluated is a failed assertion with the reason. */
export function evaluateAssertion(kind: string, value: unknown, text: string): Verdict & { actual: string } {
  try {
    return { ...evaluateKnown(kind, value, text), actual: preview(text) };
  } catch (err) {
    return { passed: false, expected: showValue(value), actual: preview(text), message: `Assertion could not be evaluated: ${err instanceof Error ? err.message : String(err)}` };
  }
}
