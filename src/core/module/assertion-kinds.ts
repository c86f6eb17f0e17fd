// The assertion kinds of §3 and the shape of their values. Validation checks values with these
// parsers so a test run never meets a malformed assertion.
import { isMapping, own } from './checker.js';

export const TEXT_KINDS = ['contains', 'excludes', 'icontains', 'regex', 'starts_with', 'ends_with', 'equals'] as const;
export const LENGTH_KINDS = ['min_length', 'max_length'] as const;
export const ASSERTION_KINDS: readonly string[] = [...TEXT_KINDS, ...LENGTH_KINDS, 'structure'];

export interface StructureSpec {
  type: 'object' | 'array';
  /** Keys every object (or every element of the array) must have. */
  requiredKeys: string[];
}

const SHAPE_NAMES: Record<string, StructureSpec['type']> = {
  json_object: 'object',
  object: 'object',
  json_array: 'array',
  array: 'array',
};

/** `json_object`, `json_array`, or `{type, required_keys}`; a string describing the problem otherwise. */
export function parseStructure(value: unknown): StructureSpec | string {
  if (typeof value === 'string') {
    const type = Object.hasOwn(SHAPE_NAMES, value) ? SHAPE_NAMES[value] : undefined;
    return type ? { type, requiredKeys: [] } : `unknown structure '${value}' (use json_object or json_array)`;
  }
  if (!isMapping(value)) return 'must be json_object, json_array, or a mapping {type, required_keys}';
  const extra = Object.keys(value).filter((k) => k !== 'type' && k !== 'required_keys');
  if (extra.length > 0) return `has unknown keys: ${extra.join(', ')}`;
  const rawType = own(value, 'type');
  const type = typeof rawType === 'string' && Object.hasOwn(SHAPE_NAMES, rawType) ? SHAPE_NAMES[rawType] : undefined;
  if (!type) return 'type must be json_object or json_array';
  const keys = own(value, 'required_keys') ?? [];
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) return 'required_keys must be a list of strings';
  return { type, requiredKeys: keys as string[] };
}

export function isTextKind(kind: string): boolean {
  return (TEXT_KINDS as readonly string[]).includes(kind);
}

export function isLengthKind(kind: string): boolean {
  return (LENGTH_KINDS as readonly string[]).includes(kind);
}

export function isLengthValue(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
