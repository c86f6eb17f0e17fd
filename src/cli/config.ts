// The --config file (§6): JSON `{"registry"?: string}`, checked with a schema. Loaded only when a
// command needs a registry and no earlier source named one, since zod is costly to import.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { PromptPMError } from '../core/errors.js';

const configSchema = z.strictObject({ registry: z.string().min(1).optional() });

const CONFIG_HINT = 'The config file must be JSON of the form {"registry": "<path to a local registry folder>"}.';

function configError(file: string, message: string, extra: { field?: string; line?: number; column?: number } = {}): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', message, { hint: CONFIG_HINT, path: file, reason: 'CONFIG_INVALID', file, ...extra });
}

/** 1-based line and column of a JSON.parse error that names a position. */
function parsePosition(text: string, error: Error): { line?: number; column?: number } {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return {};
  const before = text.slice(0, Number(match[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The config's registry, relative paths taken from the config file's folder; undefined when unset. */
export async function registryFromConfig(configPath: string, cwd: string): Promise<string | undefined> {
  const file = resolve(cwd, configPath);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new PromptPMError('VALIDATION_ERROR', `Config file ${why}: ${file}`, { hint: 'Pass --config the path of an existing JSON file.', path: file, reason: 'CONFIG_UNREADABLE' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw configError(file, `Config file is not valid JSON: ${(error as Error).message}`, parsePosition(text, error as Error));
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = issue && 'keys' in issue ? (issue.keys as string[]) : [];
    const field = [...(issue?.path ?? []).map(String), ...keys.slice(0, 1)].join('.') || undefined;
    throw configError(file, `Config file is invalid${field ? ` at '${field}'` : ''}: ${issue?.message ?? 'unexpected content'}`, field ? { field } : {});
  }
  const registry = parsed.data.registry;
  // A scheme-like value (a URL) is passed through so the core can reject it with its own message.
  if (registry === undefined || isAbsolute(registry) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(registry)) return registry;
  return resolve(dirname(file), registry);
}
