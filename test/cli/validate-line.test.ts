// validate's default one-line mode: the earlier tool's four fields first, then where the first error is and how
// many more there are, so "every error located" holds for the line too (all of them are in --json and --pretty).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { moduleFiles, tempDir, writeTree } from './helpers.js';

describe('validate one-line output', () => {
  it('locates the first error and counts the others', async () => {
    const files = moduleFiles({ name: 'lined', version: '1.0' });
    const mod = writeTree(tempDir(), { ...files, 'template.prompt': 'Summary of: {{document}} for {{reader}}\n' });
    const run = await runCli(['validate', mod]);
    expect(run.code).toBe(1);
    const manifest = join(mod, 'promptpm.yaml');
    expect(run.stdout).toMatch(new RegExp(`^ERROR code="VALIDATION_ERROR" path="${mod}" message="[^"]+" hint="[^"]+" file="${manifest}" line=3 column=12 more_errors=1\\n$`));
  });

  it('keeps the success line unchanged', async () => {
    const mod = writeTree(tempDir(), moduleFiles({ name: 'fine' }));
    const run = await runCli(['validate', mod]);
    expect(run.stdout).toBe(`OK path=${JSON.stringify(mod)} source=${JSON.stringify(join(mod, 'promptpm.yaml'))}\n`);
  });
});
