// TOML 1.0 manifests via smol-toml. Syntax errors carry smol-toml's line:column; field positions
// come from the light scanner in toml-scan.ts (null where it cannot place a field).
import { parse, TomlError } from 'smol-toml';
import { pathKey } from './field-path.js';
import { scanTomlPositions } from './toml-scan.js';
import { withFallback, type ParseOutcome } from './source.js';

const REDEFINE = /redefine an already defined/;

export function parseTomlManifest(text: string, file: string): ParseOutcome {
  let value: unknown;
  try {
    value = parse(text, { maxDepth: 100 });
  } catch (err) {
    const located = err instanceof TomlError;
    const raw = err instanceof Error ? err.message : String(err);
    const message = (raw.split('\n')[0] ?? raw).replace(/^Invalid TOML document: /, '');
    const duplicate = REDEFINE.test(message);
    return {
      ok: false,
      findings: {
        errors: [
          {
            code: duplicate ? 'DUPLICATE_KEY' : 'TOML_SYNTAX',
            field: null,
            message: duplicate ? `Duplicate key: ${message}` : `Malformed TOML: ${message}`,
            hint: duplicate ? 'Define each key and table once.' : 'Fix the TOML syntax at this position.',
            at: { file, line: located ? err.line : null, column: located ? err.column : null },
          },
        ],
        warnings: [],
      },
    };
  }
  let positions: ReturnType<typeof scanTomlPositions> | null = null;
  try {
    positions = scanTomlPositions(text);
  } catch {
    // Positions are a convenience: without them every diagnostic is still reported, unlocated.
  }
  const locate = withFallback((path, target) => {
    const map = target === 'key' ? positions?.keys : positions?.values;
    return map?.get(pathKey(path)) ?? null;
  });
  return { ok: true, doc: { value, locate }, findings: { errors: [], warnings: [] } };
}
