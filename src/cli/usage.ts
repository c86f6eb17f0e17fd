// Command-line mistakes (unknown option, missing argument, malformed name@version) are reported in the
// envelope like any other failure, as VALIDATION_ERROR with reason USAGE.
import { PromptPMError } from '../core/errors.js';

export function usageError(message: string, operation: string): PromptPMError {
  const sentence = message.replace(/^error:\s*/i, '').replace(/^./, (c) => c.toUpperCase());
  const text = /[.!?)]$/.test(sentence) ? sentence : `${sentence}.`;
  const help = operation === 'promptpm' ? 'promptpm --help' : `promptpm ${operation} --help`;
  return new PromptPMError('VALIDATION_ERROR', text, { hint: `Run \`${help}\` to see the usage.`, path: process.cwd(), reason: 'USAGE' });
}

/** Splits `name[@version]`; a module name never contains `@`, so the first one separates them. */
export function parseModuleSpec(spec: string, operation: string): { name: string; version?: string } {
  const at = spec.indexOf('@');
  const name = at < 0 ? spec : spec.slice(0, at);
  const version = at < 0 ? undefined : spec.slice(at + 1);
  if (at < 0 && name) return { name };
  if (!name || !version) throw usageError(`Expected <name> or <name>@<version>, got: '${spec}'`, operation);
  return { name, version };
}
