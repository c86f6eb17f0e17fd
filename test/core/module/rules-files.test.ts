// File-level rules: finding and reading the manifest and template (symlinks, escapes, encodings,
// sizes) and the placeholder consistency of §2, both ways.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadModule } from '../../../src/core/module/index.js';
import { makeModule, mutate, only, positionOf, VALID_TEMPLATE, VALID_YAML, where, yamlModule } from './helpers.js';

const NINE_MIB = 9 * 1024 * 1024;

describe('manifest file', () => {
  test('no manifest: MANIFEST_NOT_FOUND without a location', async () => {
    const mod = await loadModule(makeModule({ 'template.prompt': 'x' }));
    expect(only(mod.errors, 'MANIFEST_NOT_FOUND')).toMatchObject({ line: null, file: null });
    expect(mod.source).toBeNull();
  });

  test('a missing folder is MANIFEST_NOT_FOUND too, not an exception', async () => {
    const mod = await loadModule('/nonexistent/promptpm/module');
    expect(only(mod.errors, 'MANIFEST_NOT_FOUND').message).toContain('does not exist');
  });

  test('a file given as the module folder is MANIFEST_NOT_FOUND', async () => {
    const dir = yamlModule(VALID_YAML);
    expect(only((await loadModule(path.join(dir, 'promptpm.yaml'))).errors, 'MANIFEST_NOT_FOUND').message).toContain('not a folder');
  });

  test('a symlinked manifest is refused', async () => {
    const dir = makeModule({ 'real.yaml': VALID_YAML, 'template.prompt': VALID_TEMPLATE });
    symlinkSync(path.join(dir, 'real.yaml'), path.join(dir, 'promptpm.yaml'));
    const mod = await loadModule(dir);
    expect(only(mod.errors, 'MANIFEST_NOT_FILE').message).toContain('symlink');
  });

  test('a folder named promptpm.yaml is refused', async () => {
    const dir = makeModule({ 'promptpm.yaml/x': 'x' });
    expect(only((await loadModule(dir)).errors, 'MANIFEST_NOT_FILE').message).toContain('not a regular file');
  });

  test('malformed YAML: YAML_SYNTAX with its line:column', async () => {
    const mod = await loadModule(yamlModule('module:\n  name: x\n  bad: [1, 2\nprompt: {}\n'));
    const d = mod.errors.find((e) => e.code === 'YAML_SYNTAX');
    expect(d?.line).toBeGreaterThanOrEqual(3);
    expect(d?.column).toBeGreaterThanOrEqual(1);
    expect(mod.manifest).toBeNull();
  });

  test('non-UTF-8 manifest: FILE_NOT_UTF8 at the first bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('module:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const mod = await loadModule(yamlModule(bytes as unknown as string));
    expect(where(only(mod.errors, 'FILE_NOT_UTF8'))).toEqual({ field: null, line: 2, column: 12 });
  });

  test('manifest over 8 MiB: FILE_TOO_LARGE', async () => {
    const mod = await loadModule(yamlModule(`# ${'x'.repeat(NINE_MIB)}\n`));
    expect(only(mod.errors, 'FILE_TOO_LARGE').file).toBe(mod.source);
  });

  test('an unknown YAML tag is a YAML_WARNING at the tag', async () => {
    const yaml = mutate('description: A sample module', 'description: !custom A sample module');
    const mod = await loadModule(yamlModule(yaml));
    expect(mod.errors).toEqual([]);
    expect(where(only(mod.warnings, 'YAML_WARNING'))).toEqual({ field: null, ...positionOf(yaml, '!custom') });
  });

  test('a list is not a manifest: MANIFEST_NOT_MAPPING', async () => {
    expect(where(only((await loadModule(yamlModule('- a\n- b\n'))).errors, 'MANIFEST_NOT_MAPPING'))).toEqual({ field: null, line: 1, column: 1 });
  });

  test('an empty manifest: MANIFEST_NOT_MAPPING without a line', async () => {
    expect(only((await loadModule(yamlModule(''))).errors, 'MANIFEST_NOT_MAPPING').message).toContain('empty');
  });

  test('YAML wins over TOML, with a warning', async () => {
    const dir = yamlModule(VALID_YAML, { 'promptpm.toml': 'not = [valid' });
    const mod = await loadModule(dir);
    expect(mod.errors).toEqual([]);
    expect(mod.source).toBe(path.join(dir, 'promptpm.yaml'));
    expect(only(mod.warnings, 'MANIFEST_SHADOWED').file).toBe(path.join(dir, 'promptpm.toml'));
  });

  test('malformed TOML: TOML_SYNTAX with its line:column', async () => {
    const dir = makeModule({ 'promptpm.toml': '[module]\nname = "x"\nversion = 1.0.0\n', 'template.prompt': 'x' });
    expect(where(only((await loadModule(dir)).errors, 'TOML_SYNTAX'))).toEqual({ field: null, line: 3, column: 14 });
  });

  test('duplicate TOML key: DUPLICATE_KEY with its line', async () => {
    const dir = makeModule({ 'promptpm.toml': '[module]\nname = "x"\nname = "y"\n', 'template.prompt': 'x' });
    expect(only((await loadModule(dir)).errors, 'DUPLICATE_KEY').line).toBe(3);
  });
});

