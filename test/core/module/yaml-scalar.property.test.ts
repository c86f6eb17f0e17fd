// The one "plain or quoted" decision for what we write into YAML: every written line reads back (with our
// loader) as exactly the string, and plain is kept wherever PyYAML reads the text as that string.
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { YAML_DIALECT } from '../../../src/core/module/yaml-dialect.js';
import { isPlainSafe, yamlScalar } from '../../../src/core/module/yaml-scalar.js';

/** What our loader reads from `key: <written>`, or the first error. */
function readBack(written: string): unknown {
  const doc = parseDocument(`key: ${written}\n`, { ...YAML_DIALECT, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return doc.errors[0]!.message;
  return (doc.toJS() as { key: unknown }).key;
}

// Pieces that make YAML resolve differently: indicators, numbers, dates, words, spaces, breaks, escapes.
const PIECES = ['0', '1', '7', '9', '_', '.', ':', '-', '+', 'e', 'E', 'x', 'b', 'o', 'inf', 'nan', 'NaN', 'y', 'n', 'yes', 'No', 'ON', 'off', 'True',
  'null', '~', '<<', '=', ' ', '  ', '#', ': ', ' #', '\t', '\n', '\r', '\u0085', '\u2028', '\ufeff', '\u00a0', '\u007f', '\u0000', '"', "'", '\\',
  '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', 'T', 'Z', 'café', '😀', '\ud800', '---', '...', 'demo', 'module'];
const pieced = fc.array(fc.constantFrom(...PIECES), { minLength: 0, maxLength: 6 }).map((parts) => parts.join(''));
const anyText = fc.oneof(pieced, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 }));

describe('yamlScalar', () => {
  test('the written line parses back to exactly the string', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(readBack(yamlScalar(value))).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  test('quotes exactly what PyYAML or YAML 1.1 would read as something else', () => {
    for (const value of ['no', 'No', 'on', 'OFF', 'true', '1.0', '1', '0.5', '.5', '1e3', '0x1F', '0b101', '12:30', '190:20:30.15', '~', 'null', 'NULL',
      '2001-12-14', '2001-12-14 21:59:43.10 -5', '.inf', '-.INF', '.nan', '<<', '=', '', ' lead', 'trail ', 'a: b', 'a #b', 'end:', '- item', '-', '#x', '&a', '*a',
      '!tag', '|', '>', '%x', '@x', '`x', '"q"', "'q'", '[a]', '{a}', '?x', 'tab\there', 'line\nbreak', 'nel\u0085', 'bom\ufeff']) {
      expect(isPlainSafe(value), JSON.stringify(value)).toBe(false);
    }
    for (const value of ['demo-module', '0.1.0', '1.0.0-rc.1', 'y', 'Y', 'n', 'N', 'yEs', 'a:b', 'a#b', '-x', 'summarizer_2', 'text.normalizer', 'Explains a topic', 'café 😀', "it's"]) {
      expect(isPlainSafe(value), JSON.stringify(value)).toBe(true);
    }
  });

  test('a quoted string escapes breaks and controls, and keeps printable text as it is', () => {
    expect(yamlScalar('no')).toBe('"no"');
    expect(yamlScalar('a\n"b"\\\u0085\u2028')).toBe('"a\\n\\"b\\"\\\\\\x85\\u2028"');
    expect(yamlScalar(' café')).toBe('" café"');
  });
});
