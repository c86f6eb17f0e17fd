// scaffoldModule (`init`, §6): the scaffold validates and its tests pass; nothing is overwritten.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { isPromptPMError } from '../../../src/core/errors.js';
import { loadModule, scaffoldModule } from '../../../src/core/module/index.js';
import { nameFromFolder } from '../../../src/core/module/scaffold.js';
import { runModuleTests } from '../../../src/core/testing/index.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));
const folder = (name: string): string => {
  root = mkdtempSync(path.join(tmpdir(), 'promptpm-init-'));
  return path.join(root, name);
};

describe('scaffoldModule', () => {
  test('writes a module that validates without warnings and whose tests pass', async () => {
    const dir = folder('my-prompts');
    const result = await scaffoldModule(dir, {});
    expect(result).toEqual({ path: dir, created: ['promptpm.yaml', 'template.prompt', 'tests/'], module: { name: 'my-prompts', version: '0.1.0' } });
    expect(readdirSync(dir).sort()).toEqual(['promptpm.yaml', 'template.prompt', 'tests']);
    const mod = await loadModule(dir);
    expect(mod.errors).toEqual([]);
    expect(mod.warnings).toEqual([]);
    const report = await runModuleTests(mod);
    expect(report.failed).toBe(0);
    expect(report.total).toBeGreaterThan(0);
  });

  test('names that YAML 1.1 would misread stay text', async () => {
    const dir = folder('x');
    await scaffoldModule(dir, { name: 'yes', version: '1.0.0-rc.1' });
    expect((await loadModule(dir)).manifest?.module).toMatchObject({ name: 'yes', version: '1.0.0-rc.1' });
  });

  test('writes name and version plain, quoting only what PyYAML would read as something else', async () => {
    const plain = folder('demo-module');
    await scaffoldModule(plain, {});
    expect(readFileSync(path.join(plain, 'promptpm.yaml'), 'utf8')).toContain('module:\n  name: demo-module\n  version: 0.1.0\n');
    for (const name of ['no', '1.0', '1e3', '0x1F', 'y']) {
      const dir = path.join(root, `named-${name}`);
      await scaffoldModule(dir, { name });
      const text = readFileSync(path.join(dir, 'promptpm.yaml'), 'utf8');
      expect(text, name).toContain(name === 'y' ? '\n  name: y\n' : `\n  name: "${name}"\n`);
      expect((await loadModule(dir)).manifest?.module.name).toBe(name);
    }
  });

  test('refuses to overwrite, with the exact message, and writes nothing', async () => {
    const dir = folder('busy');
    mkdirSync(path.join(dir, 'tests'), { recursive: true });
    writeFileSync(path.join(dir, 'template.prompt'), 'mine');
    const error = await scaffoldModule(dir, {}).catch((e: unknown) => e);
    expect(isPromptPMError(error) && error.code).toBe('VALIDATION_ERROR');
    expect((error as Error).message).toBe('Initialization would overwrite existing paths: template.prompt, tests/');
    expect(readFileSync(path.join(dir, 'template.prompt'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['template.prompt', 'tests']);
  });

  test('an invalid --name or --version is a validation error', async () => {
    const dir = folder('x');
    await expect(scaffoldModule(dir, { name: '../up' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'NAME_INVALID' });
    await expect(scaffoldModule(dir, { version: '1.0' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'VERSION_INVALID' });
    expect(existsSync(path.join(dir, 'promptpm.yaml'))).toBe(false);
  });

  test('a folder name that is not a module name is cleaned', () => {
    expect(nameFromFolder('/a/My Prompts!')).toBe('My-Prompts-');
    expect(nameFromFolder('/a/..hidden')).toBe('hidden');
    expect(nameFromFolder('/a/☃')).toBe('prompt-module');
  });
});
