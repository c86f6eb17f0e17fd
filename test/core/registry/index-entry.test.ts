// Index entries are read straight from the manifest; they must equal what the full module loader gives
// for every module that validates, and fall back to the loader's answer (an empty entry marked invalid with
// its first error, never one that merely has no dependencies) whenever one of the fields the index keeps is not valid.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadModule } from '../../../src/core/module/index.js';
import { loadEntry } from '../../../src/core/registry/index-entry.js';
import { FIXTURE_REGISTRY, makeModule, tempDir } from './helpers.js';

const FIXTURE_MODULES = fileURLToPath(new URL('../../fixtures/modules', import.meta.url));

/** The entry as the module loader defines it: the validated manifest's fields, or empty ones marked with the first error. */
async function loaderEntry(dir: string): Promise<unknown> {
  const mod = await loadModule(dir);
  const m = mod.manifest;
  const first = m === null ? mod.errors[0]! : null;
  return {
    ino: 'x',
    source: mod.source === null ? null : basename(mod.source),
    verification: 'unverified',
    invalid: first && { message: first.message, file: first.file === null ? null : relative(mod.path, first.file), line: first.line, column: first.column },
    description: m?.module.description ?? '',
    tags: m?.module.tags ?? [],
    dependencies: m?.dependencies ?? [],
    inputTypes: m?.interface.inputs.map((i) => i.type) ?? [],
    outputTypes: m?.interface.outputs.map((o) => o.type) ?? [],
  };
}

const published = (): string[] =>
  readdirSync(join(FIXTURE_REGISTRY, 'modules')).flatMap((name) =>
    readdirSync(join(FIXTURE_REGISTRY, 'modules', name)).map((v) => join(FIXTURE_REGISTRY, 'modules', name, v)),
  );

describe('index entries', () => {
  it('equal the module loader for every fixture module and published version, YAML and TOML', async () => {
    const dirs = [...readdirSync(FIXTURE_MODULES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(FIXTURE_MODULES, d.name)), ...published()];
    expect(dirs.length).toBeGreaterThan(8);
    for (const dir of dirs) {
      const mod = await loadModule(dir);
      const entry = await loadEntry(dir, 'x');
      // A manifest that fails validation only outside the indexed fields is the one documented difference.
      if (mod.manifest !== null || entry.description === '') expect(entry, dir).toEqual(await loaderEntry(dir));
    }
  });

  it('falls back to the loader (an empty entry marked with its first error) when an indexed field is invalid', async () => {
    const bad: Record<string, string> = {
      range: '  - { name: other-module, version: "not a range" }\n',
      self: '  - { name: demo-module, version: "^1.0.0" }\n',
      twice: '  - { name: other-module, version: "^1.0.0" }\n  - { name: other-module, version: "^2.0.0" }\n',
    };
    for (const [what, deps] of Object.entries(bad)) {
      const dir = makeModule(tempDir(), 'demo-module', '1.0.0');
      writeFileSync(join(dir, 'promptpm.yaml'), `${readFileSync(join(dir, 'promptpm.yaml'), 'utf8')}dependencies:\n${deps}`);
      expect(await loadEntry(dir, 'x'), what).toMatchObject({ source: 'promptpm.yaml', description: '', dependencies: [], invalid: { file: 'promptpm.yaml' } });
    }
    const typo = makeModule(tempDir(), 'demo-module', '1.0.0');
    cpSync(join(FIXTURE_MODULES, 'bad-yaml', 'promptpm.yaml'), join(typo, 'promptpm.yaml'));
    expect(await loadEntry(typo, 'x')).toEqual(await loaderEntry(typo));
    expect(await loadEntry(tempDir(), 'x')).toMatchObject({ source: null, description: '', invalid: { message: expect.any(String) } });
  });

  it('reads YAML 1.1 scalars the way the loader does', async () => {
    const dir = makeModule(tempDir(), 'demo-module', '1.0.0');
    const text = readFileSync(join(dir, 'promptpm.yaml'), 'utf8');
    // `yes` is a boolean in YAML 1.1: not a valid tag, so the entry is the loader's empty one.
    writeFileSync(join(dir, 'promptpm.yaml'), text.replace('tags: [demo]', 'tags: [demo, yes]'));
    expect(await loadEntry(dir, 'x')).toEqual(await loaderEntry(dir));
    expect((await loadEntry(dir, 'x')).tags).toEqual([]);
  });
});
