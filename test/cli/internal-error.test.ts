// Anything unexpected inside a command becomes one INTERNAL_ERROR envelope with exit 5: no stack trace,
// nothing on stderr. Driven through the built run layer with an action that throws.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const runModule = pathToFileURL(new URL('../../out/cli/cli/run.js', import.meta.url).pathname).href;

function runThrowing(thrown: string, flags: Record<string, boolean>) {
  const script = `
    import { execute, finish } from ${JSON.stringify(runModule)};
    const cmd = { opts: () => (${JSON.stringify(flags)}), parent: null };
    await execute('validate', cmd, '/some/module', async () => { throw ${thrown}; });
    finish();
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('unexpected errors', () => {
  it('are INTERNAL_ERROR (exit 5) in one envelope, without a stack trace', () => {
    const run = runThrowing("new TypeError('boom')", { json: true });
    expect(run.status).toBe(5);
    expect(run.stderr).toBe('');
    const envelope = JSON.parse(run.stdout);
    expect(envelope).toEqual({
      ok: false,
      operation: 'validate',
      error: { code: 'INTERNAL_ERROR', message: 'Unexpected internal error: boom', hint: expect.any(String), path: '/some/module' },
    });
    expect(run.stdout).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('covers thrown non-errors and the default line mode', () => {
    const run = runThrowing("'just a string'", {});
    expect(run.status).toBe(5);
    expect(run.stdout).toMatch(/^ERROR code="INTERNAL_ERROR" path="\/some\/module" message="Unexpected internal error: just a string" hint=".+"\n$/);
  });

  it('are printed even with --quiet', () => {
    const run = runThrowing("new Error('x')", { quiet: true });
    expect(run.status).toBe(5);
    expect(run.stdout).toContain('INTERNAL_ERROR');
  });
});
