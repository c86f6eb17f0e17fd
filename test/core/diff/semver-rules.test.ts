// The rules of docs/semver-rules.md, one row per example there (same ids): each contract rule gives its change
// kind and severity, each verdict example its status and smallest honest version.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffContract, type ContractView } from '../../../src/core/diff/contract.js';
import type { ContractChangeKind, Severity } from '../../../src/core/diff/types.js';
import { semverVerdict } from '../../../src/core/diff/verdict.js';
import { contract } from './helpers.js';

type Edit = (c: ContractView) => void;

const tone = (required: boolean) => ({ name: 'tone', type: 'tone_label', description: 'Tone', required });
const output = (type: string, structure?: unknown) => ({ type, description: 'An output', ...(structure === undefined ? {} : { structure }) });
const dep = (range: string) => ({ name: 'text-normalizer', range });
const keyed = (keys: string[]) => ({ type: 'json_object', required_keys: keys });

interface ContractRow {
  id: string;
  old: Edit;
  new: Edit;
  kind: ContractChangeKind;
  severity: Severity;
}

const CONTRACT_RULES: ContractRow[] = [
  { id: 'M1', old: (c) => c.interface.inputs.push(tone(false)), new: () => {}, kind: 'input-removed', severity: 'major' },
  { id: 'M2', old: () => {}, new: (c) => (c.interface.inputs[0]!.type = 'markdown'), kind: 'input-retyped', severity: 'major' },
  { id: 'M3', old: (c) => c.interface.inputs.push(tone(false)), new: (c) => c.interface.inputs.push(tone(true)), kind: 'input-made-required', severity: 'major' },
  { id: 'M4', old: () => {}, new: (c) => c.interface.inputs.push({ ...tone(true), name: 'audience' }), kind: 'input-added', severity: 'major' },
  { id: 'M5', old: (c) => c.interface.outputs.push(output('keywords')), new: () => {}, kind: 'output-removed', severity: 'major' },
  { id: 'M6', old: () => {}, new: (c) => (c.interface.outputs[0]!.type = 'abstract'), kind: 'output-retyped', severity: 'major' },
  { id: 'M7', old: (c) => (c.interface.outputs = [output('summary', keyed(['title', 'body']))]), new: (c) => (c.interface.outputs = [output('summary', keyed(['title']))]), kind: 'output-key-removed', severity: 'major' },
  { id: 'M8', old: (c) => (c.interface.outputs = [output('summary', 'json_object')]), new: (c) => (c.interface.outputs = [output('summary', 'json_array')]), kind: 'output-structure-changed', severity: 'major' },
  { id: 'M9', old: () => {}, new: (c) => c.interface.preconditions.push('Input is English'), kind: 'precondition-added', severity: 'major' },
  { id: 'M10', old: (c) => c.interface.postconditions.push('No personal data in output'), new: () => {}, kind: 'postcondition-removed', severity: 'major' },
  { id: 'M11', old: (c) => c.dependencies.push(dep('^1.2.0')), new: (c) => c.dependencies.push(dep('^2.0.0')), kind: 'dependency-range-changed', severity: 'major' },
  { id: 'm1', old: () => {}, new: (c) => c.interface.inputs.push(tone(false)), kind: 'input-added', severity: 'minor' },
  { id: 'm2', old: (c) => c.interface.inputs.push(tone(true)), new: (c) => c.interface.inputs.push(tone(false)), kind: 'input-made-optional', severity: 'minor' },
  { id: 'm3', old: () => {}, new: (c) => c.interface.outputs.push(output('keywords')), kind: 'output-added', severity: 'minor' },
  { id: 'm4', old: (c) => (c.interface.outputs = [output('summary', keyed(['title']))]), new: (c) => (c.interface.outputs = [output('summary', keyed(['title', 'body']))]), kind: 'output-key-added', severity: 'minor' },
  { id: 'm5', old: () => {}, new: (c) => (c.interface.outputs = [output('summary', 'json_object')]), kind: 'output-structure-changed', severity: 'minor' },
  { id: 'm6', old: (c) => c.interface.preconditions.push('Input is English'), new: () => {}, kind: 'precondition-removed', severity: 'minor' },
  { id: 'm7', old: () => {}, new: (c) => c.interface.postconditions.push('Mentions the person'), kind: 'postcondition-added', severity: 'minor' },
  { id: 'm8', old: () => {}, new: (c) => c.dependencies.push(dep('^1.2.0')), kind: 'dependency-added', severity: 'minor' },
  { id: 'm9', old: (c) => c.dependencies.push(dep('^1.2.0')), new: (c) => c.dependencies.push(dep('^1.0.0')), kind: 'dependency-range-changed', severity: 'minor' },
  { id: 'm10', old: (c) => c.dependencies.push(dep('~1.2.0')), new: (c) => c.dependencies.push(dep('~1.3.0')), kind: 'dependency-range-changed', severity: 'minor' },
  { id: 'm11', old: (c) => c.dependencies.push(dep('^1.2.0')), new: () => {}, kind: 'dependency-removed', severity: 'minor' },
  { id: 'p1', old: () => {}, new: (c) => (c.template.text = 'Briefly summarize {{document}}\n'), kind: 'template-changed', severity: 'patch' },
  { id: 'p2', old: () => {}, new: (c) => c.template.placeholders.push('tone'), kind: 'placeholder-added', severity: 'patch' },
  { id: 'p3', old: () => {}, new: (c) => (c.metadata.description = 'Summarizes any document'), kind: 'description-changed', severity: 'patch' },
  { id: 'p4', old: () => {}, new: (c) => (c.interface.intent = 'Summarize a text.'), kind: 'intent-changed', severity: 'patch' },
  { id: 'p5', old: () => {}, new: (c) => c.metadata.tags.push('text'), kind: 'tag-added', severity: 'patch' },
  { id: 'p6', old: (c) => (c.metadata.license = 'MIT'), new: (c) => (c.metadata.license = 'Apache-2.0'), kind: 'license-changed', severity: 'patch' },
  { id: 'p7', old: () => {}, new: (c) => (c.interface.inputs[0]!.description = 'The text to summarize'), kind: 'input-description-changed', severity: 'patch' },
  { id: 'p8', old: () => {}, new: (c) => c.tests.push({ name: 'long-input', inputs: { document: 'x' }, assertions: [] }), kind: 'test-added', severity: 'patch' },
  { id: 'p9', old: (c) => c.dependencies.push(dep('^1.0.0')), new: (c) => c.dependencies.push(dep('^1.2.0')), kind: 'dependency-range-changed', severity: 'patch' },
  { id: 'p10', old: (c) => c.dependencies.push(dep('~1.2.0')), new: (c) => c.dependencies.push(dep('1.2.x')), kind: 'dependency-range-changed', severity: 'patch' },
];

