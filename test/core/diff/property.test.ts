// Properties of the comparison on generated modules: a version compared with itself has no change and an ok
// verdict, and comparing b with a is the inverse of comparing a with b (added ↔ removed, old ↔ new).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonical-json.js';
import { diffModules } from '../../../src/core/diff/compare.js';
import type { ContractView } from '../../../src/core/diff/contract.js';
import type { ContractChange, ContractChangeKind, FileChange, VersionDiff } from '../../../src/core/diff/types.js';
import { side } from './helpers.js';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const subset = (...values: string[]) => fc.subarray(values);
const named = <T extends { name: string }>(item: fc.Arbitrary<T>) => fc.uniqueArray(item, { selector: (x) => x.name, maxLength: 3 });

const contractArb: fc.Arbitrary<ContractView> = fc.record({
  metadata: fc.record({ description: pick('d1', 'd2'), license: pick(null, 'MIT'), authors: subset('Ada', 'Grace'), tags: subset('t1', 't2', 't3') }),
  interface: fc.record({
    intent: pick('i1', 'i2'),
    inputs: named(fc.record({ name: pick('a', 'b', 'c'), type: pick('text', 'label'), description: pick('x', 'y'), required: fc.boolean() })),
    outputs: fc.array(
      fc.record({
        type: pick('o1', 'o2', 'o3'),
        description: pick('x', 'y'),
        structure: pick<unknown>(undefined, 'json_object', 'json_array', { type: 'json_object', required_keys: ['k1'] }, { type: 'json_object', required_keys: ['k1', 'k2'] }),
      }),
      { maxLength: 3 },
    ),
    preconditions: subset('P1', 'P2'),
    postconditions: subset('Q1', 'Q2'),
  }),
  template: fc.record({ path: fc.constant('template.prompt'), text: pick('x {{a}}\n', 'y {{a}}\n'), placeholders: subset('a', 'b') }),
  dependencies: named(fc.record({ name: pick('n1', 'n2'), range: pick('^1.0.0', '^1.2.0', '~1.2.0', '1.2.x', '^2.0.0', '>=1.0.0') })),
  tests: named(fc.record({ name: pick('t1', 't2'), inputs: fc.record({ a: pick('1', '2') }), assertions: fc.constant([]) })),
});

const lines = fc.array(pick('alpha', 'beta', 'gamma', 'delta'), { maxLength: 12 }).map((l) => l.map((x) => `${x}\n`).join(''));
const treeArb = fc.dictionary(pick('template.prompt', 'README.md', 'tests/a.txt', 'tests/b.txt', 'logo.bin'), fc.oneof(lines, fc.constant(new Uint8Array([0, 1]))), { maxKeys: 4 });
const moduleArb = fc.record({ contract: contractArb, tree: treeArb });

const INVERSE: Partial<Record<ContractChangeKind, ContractChangeKind>> = {};
for (const [x, y] of [
  ['added', 'removed'],
  ['made-required', 'made-optional'],
  ['key-added', 'key-removed'],
]) {
  for (const [k, l] of [
    [x, y],
    [y, x],
  ]) {
    for (const prefix of ['input', 'output', 'placeholder', 'precondition', 'postcondition', 'dependency', 'test', 'tag']) INVERSE[`${prefix}-${k}` as ContractChangeKind] = `${prefix}-${l}` as ContractChangeKind;
  }
}

/** What a change says independently of direction: its kind read backwards, its old and new values swapped. */
const inverted = (c: ContractChange) => canonicalJson({ kind: INVERSE[c.kind] ?? c.kind, section: c.section, before: c.after, after: c.before });
const asIs = (c: ContractChange) => canonicalJson({ kind: c.kind, section: c.section, before: c.before, after: c.after });

const STATUS = { added: 'removed', removed: 'added', changed: 'changed', renamed: 'renamed' } as const;
const invertedFile = (f: FileChange) => ({
  path: f.from ?? f.path,
  from: f.from === null ? null : f.path,
  status: STATUS[f.status],
  content: f.content,
  sizes: [f.newSize, f.oldSize],
  hashes: [f.newSha256, f.oldSha256],
  counts: [f.deletions, f.insertions],
});
const fileAsIs = (f: FileChange) => ({ path: f.path, from: f.from, status: f.status, content: f.content, sizes: [f.oldSize, f.newSize], hashes: [f.oldSha256, f.newSha256], counts: [f.insertions, f.deletions] });
const byPath = (files: VersionDiff['files']['changes'], map: typeof fileAsIs) => files.map(map).sort((x, y) => (x.path < y.path ? -1 : 1));

describe('diff properties', () => {
  it('a version compared with itself has no change and an ok verdict', () => {
    fc.assert(
      fc.property(moduleArb, ({ contract, tree }) => {
        const result = diffModules(side('1.2.0', contract, tree), side('1.2.0', contract, tree));
        expect(result.files.changes).toEqual([]);
        expect(result.contract.changes).toEqual([]);
        expect(result.verdict.status).toBe('ok');
      }),
    );
  });

  it('comparing b with a is the inverse of comparing a with b', () => {
    fc.assert(
      fc.property(moduleArb, moduleArb, (a, b) => {
        const forward = diffModules(side('1.0.0', a.contract, a.tree), side('2.0.0', b.contract, b.tree));
        const backward = diffModules(side('2.0.0', b.contract, b.tree), side('1.0.0', a.contract, a.tree));
        expect(backward.contract.changes.map(inverted).sort()).toEqual(forward.contract.changes.map(asIs).sort());
        expect(byPath(backward.files.changes, invertedFile)).toEqual(byPath(forward.files.changes, fileAsIs));
        expect([backward.files.insertions, backward.files.deletions]).toEqual([forward.files.deletions, forward.files.insertions]);
      }),
    );
  });
});
