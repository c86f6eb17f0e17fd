// The core's error object as the UI sees it: every failed call throws an AppError that carries the
// ErrorObject unchanged (code, message, hint, path, location, data), so views can show it as such.
import type { ErrorObject } from '../../shared/ipc/schemas';

export class AppError extends Error {
  readonly info: ErrorObject;

  constructor(info: ErrorObject) {
    super(info.message);
    this.name = 'AppError';
    this.info = info;
  }
}

/** Anything thrown that is not an AppError (a bridge failure, a bug) becomes an INTERNAL_ERROR one. */
export function toAppError(value: unknown): AppError {
  if (value instanceof AppError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError({
    code: 'INTERNAL_ERROR',
    message: `Unexpected error: ${message}`,
    hint: 'Try again. If it keeps happening, restart PromptPM and report the problem.',
    path: '',
  });
}

/** `file:line:column` (or the field path) where the error points, or null when it has no location. */
export function locationOf(info: ErrorObject): string | null {
  const place = [info.file, info.line, info.column].filter((part) => part !== undefined).join(':');
  if (place && info.field) return `${place} (${info.field})`;
  return place || info.field || null;
}

const TITLES: Record<ErrorObject['code'], string> = {
  VALIDATION_ERROR: 'Validation error',
  TEST_FAILURE: 'Tests failed',
  DEPENDENCY_ERROR: 'Dependency error',
  PUBLISH_CONFLICT: 'Publish conflict',
  INTERNAL_ERROR: 'Something went wrong',
};

export function errorTitle(info: ErrorObject): string {
  return TITLES[info.code];
}
