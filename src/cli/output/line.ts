// The default output mode: one line, word for word the earlier tool's format, so its scripts keep working.
import { canonicalJson } from '../../core/canonical-json.js';
import type { Envelope } from './envelope.js';
import { diffLine } from './pretty/diff.js';

export function renderLine(envelope: Envelope): string {
  if (envelope.ok) {
    const { data } = envelope;
    if (envelope.operation === 'validate') {
      return `OK path=${canonicalJson(data.path)} source=${canonicalJson(data.source)}`;
    }
    if (envelope.operation === 'diff') return diffLine(data);
    return `OK data=${canonicalJson(data)}`;
  }
  const { code, path, message, hint } = envelope.error;
  const line = `ERROR code=${canonicalJson(code)} path=${canonicalJson(path)} message=${canonicalJson(message)} hint=${canonicalJson(hint)}`;
  const failures = envelope.data?.failures;
  return envelope.operation === 'test' && failures !== undefined ? `${line} failures=${canonicalJson(failures)}` : line;
}
