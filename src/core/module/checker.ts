// Typed, located access to the parsed manifest. Each accessor reports what is wrong (missing field,
// wrong type) at the field's position and returns undefined, so validation carries on and every
// problem is found in one pass.
import type { DiagnosticCode } from './codes.js';
import type { Diagnostics, Location } from './diagnostics.js';
import { formatPath, type FieldPath } from './field-path.js';
import type { ParsedManifest, Target } from './source.js';

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own properties only: a manifest key named `constructor` or `__proto__` is data, never inherited. */
export function own(obj: Mapping, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (Array.isArray(value)) return 'a list';
  if (isMapping(value)) return 'a mapping';
  if (value instanceof Date || value?.constructor?.name === 'TomlDate') return 'a date';
  if (value instanceof Uint8Array) return 'binary data';
  return 'an unsupported value';
}

const isScalarNonText = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || describe(v) === 'a date';

export class Checker {
  constructor(
    private readonly doc: ParsedManifest,
    readonly file: string,
    readonly diagnostics: Diagnostics,
  ) {}

  at(path: FieldPath, target: Target = 'value'): Location {
    const pos = this.doc.locate(path, target);
    return { file: this.file, line: pos?.line ?? null, column: pos?.column ?? null };
  }

  error(code: DiagnosticCode, path: FieldPath, message: string, hint: string, target: Target = 'value'): void {
    this.diagnostics.error({ code, field: formatPath(path) || null, message, hint, at: this.at(path, target) });
  }

  warn(code: DiagnosticCode, path: FieldPath, message: string, hint: string, target: Target = 'value'): void {
    this.diagnostics.warn({ code, field: formatPath(path) || null, message, hint, at: this.at(path, target) });
  }

  missing(path: FieldPath): void {
    const parent = path.slice(0, -1);
    const where = parent.length > 0 ? `under '${formatPath(parent)}'` : 'at the top level';
    const loc = parent.length > 0 ? this.at(parent, 'key') : { file: this.file, line: null, column: null };
    this.diagnostics.error({
      code: 'FIELD_REQUIRED',
      field: formatPath(path),
      message: `Required field '${formatPath(path)}' is missing`,
      hint: `Add '${String(path[path.length - 1])}' ${where}.`,
      at: loc,
    });
  }

  wrongType(path: FieldPath, value: unknown, expected: string): void {
    const quote = expected === 'text' && isScalarNonText(value) ? ' Quote the value so it is read as text.' : '';
    this.error('FIELD_TYPE', path, `Field '${formatPath(path)}' must be ${expected}, got ${describe(value)}`, `Write ${expected} here.${quote}`);
  }

  /** A string field; `required` reports absence, `nonEmpty` reports blank text. */
  text(obj: Mapping, key: string, path: FieldPath, opts: { required: boolean; nonEmpty?: boolean }): string | undefined {
    const value = own(obj, key);
    const here = [...path, key];
    if (value === undefined || value === null) {
      if (opts.required) this.missing(here);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.wrongType(here, value, 'text');
      return undefined;
    }
    if (opts.nonEmpty && value.trim() === '') {
      this.error('FIELD_EMPTY', here, `Field '${formatPath(here)}' is empty`, 'Write a non-empty value.');
      return undefined;
    }
    return value;
  }

  list(obj: Mapping, key: string, path: FieldPath, required: boolean): unknown[] | undefined {
    const value = own(obj, key);
    const here = [...path, key];
    if (value === undefined || value === null) {
      if (required) this.missing(here);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.wrongType(here, value, 'a list');
      return undefined;
    }
    return value;
  }

  mapping(obj: Mapping, key: string, path: FieldPath, required: boolean): Mapping | undefined {
    const value = own(obj, key);
    const here = [...path, key];
    if (value === undefined || value === null) {
      if (required) this.missing(here);
      return undefined;
    }
    if (!isMapping(value)) {
      this.wrongType(here, value, 'a mapping');
      return undefined;
    }
    return value;
  }

  /** An optional list of strings; bad items are reported one by one and dropped. */
  textList(obj: Mapping, key: string, path: FieldPath): string[] {
    const items = this.list(obj, key, path, false) ?? [];
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else this.wrongType([...path, key, i], item, 'text');
    });
    return out;
  }

  /** Unknown fields are ignored with a warning, for forward compatibility (§2). */
  known(obj: Mapping, path: FieldPath, fields: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (fields.includes(key)) continue;
      const where = path.length > 0 ? `in '${formatPath(path)}'` : 'at the top level';
      this.warn('UNKNOWN_FIELD', [...path, key], `Unknown field '${key}' ${where} is ignored`, `Known fields here: ${fields.join(', ')}.`, 'key');
    }
  }
}
