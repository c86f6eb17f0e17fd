// regex assertions are ECMAScript patterns run on re2js: rewritten, they must match exactly what
// `new RegExp(pattern)` matches, on texts of Basic Multilingual Plane characters (astral characters are the
// documented difference: RE2 matches code points, ECMAScript without the u flag UTF-16 code units).
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { toRe2Pattern } from '../../../src/core/module/regex-dialect.js';

const re2Finds = (pattern: string, text: string): boolean => RE2JS.compile(toRe2Pattern(pattern)).matcher(text).find();

// Characters where the two dialects disagree unless rewritten: Unicode spaces, line terminators, controls.
const TEXT_CHARS = ['a', 'b', 'z', 'A', 'p', '0', '9', 'é', '_', '-', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2028', '\u3000', '\ufeff', '\b', '\0', '\u0007'];
const text = fc.array(fc.constantFrom(...TEXT_CHARS), { maxLength: 8 }).map((chars) => chars.join(''));

const atom = fc.constantFrom(
  'a', 'b', 'é', ' ', '\u00a0', '.', '\\s', '\\S', '\\d', '\\D', '\\w', '\\W', '\\t', '\\n', '\\r', '\\v', '\\f',
  '\\u00e9', '\\u00A0', '\\u2028', '\\x41', '\\x', '\\u12', '\\cJ', '\\0', '\\a', '\\e', '\\z', '\\p', '\\P', '\\A', '\\Q', '\\.', '\\-',
  '[abz]', '[^ab]', '[a-z]', '[\\s]', '[^\\s]', '[\\sa]', '[a-\\s]', '[\\s-z]', '[\\d-]', '[-\\w]', '[\\b]', '[]', '[^]', '[.]', '[\\u00e9-\\u00ff]', '[\\0a]',
  '^', '$', '\\b', '\\B',
);
const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, atom, tie('seq'), tie('group'), tie('alt'), tie('repeat')),
  seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  group: fc.tuple(fc.constantFrom('(', '(?:', '(?<n>'), tie('node')).map(([open, body]) => `${open}${body})`),
  alt: fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a}|${b}`),
  repeat: fc.tuple(tie('atomOrGroup'), fc.constantFrom('*', '+', '?', '{1,2}', '*?', '{2}')).map(([a, q]) => `${a}${q}`),
  atomOrGroup: fc.oneof(atom, tie('group')),
})).node as fc.Arbitrary<string>;

/** Patterns ECMAScript accepts (a quantifier after an assertion, `(?<n>` twice, … are refused there). */
const accepted = pattern.filter((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
});

describe('ECMAScript patterns on RE2', () => {
  it('match exactly what new RegExp matches', () => {
    fc.assert(
      fc.property(accepted, fc.array(text, { minLength: 1, maxLength: 6 }), (p, texts) => {
        for (const t of texts) expect(re2Finds(p, t), `${JSON.stringify(p)} on ${JSON.stringify(t)}`).toBe(new RegExp(p).test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('read the constructs the dialects spell differently as ECMAScript does', () => {
    const cases: Array<[string, string, boolean]> = [
      ['^\\s$', '\u00a0', true],
      ['^\\s$', '\v', true],
      ['^\\S$', '\u3000', false],
      ['^.$', '\r', false],
      ['^.$', '\u2028', false],
      ['^\\u00e9$', 'é', true],
      ['^\\ud83d\\ude00$', '😀', true],
      ['^\\cJ$', '\n', true],
      ['^[\\b]$', '\b', true],
      ['^\\a\\z\\p$', 'azp', true],
      ['^[]$', '', false],
      ['^[^]$', '\n', true],
      ['^[a-\\s]+$', 'a-\u00a0', true],
      ['^[a-\\s]$', 'b', false],
    ];
    for (const [p, t, expected] of cases) {
      expect(new RegExp(p).test(t), `ECMAScript: ${p}`).toBe(expected);
      expect(re2Finds(p, t), `RE2: ${p}`).toBe(expected);
    }
  });
});
