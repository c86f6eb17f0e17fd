// The `structure` assertion: the rendered text parses as JSON of the requested shape.
import { parseStructure, type StructureSpec } from '../module/index.js';

export type StructureVerdict = { passed: true } | { passed: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function missingKeys(value: Record<string, unknown>, keys: string[]): string[] {
  return keys.filter((k) => !Object.hasOwn(value, k));
}

export function checkStructure(text: string, value: unknown): StructureVerdict {
  const spec: StructureSpec | string = parseStructure(value);
  if (typeof spec === 'string') return { passed: false, reason: `the structure assertion ${spec}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { passed: false, reason: `the rendered text is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  if (spec.type === 'object') {
    if (!isObject(parsed)) return { passed: false, reason: 'the rendered JSON is not an object' };
    const missing = missingKeys(parsed, spec.requiredKeys);
    return missing.length === 0 ? { passed: true } : { passed: false, reason: `the JSON object lacks required keys: ${missing.join(', ')}` };
  }
  if (!Array.isArray(parsed)) return { passed: false, reason: 'the rendered JSON is not an array' };
  if (spec.requiredKeys.length === 0) return { passed: true };
  for (let i = 0; i < parsed.length; i++) {
    const item: unknown = parsed[i];
    if (!isObject(item)) return { passed: false, reason: `element ${i} of the JSON array is not an object` };
    const missing = missingKeys(item, spec.requiredKeys);
    if (missing.length > 0) return { passed: false, reason: `element ${i} of the JSON array lacks required keys: ${missing.join(', ')}` };
  }
  return { passed: true };
}
