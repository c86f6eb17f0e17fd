// Outputs have no name, so they are matched across versions by type first; the outputs left over on both
// sides are paired in order as retyped, the rest are added or removed. A matched pair compares its
// structure: the shape the structure assertion knows (`json_object`, `json_array`, `{type, required_keys}`)
// by type and keys, any other structure as a whole.
import { canonicalJson } from '../canonical-json.js';
import { change } from './change.js';
import type { ContractChange } from './types.js';

interface Output {
  type: string;
  description: string;
  structure?: unknown;
}

/** A structure as a JSON type and required keys, or `opaque` when it has another shape. */
type Shape = { type: string | null; keys: string[] } | 'opaque';

function shapeOf(structure: unknown): Shape {
  if (structure === undefined || structure === null) return { type: null, keys: [] };
  if (typeof structure === 'string') return { type: structure, keys: [] };
  if (typeof structure !== 'object' || Array.isArray(structure)) return 'opaque';
  const { type, required_keys: keys = [], ...rest } = structure as Record<string, unknown>;
  const isKeys = Array.isArray(keys) && keys.every((k) => typeof k === 'string');
  return typeof type === 'string' && isKeys && Object.keys(rest).length === 0 ? { type, keys: keys as string[] } : 'opaque';
}

const describe = (structure: unknown): string => (structure === undefined ? 'none' : canonicalJson(structure));

function diffPair(old: Output, output: Output, i: number): ContractChange[] {
  const out: ContractChange[] = [];
  const base = { section: 'outputs' as const, subject: output.type };
  const at = (rest: string) => `interface.outputs[${i}]${rest}`;
  if (old.type !== output.type) {
    const message = `Changes the type of output ${old.type} to ${output.type}: callers that read a ${old.type} break.`;
    out.push(change({ ...base, kind: 'output-retyped', severity: 'major', field: at('.type'), message, before: old.type, after: output.type }));
  }
  if (old.description !== output.description) {
    const message = `Rewords the description of output ${output.type}.`;
    out.push(change({ ...base, kind: 'output-description-changed', severity: 'patch', field: at('.description'), message, before: old.description, after: output.description }));
  }
  const was = shapeOf(old.structure);
  const is = shapeOf(output.structure);
  const sameWhole = canonicalJson(old.structure ?? null) === canonicalJson(output.structure ?? null);
  if (sameWhole) return out;
  if (was === 'opaque' || is === 'opaque' || was.type !== is.type) {
    // A structure where there was none promises more; any other change of shape can break a parser.
    const added = was !== 'opaque' && was.type === null;
    const message = added
      ? `Gives output ${output.type} the structure ${describe(output.structure)}: the module promises more.`
      : `Changes the structure of output ${output.type} from ${describe(old.structure)} to ${describe(output.structure)}: callers that parse it may break.`;
    out.push(
      change({ ...base, kind: 'output-structure-changed', severity: added ? 'minor' : 'major', field: at('.structure'), message, before: old.structure, after: output.structure }),
    );
    return out;
  }
  const field = at('.structure.required_keys');
  for (const key of was.keys.filter((k) => !is.keys.includes(k))) {
    const message = `Removes key \`${key}\` from the structure of output ${output.type}: callers that read it break.`;
    out.push(change({ ...base, kind: 'output-key-removed', severity: 'major', field, message, before: key }));
  }
  for (const key of is.keys.filter((k) => !was.keys.includes(k))) {
    const message = `Adds key \`${key}\` to the structure of output ${output.type}.`;
    out.push(change({ ...base, kind: 'output-key-added', severity: 'minor', field, message, after: key }));
  }
  return out;
}

export function diffOutputs(a: Output[], b: Output[]): ContractChange[] {
  const unmatchedOld = new Set(a.keys());
  const pairs: Array<[number, number]> = [];
  const unmatchedNew: number[] = [];
  b.forEach((output, j) => {
    const i = [...unmatchedOld].find((k) => a[k]!.type === output.type);
    if (i === undefined) return unmatchedNew.push(j);
    unmatchedOld.delete(i);
    pairs.push([i, j]);
  });
  // Left over on both sides, in order: the same output given another type.
  const leftOld = [...unmatchedOld];
  while (leftOld.length > 0 && unmatchedNew.length > 0) pairs.push([leftOld.shift()!, unmatchedNew.shift()!]);

  const out = pairs.flatMap(([i, j]) => diffPair(a[i]!, b[j]!, j));
  for (const i of leftOld) {
    const message = `Removes output ${a[i]!.type}: callers that read it break.`;
    out.push(change({ kind: 'output-removed', severity: 'major', section: 'outputs', subject: a[i]!.type, field: `interface.outputs[${i}]`, message, before: a[i] }));
  }
  for (const j of unmatchedNew) {
    const message = `Adds output ${b[j]!.type}.`;
    out.push(change({ kind: 'output-added', severity: 'minor', section: 'outputs', subject: b[j]!.type, field: `interface.outputs[${j}]`, message, after: b[j] }));
  }
  return out;
}