describe('template file', () => {
  const at = positionOf(VALID_YAML, 'template.prompt');
  const templateAt = { field: 'prompt.template', ...at };
  const withTemplate = (value: string) => mutate('template: template.prompt', `template: ${value}`);

  test.each([
    ['../outside.prompt', 'TEMPLATE_PATH_OUTSIDE'],
    ['/etc/passwd', 'TEMPLATE_PATH_OUTSIDE'],
    ['missing.prompt', 'TEMPLATE_NOT_FOUND'],
  ])('%s: %s', async (value, code) => {
    const yaml = withTemplate(value);
    const dir = makeModule({ 'promptpm.yaml': yaml });
    writeFileSync(path.join(dir, '..', 'outside.prompt'), VALID_TEMPLATE);
    expect(where(only((await loadModule(dir)).errors, code))).toEqual({ field: 'prompt.template', ...positionOf(yaml, value) });
  });

  test('a symlinked template is refused (lstat), even pointing inside', async () => {
    const dir = yamlModule(withTemplate('link.prompt'));
    symlinkSync(path.join(dir, 'template.prompt'), path.join(dir, 'link.prompt'));
    const d = only((await loadModule(dir)).errors, 'TEMPLATE_NOT_FILE');
    expect(d.message).toContain('symlink');
  });

  test('a template reached through a symlinked folder outside is refused', async () => {
    const dir = makeModule({ 'promptpm.yaml': withTemplate('sub/template.prompt') });
    mkdirSync(path.join(dir, '..', 'elsewhere'));
    writeFileSync(path.join(dir, '..', 'elsewhere', 'template.prompt'), VALID_TEMPLATE);
    symlinkSync(path.join(dir, '..', 'elsewhere'), path.join(dir, 'sub'));
    expect(only((await loadModule(dir)).errors, 'TEMPLATE_PATH_OUTSIDE').field).toBe('prompt.template');
  });

  test('a folder as template: TEMPLATE_NOT_FILE', async () => {
    const dir = makeModule({ 'promptpm.yaml': withTemplate('tests'), 'tests/a.txt': 'a' });
    expect(where(only((await loadModule(dir)).errors, 'TEMPLATE_NOT_FILE'))).toEqual({ field: 'prompt.template', ...positionOf(withTemplate('tests'), 'tests') });
  });

  test('non-UTF-8 template: FILE_NOT_UTF8 located in the template', async () => {
    const dir = makeModule({ 'promptpm.yaml': VALID_YAML, 'template.prompt': Buffer.from([0x61, 0x0a, 0x62, 0x62, 0xff]) });
    const d = only((await loadModule(dir)).errors, 'FILE_NOT_UTF8');
    expect(d).toMatchObject({ field: 'prompt.template', file: path.join(dir, 'template.prompt'), line: 2, column: 3 });
  });

  test('template over 8 MiB: FILE_TOO_LARGE at prompt.template', async () => {
    const dir = makeModule({ 'promptpm.yaml': VALID_YAML, 'template.prompt': `{{document}}{{audience}}${'x'.repeat(NINE_MIB)}` });
    expect(where(only((await loadModule(dir)).errors, 'FILE_TOO_LARGE'))).toEqual(templateAt);
  });
});

describe('placeholder consistency', () => {
  test('listed but undeclared: the earlier tool\'s exact message, names sorted', async () => {
    const yaml = mutate('placeholders: [document, audience]', 'placeholders: [document, zeta, audience, alpha]');
    const dir = makeModule({ 'promptpm.yaml': yaml, 'template.prompt': '{{document}} {{audience}} {{zeta}} {{alpha}}' });
    const d = only((await loadModule(dir)).errors, 'PLACEHOLDER_UNDECLARED');
    expect(d.message).toBe('Undeclared placeholders used in template: alpha, zeta');
    expect(where(d)).toEqual({ field: 'prompt.placeholders', ...positionOf(yaml, 'zeta') });
  });

  test('used in the template but not listed: PLACEHOLDER_UNLISTED located in the template', async () => {
    const template = 'Hi {{ audience }}\n  {{document}} and {{  extra }}\n';
    const dir = makeModule({ 'promptpm.yaml': VALID_YAML, 'template.prompt': template });
    const d = only((await loadModule(dir)).errors, 'PLACEHOLDER_UNLISTED');
    expect(d).toMatchObject({ field: 'prompt.placeholders', file: path.join(dir, 'template.prompt'), line: 2, column: 20 });
    expect(d.message).toContain("'extra'");
  });

  test('single braces are literal, not placeholders', async () => {
    const dir = makeModule({ 'promptpm.yaml': VALID_YAML, 'template.prompt': '{"a": {b}} {{document}} {{audience}}' });
    expect((await loadModule(dir)).errors).toEqual([]);
  });

  test('warnings: required input unused, listed placeholder unused, malformed braces, duplicate listing', async () => {
    const yaml = mutate('placeholders: [document, audience]', 'placeholders: [document, audience, audience]');
    const dir = makeModule({ 'promptpm.yaml': yaml, 'template.prompt': 'Only {{ user.name }}\n' });
    const mod = await loadModule(dir);
    expect(mod.errors).toEqual([]);
    expect(where(only(mod.warnings, 'INPUT_UNUSED'))).toEqual({ field: 'interface.inputs[0].name', ...positionOf(yaml, 'document, type') });
    expect(mod.warnings.filter((w) => w.code === 'PLACEHOLDER_UNUSED').map((w) => w.field)).toEqual(['prompt.placeholders[0]', 'prompt.placeholders[1]']);
    expect(only(mod.warnings, 'PLACEHOLDER_MALFORMED')).toMatchObject({ line: 1, column: 6 });
    expect(only(mod.warnings, 'PLACEHOLDER_DUPLICATE').field).toBe('prompt.placeholders[2]');
  });
});
