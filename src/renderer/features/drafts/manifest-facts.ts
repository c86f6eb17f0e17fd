// What the editor needs to know of the manifest being typed (the declared inputs, the template's file),
// read leniently: half-typed YAML gives what could be read, the rest falls back.
import { parse } from 'yaml';

export interface ManifestFacts {
  inputs: string[];
  placeholders: string[];
  template: string;
}

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

export function manifestFacts(text: string, fallback: ManifestFacts = { inputs: [], placeholders: [], template: 'template.prompt' }): ManifestFacts {
  let doc: Record<string, unknown>;
  try {
    doc = record(parse(text));
  } catch {
    return fallback;
  }
  const declared = record(doc['interface'])['inputs'];
  const inputs = Array.isArray(declared) ? declared.map((i) => record(i)['name']).filter((n): n is string => typeof n === 'string') : [];
  const prompt = record(doc['prompt']);
  const listed = prompt['placeholders'];
  const placeholders = Array.isArray(listed) ? listed.filter((n): n is string => typeof n === 'string') : [];
  const template = prompt['template'];
  return { inputs, placeholders, template: typeof template === 'string' && template !== '' ? template : fallback.template };
}
