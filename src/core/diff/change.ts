// One contract change as plain JSON data: the before and after values are copied out of the manifest model.
import type { ContractChange, ContractChangeKind, ContractSection, JsonValue, Severity } from './types.js';

/** Plain JSON copy of a value from a manifest (undefined fields dropped). */
const json = (value: unknown): JsonValue => (value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue));

export interface ChangeInit {
  kind: ContractChangeKind;
  severity: Severity;
  section: ContractSection;
  subject: string;
  field: string;
  message: string;
  before?: unknown;
  after?: unknown;
}

export const change = (c: ChangeInit): ContractChange => ({
  kind: c.kind,
  severity: c.severity,
  section: c.section,
  subject: c.subject,
  field: c.field,
  message: c.message,
  before: json(c.before),
  after: json(c.after),
});
