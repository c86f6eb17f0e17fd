import { appendFileSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIndex, verifyRegistry, verifyVersion } from '../../../src/core/registry/index.js';
import { scanModule } from '../../../src/core/registry/index-scan.js';
import { verifyModule } from '../../../src/core/registry/verify-module.js';
import { fixtureCopy } from './helpers.js';

const v110 = (reg: string, ...rest: string[]): string => join(reg, 'modules', 'text-normalizer', '1.1.0', ...rest);

describe('verify', () => {
  it('passes on the hand-written fixture registry and reports the stray entry', async () => {
    const report = await verifyRegistry(fixtureCopy());
    expect(report).toMatchObject({ total: 3, ok: 3, tampered: 0, unreadable: 0, cancelled: false });
    expect(report.versions.map((v) => `${v.name}@${v.version}`)).toEqual([
      'technical-summarizer@1.2.0',
      'text-normalizer@1.0.0',
      'text-normalizer@1.1.0',
    ]);
    expect(report.stray).toEqual(['modules/text-normalizer/1.0.0.tmp']);
  });

  it('gives every intact version of a registry-wide report one frozen empty list, not three arrays of its own', async () => {
    const report = await verifyRegistry(fixtureCopy());
    const lists = report.versions.flatMap((v) => [v.changed, v.extra, v.missing]);
    expect(new Set(lists).size).toBe(1);
    expect(lists[0]).toEqual([]);
    expect(Object.isFrozen(lists[0])).toBe(true);
  });

  it('detects one changed byte', async () => {
    const reg = fixtureCopy();
    const file = v110(reg, 'notes', 'résumé-😀.md');
    const bytes = readFileSync(file);
    bytes[0] = bytes[0]! ^ 1;
    writeFileSync(file, bytes);
    const r = await verifyVersion(reg, 'text-normalizer', '1.1.0');
    expect(r).toMatchObject({ status: 'tampered', changed: ['notes/résumé-😀.md'], missing: [], extra: [] });
  });

  it('detects an added and a removed file', async () => {
    const reg = fixtureCopy();
    writeFileSync(v110(reg, 'tests', 'new.txt'), 'x');
    rmSync(v110(reg, 'zeta.txt'));
    const r = await verifyVersion(reg, 'text-normalizer', '1.1.0');
    expect(r).toMatchObject({ status: 'tampered', changed: [], missing: ['zeta.txt'], extra: ['tests/new.txt'] });
  });

  it('detects an edited manifest: another version named, or a digest changed', async () => {
    const reg = fixtureCopy();
    const m = v110(reg, '.promptpm_immutable.json');
    writeFileSync(m, readFileSync(m, 'utf8').replace('"version":"1.1.0"', '"version":"1.1.1"'));
    expect(await verifyVersion(reg, 'text-normalizer', '1.1.0')).toMatchObject({ status: 'tampered', changed: ['.promptpm_immutable.json'] });
    const m2 = join(reg, 'modules', 'text-normalizer', '1.0.0', '.promptpm_immutable.json');
    const text = readFileSync(m2, 'utf8');
    const digest = /"path":"template.prompt","sha256":"([0-9a-f]{64})"/.exec(text)![1]!;
    writeFileSync(m2, text.replace(digest, digest.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
    expect(await verifyVersion(reg, 'text-normalizer', '1.0.0')).toMatchObject({ status: 'tampered', changed: ['template.prompt'] });
  });

  it('treats a file replaced by a symlink as changed, without following it', async () => {
    const reg = fixtureCopy();
    rmSync(v110(reg, 'zeta.txt'));
    symlinkSync(v110(reg, 'tests', 'example.txt'), v110(reg, 'zeta.txt'));
    expect(await verifyVersion(reg, 'text-normalizer', '1.1.0')).toMatchObject({ status: 'tampered', changed: ['zeta.txt'] });
  });

  it('reports a missing or unparsable manifest as unreadable, and the registry verify as not ok', async () => {
    const reg = fixtureCopy();
    rmSync(v110(reg, '.promptpm_immutable.json'));
    appendFileSync(join(reg, 'modules', 'text-normalizer', '1.0.0', '.promptpm_immutable.json'), 'garbage');
    const report = await verifyRegistry(reg);
    expect(report).toMatchObject({ total: 3, ok: 1, tampered: 0, unreadable: 2 });
    expect(report.versions.find((v) => v.version === '1.1.0')).toMatchObject({ status: 'unreadable', changed: [], missing: [], extra: [] });
  });

  it('verifies one module or one version, and records the results in the index', async () => {
    const reg = fixtureCopy();
    writeFileSync(v110(reg, 'zeta.txt'), 'changed');
    const one = await verifyRegistry(reg, { name: 'text-normalizer' });
    expect(one).toMatchObject({ total: 2, ok: 1, tampered: 1, stray: ['modules/text-normalizer/1.0.0.tmp'] });
    const idx = await readIndex(reg);
    expect(idx.modules['text-normalizer']?.['1.1.0']?.verification).toBe('tampered');
    expect(idx.modules['text-normalizer']?.['1.0.0']?.verification).toBe('ok');
    expect(idx.modules['technical-summarizer']?.['1.2.0']?.verification).toBe('unverified');
    const single = await verifyRegistry(reg, { name: 'technical-summarizer', version: '1.2.0' });
    expect(single).toMatchObject({ total: 1, ok: 1, stray: [] });
  });

  it('fails with DEPENDENCY_ERROR for an unknown module or version', async () => {
    await expect(verifyRegistry(fixtureCopy(), { name: 'nope' })).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', message: 'Module not found: nope' });
    await expect(verifyVersion(fixtureCopy(), 'text-normalizer', '9.9.9')).rejects.toMatchObject({ message: 'Module not found: text-normalizer@9.9.9' });
    await expect(verifyVersion(fixtureCopy(), '..', '1.0.0')).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR' });
  });

  it('reports progress for every module (every version of one module) and stops when cancelled', async () => {
    const seen: string[] = [];
    await verifyRegistry(fixtureCopy(), { onProgress: (p) => seen.push(`${p.done}/${p.total} ${p.unit} ${p.current ?? ''}`) });
    expect(seen).toEqual(['0/2 modules ', '1/2 modules technical-summarizer', '2/2 modules text-normalizer']);
    const results: string[] = [];
    await verifyRegistry(fixtureCopy(), { onProgress: (p) => results.push(...(p.results ?? []).map((r) => `${r.name}@${r.version} ${r.status}`)) });
    expect(results).toEqual(['technical-summarizer@1.2.0 ok', 'text-normalizer@1.0.0 ok', 'text-normalizer@1.1.0 ok']);
    const versions: string[] = [];
    await verifyRegistry(fixtureCopy(), { name: 'text-normalizer', onProgress: (p) => versions.push(`${p.done}/${p.total} ${p.unit} ${p.current ?? ''}`) });
    expect(versions).toEqual(['0/2 versions ', '1/2 versions text-normalizer@1.0.0', '2/2 versions text-normalizer@1.1.0']);
    const ctl = new AbortController();
    const report = await verifyRegistry(fixtureCopy(), {
      signal: ctl.signal,
      onProgress: (p) => {
        if (p.done === 1) ctl.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.total).toBe(1);
  });

  it('reads a module for the index while hashing it, as the index rescan would, each entry with its verification', async () => {
    const reg = fixtureCopy();
    // An edited manifest: the entry is read from the edited bytes, and the version is tampered.
    const yaml = v110(reg, 'promptpm.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('café edition', 'edited'));
    const verified = await verifyModule({ registry: reg, name: 'text-normalizer', index: true });
    const rescan = await scanModule({ registry: reg, name: 'text-normalizer', known: [] });
    expect(rescan.entries[1]).toMatchObject({ description: 'Normalizes text, edited' });
    const states = ['ok', 'tampered'];
    expect(verified.scan).toEqual({ ...rescan, entries: rescan.entries.map((entry, i) => ({ ...entry, verification: states[i] })) });
    expect((await verifyModule({ registry: reg, name: 'text-normalizer' })).scan).toBeUndefined();
  });

  it('sends an intact module back from its thread without a result per version, a damaged one with all of them', async () => {
    const reg = fixtureCopy();
    expect(await verifyModule({ registry: reg, name: 'text-normalizer' })).toMatchObject({ versions: ['1.0.0', '1.1.0'], results: [] });
    appendFileSync(v110(reg, 'template.prompt'), 'edited');
    const { results } = await verifyModule({ registry: reg, name: 'text-normalizer' });
    expect(results).toHaveLength(2);
    expect(results[0]).toBeNull();
    expect(results[1]).toMatchObject({ status: 'tampered', changed: ['template.prompt'] });
  });

  it('reports a module folder that cannot be listed instead of failing the thread', async () => {
    const reg = fixtureCopy();
    // As if the folder were swapped for a link loop after the module names were read.
    symlinkSync('loop', join(reg, 'modules', 'loop'));
    expect(await verifyModule({ registry: reg, name: 'loop' })).toEqual({ versions: [], stray: [], results: [], unlisted: 'ELOOP' });
    expect(await verifyModule({ registry: reg, name: 'gone' })).toEqual({ versions: [], stray: [], results: [] });
  });
});
