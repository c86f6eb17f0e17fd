// One contract change as plain JSON data: the before and after values are copied out of the manifest model.
import type { ContractChange, JsonValue } from './types.js';

/** Plain JSON copy of a value from a manifest (undefined fields dropped). */
const json = (value: unknown): JsonValue => (value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue));

/** A change as the rules describe it; `before` and `after` may be any manifest value. */
export type ChangeInit = Omit<ContractChange, 'before' | 'after'> & { before?: unknown; after?: unknown };

export const change = ({ before, after, ...described }: ChangeInit): ContractChange => ({ ...described, before: json(before), after: json(after) });
