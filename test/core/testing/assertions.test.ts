// Every assertion kind of §3, passing and failing, plus previews and the linear-time regex engine.
import { describe, expect, test } from 'vitest';
import { evaluateAssertion, preview } from '../../../src/core/testing/index.js';

const TEXT = 'Summary:\n{"title": "Raft", "tags": ["a"]}';

describe('assertion kinds', () => {
  test.each<[string, unknown, string, boolean]>([
    ['contains', 'Raft', TEXT, true],
    ['contains', 'raft', TEXT, false],
    ['excludes', 'Paxos', TEXT, true],
    ['excludes', 'Raft', TEXT, false],
    ['icontains', 'SUMMARY', TEXT, true],
    ['icontains', 'paxos', TEXT, false],
    ['regex', '^Summary:\\n\\{', TEXT, true],
    ['regex', '"tags": \\[\\d\\]', TEXT, false],
    ['starts_with', 'Summary:', TEXT, true],
    ['starts_with', 'summary', TEXT, false],
    ['ends_with', '"a"]}', TEXT, true],
    ['ends_with', 'Raft', TEXT, false],
    ['equals', 'exact', 'exact', true],
    ['equals', 'exact', 'exact\n', false],
    ['min_length', 3, '😀😀😀', true],
    ['min_length', 4, '😀😀😀', false],
    ['max_length', 3, '😀😀😀', true],
    ['max_length', 2, '😀😀😀', false],
    ['structure', 'json_object', ' {"a": 1} ', true],
    ['structure', 'json_object', '[1]', false],
    ['structure', 'json_array', '[1, 2]', true],
    ['structure', 'json_array', '{"a": 1}', false],
    ['structure', 'json_array', 'not json', false],
    ['structure', { type: 'json_object', required_keys: ['a', 'b'] }, '{"a": 1, "b": null}', true],
    ['structure', { type: 'json_object', required_keys: ['a', 'b'] }, '{"a": 1}', false],
    ['structure', { type: 'json_array', required_keys: ['id'] }, '[{"id": 1}, {"id": 2}]', true],
    ['structure', { type: 'json_array', required_keys: ['id'] }, '[{"id": 1}, 3]', false],
  ])('%s %j on %j → %s', (kind, value, text, passed) => {
    const result = evaluateAssertion(kind, value, text);
    expect(result.passed).toBe(passed);
    expect(result.actual).toBe(preview(text));
    expect(result.message).toMatch(/\S/);
  });

  test('failure messages say what was expected', () => {
    expect(evaluateAssertion('max_length', 2, 'abcd')).toEqual({ passed: false, expected: '2', actual: 'abcd', message: 'Rendered text has 4 characters; expected at most 2' });
    expect(evaluateAssertion('structure', { type: 'json_object', required_keys: ['b'] }, '{"a":1}')).toMatchObject({
      expected: '{"type":"json_object","required_keys":["b"]}',
      message: 'Structure check failed: the JSON object lacks required keys: b',
    });
    expect(evaluateAssertion('contains', 'x', 'y').message).toBe('Rendered text does not contain "x"');
  });

  test('an unknown kind fails with the earlier tool\'s words instead of throwing', () => {
    expect(evaluateAssertion('nope', 1, 'x')).toMatchObject({ passed: false, message: "Unsupported assertion type: 'nope'" });
  });

  test('a pathological pattern on a long input completes (linear-time engine)', () => {
    const result = evaluateAssertion('regex', '(a+)+$', `${'a'.repeat(100_000)}!`);
    expect(result.passed).toBe(false);
    expect(evaluateAssertion('regex', '(a|aa)*b', 'a'.repeat(50_000)).passed).toBe(false);
  });
});

describe('preview', () => {
  test('newlines shown as \\n', () => {
    expect(preview('a\nb\n')).toBe('a\\nb\\n');
  });

  test('cut at 120 code points followed by ...', () => {
    expect(preview('x'.repeat(120))).toBe('x'.repeat(120));
    expect(preview('x'.repeat(121))).toBe(`${'x'.repeat(120)}...`);
    expect(preview('😀'.repeat(130))).toBe(`${'😀'.repeat(120)}...`);
    // The newline becomes two characters first, so the cut falls between them.
    expect(preview(`${'x'.repeat(119)}\n`)).toBe(`${'x'.repeat(119)}\\...`);
  });
});
