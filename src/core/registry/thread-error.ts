// An error as it crosses back from a worker thread. Structured cloning keeps an Error's message but drops
// its class and own fields, so a PromptPMError travels as its fields and is rebuilt on the other side.
import { PromptPMError, type ErrorCategory } from '../errors.js';

export interface ThreadError {
  message: string;
  /** Present when the thread threw a PromptPMError. */
  promptpm?: { code: ErrorCategory; hint: string; path: string; reason?: string; field?: string; file?: string; line?: number; column?: number; data?: Record<string, unknown> };
}

export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof PromptPMError)) return { message: error instanceof Error ? error.message : String(error) };
  const { code, message, ...fields } = error.toObject();
  return { message, promptpm: { code, ...fields, ...(error.data !== undefined && { data: error.data }) } };
}

export function fromThreadError(error: ThreadError): Error {
  if (error.promptpm === undefined) return new Error(error.message);
  const { code, ...init } = error.promptpm;
  return new PromptPMError(code, error.message, init);
}
