import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModuleInfo, readVersion } from '../../../src/core/registry/index.js';
import { fixtureCopy } from './helpers.js';

describe('info and version detail', () => {
  it('returns every version sorted by semver, with metadata and interface', async () => {
    const reg = fixtureCopy();
    const info = await readModuleInfo(reg, 'text-normalizer');
    expect(info).toMatchObject({ registry_path: reg, name: 'text-normalizer', count: 2 });
    expect(info.versions.map((v) => v.version)).toEqual(['1.0.0', '1.1.0']);
    expect(info.versions[1]).toMatchObject({
      source: join(reg, 'modules/text-normalizer/1.1.0'),
      metadata: { description: 'Normalizes text, café edition', license: 'Apache-2.0', authors: ['Ada Lovelace'] },
      interface: { intent: 'Normalize whitespace and punctuation of a text.', inputs: [{ name: 'text', type: 'plain_text', required: true }] },
    });
    expect((await readModuleInfo(reg, 'text-normalizer', '1.0.0')).count).toBe(1);
  });

  it('refuses a tampered version with DEPENDENCY_ERROR naming the files', async () => {
    const reg = fixtureCopy();
    writeFileSync(join(reg, 'modules/text-normalizer/1.1.0/zeta.txt'), 'changed');
    const err = await readModuleInfo(reg, 'text-normalizer').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'TAMPERED', exitCode: 3 });
    expect((err as Error).message).toContain('changed: zeta.txt');
    expect(await readModuleInfo(reg, 'text-normalizer', '1.0.0')).toMatchObject({ count: 1 });
  });

  it('fails for an unknown module or version with `Module not found`', async () => {
    const reg = fixtureCopy();
    await expect(readModuleInfo(reg, 'missing')).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', message: 'Module not found: missing', path: 'missing' });
    await expect(readModuleInfo(reg, 'text-normalizer', '3.0.0')).rejects.toMatchObject({ message: 'Module not found: text-normalizer@3.0.0' });
    await expect(readModuleInfo(reg, '../modules')).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR' });
  });

  it('reads one version in full, verified', async () => {
    const reg = fixtureCopy();
    const v = await readVersion(reg, 'technical-summarizer', '1.2.0');
    expect(v).toMatchObject({
      verification: 'ok',
      integrity: { changed: [], missing: [], extra: [] },
      template: { path: 'template.prompt', placeholders: ['document', 'audience'] },
      dependencies: [{ name: 'text-normalizer', range: '^1.0.0' }],
    });
    expect(v.template.text).toContain('{{document}}');
    expect(v.files.map((f) => f.path)).toEqual(['promptpm.yaml', 'template.prompt', 'tests/example.txt']);
  });

  it('returns a tampered version marked as such, and refuses one without a manifest', async () => {
    const reg = fixtureCopy();
    const dir = join(reg, 'modules/text-normalizer/1.0.0');
    writeFileSync(join(dir, 'extra.txt'), 'x');
    expect(await readVersion(reg, 'text-normalizer', '1.0.0')).toMatchObject({ verification: 'tampered', integrity: { extra: ['extra.txt'] } });
    writeFileSync(join(dir, '.promptpm_immutable.json'), readFileSync(join(dir, 'template.prompt')));
    await expect(readVersion(reg, 'text-normalizer', '1.0.0')).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'UNREADABLE' });
  });
});
