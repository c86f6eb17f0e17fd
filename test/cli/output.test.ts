// The output layer on its own: envelope → exact bytes for each mode (§6).
import { describe, expect, it } from 'vitest';
import { PromptPMError, validationFailure, type Diagnostic } from '../../src/core/errors.js';
import { canonicalJson } from '../../src/core/canonical-json.js';
import { failureEnvelope, successEnvelope, type Envelope } from '../../src/cli/output/envelope.js';
import { renderChunks, type OutputMode } from '../../src/cli/output/render.js';

/** The whole text printed for `envelope` (its chunks joined), or null when --quiet silences it. */
async function renderEnvelope(envelope: Envelope, mode: OutputMode): Promise<string | null> {
  const chunks = await renderChunks(envelope, mode);
  return chunks === null ? null : [...chunks].join('');
}

const LINE: OutputMode = { json: false, pretty: false, quiet: false, colour: false };
const JSON_MODE: OutputMode = { ...LINE, json: true };
const PRETTY: OutputMode = { ...LINE, pretty: true };

const diag = (code: string, line: number): Diagnostic => ({
  code,
  message: `${code} message`,
  hint: `${code} hint`,
  field: 'module.version',
  file: '/m/promptpm.yaml',
  line,
  column: 3,
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined values and adds no spaces', async () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined }, é: 'ü' })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1,"é":"ü"}');
  });
});

