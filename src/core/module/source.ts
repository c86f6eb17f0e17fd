// A parsed manifest: its plain value plus a way back from any field path to a line:column.
import type { Finding } from './diagnostics.js';
import type { FieldPath } from './field-path.js';

export interface Position {
  line: number;
  column: number;
}

/** Which end of a `key: value` pair to point at: the key (unknown or duplicate fields) or the value. */
export type Target = 'key' | 'value';

export interface ParsedManifest {
  value: unknown;
  /** Where the field is written; falls back to the nearest enclosing field that is, else null. */
  locate(path: FieldPath, target: Target): Position | null;
}

export type ParseOutcome =
  | { ok: true; doc: ParsedManifest; findings: { errors: Finding[]; warnings: Finding[] } }
  | { ok: false; findings: { errors: Finding[]; warnings: Finding[] } };

/** Builds `locate` from an exact lookup by trying the path, then each shorter prefix at its key. */
export function withFallback(exact: (path: FieldPath, target: Target) => Position | null): ParsedManifest['locate'] {
  return (path, target) => {
    const hit = exact(path, target);
    if (hit) return hit;
    for (let n = path.length - 1; n > 0; n--) {
      const up = exact(path.slice(0, n), 'key');
      if (up) return up;
    }
    return null;
  };
}
