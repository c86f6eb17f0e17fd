// The one error type every layer uses: created in core, carried unchanged to the CLI envelope and the UI.

/** The five categories of docs/cli.md; each maps to one process exit code. */
export const EXIT_CODES = {
  VALIDATION_ERROR: 1,
  TEST_FAILURE: 2,
  DEPENDENCY_ERROR: 3,
  PUBLISH_CONFLICT: 4,
  INTERNAL_ERROR: 5,
} as const;

export type ErrorCategory = keyof typeof EXIT_CODES;

/** A located finding of validation (error or warning), shaped as in `data.errors` of §6. */
export interface Diagnostic {
  /** Specific, stable code, e.g. `PLACEHOLDER_UNDECLARED`, `FIELD_REQUIRED`. */
  code: string;
  message: string;
  hint: string;
  /** Field path such as `interface.inputs[1].type`, or null when the finding is not about one field. */
  field: string | null;
  /** Absolute path of the file concerned, or null. */
  file: string | null;
  /** 1-based line and column where the YAML/TOML gives one, else null. */
  line: number | null;
  column: number | null;
}

/** Serializable form of a PromptPMError: what crosses IPC and what the CLI prints under `error`. */
export interface ErrorObject {
  code: ErrorCategory;
  message: string;
  hint: string;
  /** Absolute module folder or registry the error concerns (for `info`, the module name). */
  path: string;
  reason?: string;
  field?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface PromptPMErrorInit {
  hint: string;
  path: string;
  reason?: string;
  field?: string | null;
  file?: string | null;
  line?: number | null;
  column?: number | null;
  /** Command data carried beside the error (validation diagnostics, test results, conflict chains). */
  data?: Record<string, unknown>;
}

export class PromptPMError extends Error {
  readonly code: ErrorCategory;
  readonly hint: string;
  readonly path: string;
  readonly reason: string | undefined;
  readonly field: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly data: Record<string, unknown> | undefined;

  constructor(code: ErrorCategory, message: string, init: PromptPMErrorInit) {
    super(message);
    this.name = 'PromptPMError';
    this.code = code;
    this.hint = init.hint;
    this.path = init.path;
    this.reason = init.reason;
    this.field = init.field ?? undefined;
    this.file = init.file ?? undefined;
    this.line = init.line ?? undefined;
    this.column = init.column ?? undefined;
    this.data = init.data;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }

  toObject(): ErrorObject {
    const out: ErrorObject = { code: this.code, message: this.message, hint: this.hint, path: this.path };
    if (this.reason !== undefined) out.reason = this.reason;
    if (this.field !== undefined) out.field = this.field;
    if (this.file !== undefined) out.file = this.file;
    if (this.line !== undefined) out.line = this.line;
    if (this.column !== undefined) out.column = this.column;
    return out;
  }
}

export function isPromptPMError(value: unknown): value is PromptPMError {
  return value instanceof PromptPMError;
}

/** Wraps anything unexpected as INTERNAL_ERROR so no raw exception reaches a user. */
export function toPromptPMError(value: unknown, path: string): PromptPMError {
  if (value instanceof PromptPMError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new PromptPMError('INTERNAL_ERROR', `Unexpected internal error: ${message}`, {
    hint: 'This is a bug in PromptPM; please report it with the command you ran.',
    path,
  });
}

/** A validation failure: `error` describes the first diagnostic, `data.errors` lists all (§6). */
export function validationFailure(
  path: string,
  errors: Diagnostic[],
  warnings: Diagnostic[],
  data: Record<string, unknown> = {},
): PromptPMError {
  const first = errors[0];
  if (!first) throw new Error('validationFailure needs at least one error');
  return new PromptPMError('VALIDATION_ERROR', first.message, {
    hint: first.hint,
    path,
    reason: first.code,
    field: first.field,
    file: first.file,
    line: first.line,
    column: first.column,
    data: { ...data, errors, warnings },
  });
}
