// The default output mode: one line, word for word the earlier tool's format (with a located error's place
// appended), so its scripts keep working.
import { canonicalJson, canonicalJsonChunks } from '../../core/canonical-json.js';
import type { ErrorObject } from '../../core/errors.js';
import type { Data, Envelope } from './envelope.js';
import { diffLine } from './pretty/diff.js';

/**
 * Appended after the earlier tool's four fields, which stay first for its scripts: where the first error is
 * (` file=<json> line=<n> column=<n>`, each part when known) and ` more_errors=<n>` when there are others.
 */
function whereAndHowMany(error: ErrorObject, data: Data | undefined): string {
  let out = error.file === undefined ? '' : ` file=${canonicalJson(error.file)}`;
  if (error.line !== undefined) out += ` line=${error.line}`;
  if (error.column !== undefined) out += ` column=${error.column}`;
  const errors = data?.errors;
  if (Array.isArray(errors) && errors.length > 1) out += ` more_errors=${errors.length - 1}`;
  return out;
}

/** Whether a success of `operation` prints `OK data=` and its data as JSON (which may be large: a list). */
const printsData = (operation: string): boolean => operation !== 'validate' && operation !== 'diff';

export function renderLine(envelope: Envelope): string {
  if (envelope.ok) {
    const { data } = envelope;
    if (printsData(envelope.operation)) return `OK data=${canonicalJson(data)}`;
    if (envelope.operation === 'validate') {
      return `OK path=${canonicalJson(data.path)} source=${canonicalJson(data.source)}`;
    }
    return diffLine(data);
  }
  const { code, path, message, hint } = envelope.error;
  const line = `ERROR code=${canonicalJson(code)} path=${canonicalJson(path)} message=${canonicalJson(message)} hint=${canonicalJson(hint)}${whereAndHowMany(envelope.error, envelope.data)}`;
  const failures = envelope.data?.failures;
  return envelope.operation === 'test' && failures !== undefined ? `${line} failures=${canonicalJson(failures)}` : line;
}

/** renderLine's text and its newline in chunks: a success that prints its data (a list) prints it piece by piece. */
export function* lineChunks(envelope: Envelope): Generator<string | Uint8Array> {
  if (envelope.ok && printsData(envelope.operation)) {
    yield 'OK data=';
    yield* canonicalJsonChunks(envelope.data);
  } else {
    yield renderLine(envelope);
  }
  yield '\n';
}
