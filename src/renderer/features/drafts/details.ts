// The manifest's common fields as the details form shows them, and what a dependency range means in words.
import { parse } from 'yaml';

export interface Details {
  name: string;
  version: string;
  description: string;
  outputs: { type: string; description: string }[];
  tags: string[];
  dependencies: { name: string; range: string }[];
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** What the form shows, read leniently from the text being typed (half-typed YAML gives what it can). */
export function detailsOf(text: string): Details | null {
  let doc: Record<string, unknown>;
  try {
    doc = record(parse(text));
  } catch {
    return null;
  }
  const mod = record(doc['module']);
  const tags = Array.isArray(mod['tags']) ? mod['tags'].filter((t): t is string => typeof t === 'string') : [];
  const deps = Array.isArray(doc['dependencies']) ? doc['dependencies'].map(record) : [];
  const outputs = Array.isArray(record(doc['interface'])['outputs']) ? (record(doc['interface'])['outputs'] as unknown[]).map(record) : [];
  const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  return {
    name: str(mod['name']),
    version: str(mod['version']),
    outputs: outputs.map((o) => ({ type: str(o['type']), description: str(o['description']) })),
    description: typeof mod['description'] === 'string' ? mod['description'] : '',
    tags,
    dependencies: deps.flatMap((d) => (typeof d['name'] === 'string' && typeof d['version'] === 'string' ? [{ name: d['name'], range: d['version'] }] : [])),
  };
}

/** A sentence for the common range forms; the registry resolves any semver range. */
export function rangeHelp(range: string): string {
  const m = /^([~^])?(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!m) return 'Any semver range: ^1.2.0, ~1.2.0, >=1.2.0 <2.0.0, 1.x, 1.2.0 || 2.0.0…';
  const [, op, major, minor, patch] = m;
  const [a, b, c] = [Number(major), Number(minor), Number(patch)];
  if (op === '^') {
    const upper = a > 0 ? `${a + 1}.0.0` : b > 0 ? `0.${b + 1}.0` : `0.0.${c + 1}`;
    return `${range.trim()}: ${a}.${b}.${c} or newer, below ${upper} (no breaking change).`;
  }
  if (op === '~') return `${range.trim()}: ${a}.${b}.${c} or newer, below ${a}.${b + 1}.0 (fixes only).`;
  return `${range.trim()}: exactly ${a}.${b}.${c}.`;
}

