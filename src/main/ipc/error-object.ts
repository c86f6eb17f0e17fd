// Turns whatever a handler threw into the core's error object, the only error shape that crosses IPC.
import { PromptPMError, toPromptPMError } from '../../core/errors.js';
import type { ErrorObject } from '../../shared/ipc/schemas.js';

export function toErrorObject(error: unknown, path: string): ErrorObject {
  const err = toPromptPMError(error, path);
  const out: ErrorObject = err.toObject();
  // Structured data (validation diagnostics, conflict chains) travels too; a JSON round trip drops
  // anything that would not survive the structured clone of IPC.
  if (err.data !== undefined) out.data = JSON.parse(JSON.stringify(err.data)) as Record<string, unknown>;
  return out;
}

/** An error raised by the IPC layer itself (bad arguments, refused sender, refused path). */
export function ipcError(reason: string, message: string, hint: string, path = ''): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', message, { hint, path, reason });
}