describe('renderEnvelope', () => {
  const ok = successEnvelope('list', { registry_path: '/r', count: 0, modules: [] });
  const failure = failureEnvelope('validate', validationFailure('/m', [diag('VERSION_INVALID', 3), diag('NAME_INVALID', 2)], [], { path: '/m', source: null }));

  it('prints compact sorted JSON on one line with --json', async () => {
    expect(await renderEnvelope(ok, JSON_MODE)).toBe('{"data":{"count":0,"modules":[],"registry_path":"/r"},"ok":true,"operation":"list"}\n');
  });

  it('lets --json win over --pretty', async () => {
    expect(await renderEnvelope(ok, { ...PRETTY, json: true })).toBe(await renderEnvelope(ok, JSON_MODE));
  });

  it('prints the earlier tool line formats by default', async () => {
    expect(await renderEnvelope(ok, LINE)).toBe('OK data={"count":0,"modules":[],"registry_path":"/r"}\n');
    const validated = successEnvelope('validate', { path: '/m', source: '/m/promptpm.yaml', warnings: [] });
    expect(await renderEnvelope(validated, LINE)).toBe('OK path="/m" source="/m/promptpm.yaml"\n');
    expect(await renderEnvelope(failure, LINE)).toBe(
      'ERROR code="VALIDATION_ERROR" path="/m" message="VERSION_INVALID message" hint="VERSION_INVALID hint" file="/m/promptpm.yaml" line=3 column=3 more_errors=1\n',
    );
  });

  it('appends to an error line where the first error is (each part when known) and how many more there are', async () => {
    const only = failureEnvelope('validate', validationFailure('/m', [diag('VERSION_INVALID', 3)], [], {}));
    expect(await renderEnvelope(only, LINE)).toBe('ERROR code="VALIDATION_ERROR" path="/m" message="VERSION_INVALID message" hint="VERSION_INVALID hint" file="/m/promptpm.yaml" line=3 column=3\n');
    const fileOnly: Diagnostic = { ...diag('SYMLINK', 0), file: '/m/tests/link', line: null, column: null };
    const unlocated: Diagnostic = { ...diag('FIELD_REQUIRED', 0), file: null, line: null, column: null };
    expect(await renderEnvelope(failureEnvelope('validate', validationFailure('/m', [fileOnly, unlocated], [], {})), LINE)).toBe(
      'ERROR code="VALIDATION_ERROR" path="/m" message="SYMLINK message" hint="SYMLINK hint" file="/m/tests/link" more_errors=1\n',
    );
    expect(await renderEnvelope(failureEnvelope('validate', validationFailure('/m', [unlocated], [], {})), LINE)).toBe(
      'ERROR code="VALIDATION_ERROR" path="/m" message="FIELD_REQUIRED message" hint="FIELD_REQUIRED hint"\n',
    );
  });

  it('appends failures to a failing test line, and only there', async () => {
    const failures = [{ test_name: 't', assertion_index: 0, assertion_type: 'contains', expected: 'x', actual: 'y', message: 'm' }];
    const error = new PromptPMError('TEST_FAILURE', '1 test(s) failed.', { hint: 'h', path: '/m', data: { failures, results: [] } });
    expect(await renderEnvelope(failureEnvelope('test', error), LINE)).toBe(
      'ERROR code="TEST_FAILURE" path="/m" message="1 test(s) failed." hint="h" failures=[{"actual":"y","assertion_index":0,"assertion_type":"contains","expected":"x","message":"m","test_name":"t"}]\n',
    );
    expect(await renderEnvelope(failureEnvelope('publish', error), LINE)).not.toContain('failures=');
  });

  it('prints a large result in chunks, with --json and by default, never as one text', async () => {
    const modules = Array.from({ length: 5000 }, (_, i) => ({ name: `module-${i}`, source: `/r/modules/module-${i}/1.0.0`, version: '1.0.0' }));
    const big = successEnvelope('list', { registry_path: '/r', count: modules.length, modules });
    for (const [mode, text] of [
      [JSON_MODE, `${canonicalJson(big)}\n`],
      [LINE, `OK data=${canonicalJson(big.data)}\n`],
    ] as const) {
      const chunks = [...((await renderChunks(big, mode)) ?? [])];
      expect(chunks.join('')).toBe(text);
      expect(chunks.length).toBeGreaterThan(3);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(text.length / 3);
    }
  });

  it('prints nothing on success with --quiet in every mode, and still prints failures', async () => {
    for (const mode of [LINE, JSON_MODE, PRETTY]) {
      expect(await renderEnvelope(ok, { ...mode, quiet: true })).toBeNull();
      expect(await renderEnvelope(failure, { ...mode, quiet: true })).toBe(await renderEnvelope(failure, mode));
    }
  });

  it('keeps the first diagnostic as the error and all of them in data.errors', async () => {
    const parsed = JSON.parse(await renderEnvelope(failure, JSON_MODE) ?? '');
    expect(parsed.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'VERSION_INVALID', line: 3, column: 3, field: 'module.version' });
    expect(parsed.data.errors.map((d: Diagnostic) => d.code)).toEqual(['VERSION_INVALID', 'NAME_INVALID']);
  });
});

describe('--pretty', () => {
  const failure = failureEnvelope('validate', validationFailure('/m', [diag('VERSION_INVALID', 3), diag('NAME_INVALID', 2)], [diag('UNKNOWN_FIELD', 9)]));

  it('lists every error and warning with a location relative to the module', async () => {
    const text = await renderEnvelope(failure, PRETTY) ?? '';
    expect(text).toContain('VALIDATION_ERROR');
    expect(text).toContain('2 errors');
    expect(text).toContain('1 warning');
    expect(text).toContain('promptpm.yaml:2:3');
    expect(text).toContain('NAME_INVALID hint');
    expect(text).toContain('UNKNOWN_FIELD');
  });

  it('uses colour only when asked to (stdout is a terminal)', async () => {
    expect(await renderEnvelope(failure, PRETTY)).not.toContain('\u001b[');
    expect(await renderEnvelope(failure, { ...PRETTY, colour: true })).toContain('\u001b[31m');
  });

  it('renders a success for people', async () => {
    const init = successEnvelope('init', { path: '/m', created: ['promptpm.yaml', 'template.prompt', 'tests/'], module: { name: 'demo', version: '0.1.0' } });
    expect(await renderEnvelope(init, PRETTY)).toContain('Created module demo@0.1.0 in /m');
  });
});
