// YAML manifests, read as YAML 1.1 the way the earlier tool's PyYAML reads it (yaml-dialect.ts), with source
// positions kept.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { NO_LOCATION, type Finding } from './diagnostics.js';
import { formatPath, type FieldPath } from './field-path.js';
import { positionIndex } from './text-position.js';
import { withFallback, type ParseOutcome, type Position, type Target } from './source.js';
import { YAML_DIALECT } from './yaml-dialect.js';

const MAX_ALIASES = 100;

export function parseYamlManifest(text: string, file: string): ParseOutcome {
  const doc = parseDocument(text, {
    ...YAML_DIALECT,
    uniqueKeys: true,
    keepSourceTokens: true,
    prettyErrors: false,
  });
  // Offsets are mapped by our own index (code-point columns), the same way templates are located.
  const pos = positionIndex(text);
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { file, line: null, column: null };
    return { file, ...pos(offset) };
  };
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const duplicates = findDuplicateKeys(doc);
  for (const dup of duplicates) {
    errors.push({
      code: 'DUPLICATE_KEY',
      field: formatPath(dup.path),
      message: `Duplicate key '${String(dup.path[dup.path.length - 1])}'`,
      hint: 'Keep one occurrence of the key; PromptPM does not silently pick one.',
      at: at(dup.offset),
    });
  }
  const reported = new Set(duplicates.map((d) => d.offset));
  for (const e of doc.errors) {
    if (e.code === 'DUPLICATE_KEY' && reported.has(e.pos[0])) continue;
    errors.push({
      code: e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
      field: null,
      message: `Malformed YAML: ${firstLine(e.message)}`,
      hint: 'Fix the YAML syntax at this position.',
      at: at(e.pos[0]),
    });
  }
  for (const w of doc.warnings) {
    warnings.push({ code: 'YAML_WARNING', field: null, message: `YAML: ${firstLine(w.message)}`, hint: 'Check this YAML construct.', at: at(w.pos[0]) });
  }
  // A syntax error leaves the structure uncertain; duplicates alone still allow checking the rest.
  if (errors.some((e) => e.code !== 'DUPLICATE_KEY')) return { ok: false, findings: { errors, warnings } };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    errors.push({ code: 'YAML_SYNTAX', field: null, message: `Malformed YAML: ${firstLine(message)}`, hint: 'Fix the anchors and aliases of the YAML file.', at: { ...NO_LOCATION, file } });
    return { ok: false, findings: { errors, warnings } };
  }
  const exact = (path: FieldPath, target: Target): Position | null => {
    const found = walk(doc, path);
    if (!found) return null;
    const offset = target === 'key' && found.keyOffset !== undefined ? found.keyOffset : found.node?.range?.[0];
    if (offset === undefined) return null;
    return pos(offset);
  };
  return { ok: true, doc: { value, locate: withFallback(exact) }, findings: { errors, warnings } };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

interface Found {
  node: Node | null;
  keyOffset: number | undefined;
}

function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function walk(doc: Document, path: FieldPath): Found | null {
  let current: Found = { node: (doc.contents as Node | null) ?? null, keyOffset: undefined };
  for (const seg of path) {
    const node = deref(doc, current.node);
    if (isMap(node) && typeof seg === 'string') {
      // The last pair with this key is the one whose value the parsed object kept.
      const pair = node.items.findLast((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) return null;
      const key = pair.key as Node;
      current = { node: (pair.value as Node | null) ?? null, keyOffset: key.range?.[0] };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return null;
      current = { node: item, keyOffset: item.range?.[0] };
    } else {
      return null;
    }
  }
  return current;
}

function findDuplicateKeys(doc: Document): { path: FieldPath; offset: number | undefined }[] {
  const found: { path: FieldPath; offset: number | undefined }[] = [];
  const visit = (node: unknown, path: FieldPath, depth: number): void => {
    if (depth > 64) return;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        // YAML 1.1 merge keys (`<<`) may repeat; they are not fields.
        if (seen.has(key) && key !== '<<') found.push({ path: [...path, key], offset: pair.key.range?.[0] });
        seen.add(key);
        visit(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i], depth + 1));
    }
  };
  visit(doc.contents, [], 0);
  return found;
}
