// The contract diff beyond the rule table: the remaining change kinds, how items are matched across versions
// (names, output types, order), field paths and the order of the result; and the verdict's sentences.
import { describe, expect, it } from 'vitest';
import { diffContract } from '../../../src/core/diff/contract.js';
import { compareRanges } from '../../../src/core/diff/ranges.js';
import { semverVerdict } from '../../../src/core/diff/verdict.js';
import { contract } from './helpers.js';

const kinds = (changes: ReturnType<typeof diffContract>['changes']) => changes.map((c) => [c.kind, c.severity, c.field]);

describe('diffContract', () => {
  it('reports the remaining kinds: output description, placeholder removed, tests removed and changed, authors, tag removed', () => {
    const a = contract((c) => {
      c.template.placeholders.push('tone');
      c.tests.push({ name: 'extra', inputs: {}, assertions: [] });
      c.metadata.authors = ['Ada'];
    });
    const b = contract((c) => {
      c.interface.outputs[0]!.description = 'A short summary';
      c.tests[0]!.assertions.push({ kind: 'max_length', value: 10 });
      c.metadata.authors = ['Ada', 'Grace'];
      c.metadata.tags = [];
    });
    expect(kinds(diffContract(a, b).changes)).toEqual([
      ['output-description-changed', 'patch', 'interface.outputs[0].description'],
      ['placeholder-removed', 'patch', 'prompt.placeholders[1]'],
      ['test-changed', 'patch', 'tests[0]'],
      ['test-removed', 'patch', 'tests[1]'],
      ['authors-changed', 'patch', 'module.authors'],
      ['tag-removed', 'patch', 'module.tags[0]'],
    ]);
  });

  it('reordering inputs, outputs or dependencies changes nothing', () => {
    const a = contract((c) => {
      c.interface.inputs.push({ name: 'tone', type: 'tone_label', description: 'Tone', required: false });
      c.interface.outputs.push({ type: 'keywords', description: 'Keywords' });
      c.dependencies.push({ name: 'x', range: '^1.0.0' }, { name: 'y', range: '^2.0.0' });
    });
    const b = contract((c) => {
      c.interface.inputs.unshift({ name: 'tone', type: 'tone_label', description: 'Tone', required: false });
      c.interface.outputs.unshift({ type: 'keywords', description: 'Keywords' });
      c.dependencies.push({ name: 'y', range: '^2.0.0' }, { name: 'x', range: '^1.0.0' });
    });
    expect(diffContract(a, b).changes).toEqual([]);
  });

  it('matches outputs by type first: dropping the first of two outputs is a removal, not a retype', () => {
    const a = contract((c) => c.interface.outputs.push({ type: 'keywords', description: 'Keywords' }));
    const b = contract((c) => (c.interface.outputs = [{ type: 'keywords', description: 'Keywords' }]));
    const [removed] = diffContract(a, b).changes;
    expect([removed!.kind, removed!.subject, removed!.field, removed!.before]).toEqual(['output-removed', 'summary', 'interface.outputs[0]', { type: 'summary', description: 'A summary' }]);
  });

  it('a retyped input that is also made required is two changes; each field indexed in the new version', () => {
    const a = contract((c) => (c.interface.inputs[0]!.required = false));
    const b = contract((c) => {
      c.interface.inputs.unshift({ name: 'tone', type: 'tone_label', description: 'Tone', required: false });
      c.interface.inputs[1]!.type = 'markdown';
    });
    expect(kinds(diffContract(a, b).changes)).toEqual([
      ['input-made-required', 'major', 'interface.inputs[1].required'],
      ['input-retyped', 'major', 'interface.inputs[1].type'],
      ['input-added', 'minor', 'interface.inputs[0]'],
    ]);
  });

  it('a structure of another shape changed is major; rewording a precondition is a removal and an addition', () => {
    const a = contract((c) => {
      c.interface.outputs[0]!.structure = { schema: 'v1' };
      c.interface.preconditions = ['Input is English'];
    });
    const b = contract((c) => {
      c.interface.outputs[0]!.structure = { schema: 'v2' };
      c.interface.preconditions = ['Input is in English'];
    });
    expect(kinds(diffContract(a, b).changes)).toEqual([
      ['output-structure-changed', 'major', 'interface.outputs[0].structure'],
      ['precondition-added', 'major', 'interface.preconditions[0]'],
      ['precondition-removed', 'minor', 'interface.preconditions[0]'],
    ]);
  });

  it('orders changes by severity, then section, and counts them', () => {
    const b = contract((c) => {
      c.metadata.description = 'Other';
      c.interface.postconditions.push('Short');
      c.interface.inputs = [];
      c.template.placeholders = [];
    });
    const result = diffContract(contract(), b);
    expect(result.changes.map((c) => c.section)).toEqual(['inputs', 'postconditions', 'placeholders', 'metadata']);
    expect(result.counts).toEqual({ major: 1, minor: 1, patch: 2 });
  });
});

describe('compareRanges', () => {
  it('reads compatibility lines below 1.0.0 as 0.y, as Cargo does', () => {
    expect(compareRanges('^0.2.0', '^0.3.0')).toBe('another-major');
    expect(compareRanges('^0.2.0', '^0.2.5')).toBe('narrowed');
    expect(compareRanges('>=1.0.0', '>=2.0.0')).toBe('another-major');
  });
});

describe('semverVerdict sentences', () => {
  const removed = diffContract(contract((c) => c.interface.inputs.push({ name: 'tone', type: 't', description: 'd', required: false })), contract()).changes;

  it('names the change that needed the bigger bump and the version it needs', () => {
    const verdict = semverVerdict('1.2.0', '1.3.0', removed, true);
    expect(verdict.message).toBe('1.3.0 removes input `tone`: callers that pass it break; this needs 2.0.0.');
    expect(verdict.needing).toEqual(removed);
  });

  it('says an over-bump is more than needed, and a prerelease verdict is information only', () => {
    expect(semverVerdict('1.2.0', '2.0.0', [], true).message).toBe('2.0.0 is a major release, but the changes only need 1.2.1: callers may hold back from an upgrade that is safe.');
    expect(semverVerdict('1.2.0', '1.3.0-rc.1', removed, true).message).toMatch(/this needs 2\.0\.0\. 1\.3\.0-rc\.1 is a prerelease, so this is information only\.$/);
    expect(semverVerdict('0.3.1', '0.4.0', removed, true).message).toBe('0.4.0 is an honest minor release after 0.3.1 (before 1.0.0 a breaking change needs a new minor).');
  });

  it('a lower version is not increased', () => {
    expect(semverVerdict('1.2.0', '1.1.0', [], false)).toMatchObject({ status: 'not-increased', minimum: '1.2.1', informational: false });
  });
});