interface VerdictRow {
  id: string;
  old: string;
  new: string;
  biggest: Severity | 'none';
  status: string;
  informational: boolean;
  minimum: string;
}

const VERDICTS: VerdictRow[] = [
  { id: 'V1', old: '1.2.0', new: '1.3.0', biggest: 'major', status: 'under-bumped', informational: false, minimum: '2.0.0' },
  { id: 'V2', old: '1.2.0', new: '2.0.0', biggest: 'major', status: 'ok', informational: false, minimum: '2.0.0' },
  { id: 'V3', old: '1.2.0', new: '1.3.0', biggest: 'minor', status: 'ok', informational: false, minimum: '1.3.0' },
  { id: 'V4', old: '1.2.0', new: '1.2.1', biggest: 'minor', status: 'under-bumped', informational: false, minimum: '1.3.0' },
  { id: 'V5', old: '1.2.0', new: '2.0.0', biggest: 'patch', status: 'over-bumped', informational: true, minimum: '1.2.1' },
  { id: 'V6', old: '1.2.0', new: '1.2.1', biggest: 'none', status: 'ok', informational: false, minimum: '1.2.1' },
  { id: 'V7', old: '0.3.1', new: '0.4.0', biggest: 'major', status: 'ok', informational: false, minimum: '0.4.0' },
  { id: 'V8', old: '0.3.1', new: '0.3.2', biggest: 'major', status: 'under-bumped', informational: false, minimum: '0.4.0' },
  { id: 'V9', old: '0.3.1', new: '0.3.2', biggest: 'minor', status: 'ok', informational: false, minimum: '0.3.2' },
  { id: 'V10', old: '0.9.0', new: '1.0.0', biggest: 'patch', status: 'ok', informational: false, minimum: '0.9.1' },
  { id: 'V11', old: '1.2.0', new: '2.0.0-rc.1', biggest: 'major', status: 'ok', informational: true, minimum: '2.0.0' },
  { id: 'V12', old: '1.2.0', new: '1.3.0-rc.1', biggest: 'major', status: 'under-bumped', informational: true, minimum: '2.0.0' },
  { id: 'V13', old: '1.2.0', new: '1.2.0', biggest: 'patch', status: 'not-increased', informational: false, minimum: '1.2.1' },
  { id: 'V14', old: '2.0.0-rc.1', new: '2.0.0', biggest: 'patch', status: 'ok', informational: false, minimum: '2.0.0' },
  { id: 'V15', old: '1.2.0', new: '1.2.0', biggest: 'none', status: 'ok', informational: false, minimum: '1.2.0' },
];

/** One change of the given severity, as the contract diff makes them. */
const changeOf = (severity: Severity) => {
  const row = CONTRACT_RULES.find((r) => r.severity === severity)!;
  return diffContract(contract(row.old), contract(row.new)).changes;
};

describe('docs/semver-rules.md', () => {
  it('every rule and verdict example in the doc has its row here, and no other', () => {
    const doc = readFileSync(new URL('../../../docs/semver-rules.md', import.meta.url), 'utf8');
    const ids = [...doc.matchAll(/^\| ([MmpV]\d+) \|/gm)].map((m) => m[1]);
    expect(ids).toEqual([...CONTRACT_RULES, ...VERDICTS].map((r) => r.id));
  });

  it.each(CONTRACT_RULES)('$id: $kind is $severity', (row) => {
    const { changes } = diffContract(contract(row.old), contract(row.new));
    expect(changes.map((c) => [c.kind, c.severity])).toContainEqual([row.kind, row.severity]);
    // The rule's change is the biggest the example makes (p2's placeholder comes without an input here).
    expect(changes.every((c) => c.severity === row.severity || (c.severity === 'patch' && row.severity !== 'patch'))).toBe(true);
  });

  it.each(VERDICTS)('$id: $old → $new with a $biggest change is $status, needs $minimum', (row) => {
    const changes = row.biggest === 'none' ? [] : changeOf(row.biggest);
    const verdict = semverVerdict(row.old, row.new, changes, row.biggest !== 'none');
    expect({ status: verdict.status, informational: verdict.informational, minimum: verdict.minimum }).toEqual({
      status: row.status,
      informational: row.informational,
      minimum: row.minimum,
    });
  });
});
