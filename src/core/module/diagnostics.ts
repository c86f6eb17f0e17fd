// Collects every finding of one validation pass, then orders them as docs/cli.md asks.
import type { Diagnostic } from '../errors.js';
import { RULE_ORDER, type DiagnosticCode } from './codes.js';

export interface Location {
  file: string | null;
  line: number | null;
  column: number | null;
}

export const NO_LOCATION: Location = { file: null, line: null, column: null };

export interface Finding {
  code: DiagnosticCode;
  field: string | null;
  message: string;
  hint: string;
  at: Location;
}

export class Diagnostics {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  error(finding: Finding): void {
    this.errors.push(toDiagnostic(finding));
  }

  warn(finding: Finding): void {
    this.warnings.push(toDiagnostic(finding));
  }

  sorted(): { errors: Diagnostic[]; warnings: Diagnostic[] } {
    return { errors: sortDiagnostics(this.errors), warnings: sortDiagnostics(this.warnings) };
  }
}

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    code: f.code,
    message: f.message,
    hint: f.hint,
    field: f.field,
    file: f.at.file,
    line: f.at.line,
    column: f.at.column,
  };
}

const rank = (code: string): number => {
  const i = (RULE_ORDER as readonly string[]).indexOf(code);
  return i < 0 ? RULE_ORDER.length : i;
};

// Plain code-unit comparison: locale-aware ordering would make output differ between machines.
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Located first (by file, line, column), then unlocated in rule order; ties keep emission order. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return list
    .map((d, i) => ({ d, i }))
    .sort((x, y) => {
      const a = x.d;
      const b = y.d;
      const aLocated = a.line !== null;
      const bLocated = b.line !== null;
      if (aLocated !== bLocated) return aLocated ? -1 : 1;
      if (aLocated) {
        const byPlace = cmp(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
        if (byPlace !== 0) return byPlace;
      }
      return rank(a.code) - rank(b.code) || x.i - y.i;
    })
    .map(({ d }) => d);
}
