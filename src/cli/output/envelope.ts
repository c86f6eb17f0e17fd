// The one result object every run prints (docs/cli.md), success or failure.
import type { ErrorObject, PromptPMError } from '../../core/errors.js';

export type Data = Record<string, unknown>;

export type Envelope =
  | { ok: true; operation: string; data: Data }
  | { ok: false; operation: string; error: ErrorObject; data?: Data };

export function successEnvelope(operation: string, data: Data): Envelope {
  return { ok: true, operation, data };
}

export function failureEnvelope(operation: string, error: PromptPMError): Envelope {
  const envelope: Envelope = { ok: false, operation, error: error.toObject() };
  if (error.data !== undefined) envelope.data = error.data;
  return envelope;
}
