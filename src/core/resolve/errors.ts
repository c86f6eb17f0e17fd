// The DEPENDENCY_ERRORs of resolution (exit 3), each with its reason, structured data, and a plain-sentence
// explanation in data.explanation where there is more to say than the message.
import { PromptPMError } from '../errors.js';
import type { VersionVerification } from '../registry/types.js';
import type { Explanation } from './explain.js';
import type { InvalidVersion } from './types.js';
import { isAbsolute, join } from 'node:path';
import type { Cycle, ResolvedGraph } from './graph.js';

export function conflictError(path: string, e: Explanation): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', e.message, {
    hint: e.hint,
    path,
    reason: e.reason,
    data: { explanation: e.explanation, conflict: { facts: e.facts, clashes: e.clashes } },
  });
}

export function cycleError(path: string, cycle: Cycle, graph: ResolvedGraph): PromptPMError {
  const explanation = cycle.path.slice(0, -1).map((step, i) => {
    const next = cycle.path[i + 1]!;
    const range = graph.edges.get(step.name)!.find((d) => d.name === next.name)!.range;
    return `${step.name}@${step.version} depends on ${next.name} ${range}, which resolved to ${next.name}@${next.version}.`;
  });
  explanation.push('Modules cannot depend on themselves, directly or through others.');
  return new PromptPMError('DEPENDENCY_ERROR', `Dependency cycle: ${cycle.text}`, {
    hint: 'Remove one of the dependencies in the cycle, or choose versions that do not form it.',
    path,
    reason: 'CYCLE',
    data: { explanation, cycle: cycle.path },
  });
}

/** Resolved versions whose files no longer match their immutability manifest (or have none). */
export function integrityError(path: string, bad: VersionVerification[]): PromptPMError {
  const describe = (v: VersionVerification): string => {
    if (v.status === 'unreadable') return `${v.name}@${v.version} has no readable immutability manifest`;
    const parts = [
      v.changed.length ? `changed: ${v.changed.join(', ')}` : '',
      v.missing.length ? `missing: ${v.missing.join(', ')}` : '',
      v.extra.length ? `extra: ${v.extra.join(', ')}` : '',
    ].filter(Boolean);
    return `${v.name}@${v.version} was modified after publishing (${parts.join('; ')})`;
  };
  const explanation = bad.map((v) => `${describe(v)}.`);
  const first = bad[0]!;
  const message =
    bad.length === 1 ? `Resolved dependency failed its integrity check: ${describe(first)}` : `${bad.length} resolved dependencies failed their integrity check: ${bad.map(describe).join('; ')}`;
  return new PromptPMError('DEPENDENCY_ERROR', message, {
    hint: 'Do not use these versions: restore the registry from a backup, or publish a new version and depend on it.',
    path,
    reason: bad.some((v) => v.status === 'tampered') ? 'TAMPERED' : 'UNREADABLE',
    data: {
      explanation,
      integrity: bad.map(({ name, version, status, changed, missing, extra }) => ({ name, version, status, changed, missing, extra })),
    },
  });
}

/**
 * A version the resolution reached whose manifest does not validate, named with its first error:
 * `<name>@<version> does not validate: <message> (<file>:<line>:<column>)`, the file absolute when `dir` is given.
 */
export function invalidVersionError(path: string, found: { name: string; version: string; invalid: InvalidVersion }, dir?: string): PromptPMError {
  const { name, version, invalid } = found;
  const file = invalid.file === null ? null : dir === undefined || isAbsolute(invalid.file) ? invalid.file : join(dir, invalid.file);
  const where = file === null ? '' : ` (${[file, invalid.line, invalid.column].filter((part) => part !== null).join(':')})`;
  const message = `${name}@${version} does not validate: ${invalid.message}${where}`;
  return new PromptPMError('DEPENDENCY_ERROR', message, {
    hint: `It was published by a tool with other rules or edited afterwards; publish a corrected version of ${name}, or choose a range that excludes ${version}.`,
    path,
    reason: 'INVALID_MODULE',
    file,
    line: invalid.line,
    column: invalid.column,
    data: { invalid: { name, version, ...invalid, file } },
  });
}

export function cancelledError(path: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', 'Dependency resolution was cancelled.', {
    hint: 'Run it again to finish.',
    path,
    reason: 'CANCELLED',
  });
}
