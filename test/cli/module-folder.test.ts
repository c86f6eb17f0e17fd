// What publish copies from a module folder, through the built CLI: validate refuses what publish refuses, and a
// version never contains a registry, even the default one publish creates inside the module folder.
import { readdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { moduleFiles, tempDir, writeTree, type Envelope as SharedEnvelope } from './helpers.js';

interface Diagnostic {
  code: string;
  file: string | null;
  message: string;
}

type Envelope = SharedEnvelope<{ errors?: Diagnostic[]; warnings?: Diagnostic[]; ok?: number; total?: number; published_path?: string }>;

async function cli(args: string[], cwd: string): Promise<{ code: number | null; env: Envelope }> {
  const run = await runCli([...args, '--json'], { cwd });
  return { code: run.code, env: run.json as Envelope };
}

/** Every file under dir, as sorted POSIX paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

describe('module folder contents', () => {
  it('validate refuses a symlink in tests/ with the code publish refuses it with, naming the file', async () => {
    const mod = writeTree(tempDir(), { ...moduleFiles({ name: 'linked' }), 'tests/example.txt': 'x' });
    symlinkSync('/etc/hostname', join(mod, 'tests', 'link'));
    const validate = await cli(['validate'], mod);
    expect(validate.code).toBe(1);
    expect(validate.env.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'SYMLINK', file: join(mod, 'tests', 'link') });
    expect(validate.env.data.errors).toEqual([expect.objectContaining({ code: 'SYMLINK', message: 'Symbolic links cannot be published: tests/link' })]);
    const publish = await cli(['publish', '--registry', join(tempDir(), 'reg')], mod);
    expect(publish.code).toBe(1);
    expect(publish.env.error).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'SYMLINK' });
  });

  it('publish from inside the module with the default registry: each version holds exactly the module files, verify ok', async () => {
    const mod = writeTree(tempDir(), moduleFiles({ name: 'inside', version: '1.0.0' }));
    const files = ['promptpm.yaml', 'template.prompt'];
    const first = await cli(['publish'], mod);
    expect(first.code).toBe(0);
    const validate = await cli(['validate'], mod);
    expect(validate.code).toBe(0);
    expect(validate.env.data.warnings).toEqual([
      expect.objectContaining({ code: 'REGISTRY_INSIDE_MODULE', file: join(mod, '.promptpm_registry'), message: expect.stringContaining(': .promptpm_registry') }),
    ]);
    writeTree(mod, moduleFiles({ name: 'inside', version: '1.1.0' }));
    const second = await cli(['publish'], mod);
    expect(second.code).toBe(0);
    for (const version of ['1.0.0', '1.1.0']) {
      expect(filesUnder(join(mod, '.promptpm_registry', 'modules', 'inside', version))).toEqual(['.promptpm_immutable.json', ...files]);
    }
    const verify = await cli(['verify'], mod);
    expect(verify.code).toBe(0);
    expect(verify.env.data).toMatchObject({ ok: 2, total: 2 });
  });
});
