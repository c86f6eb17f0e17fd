// The fixture registry's manifests were written by hand in the exact format of docs/registry-format.md (with
// sha256sum and printf); what we compute for the same files must be those bytes exactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanModuleFolder } from '../../../src/core/module/folder-contents.js';
import { parseManifest, serializeManifest } from '../../../src/core/registry/manifest.js';
import { sha256File } from '../../../src/core/registry/hash.js';
import { isSafeRelativePath } from '../../../src/core/registry/paths.js';
import { FIXTURE_REGISTRY } from './helpers.js';

const VERSIONS = [
  ['text-normalizer', '1.0.0'],
  ['text-normalizer', '1.1.0'],
  ['technical-summarizer', '1.2.0'],
] as const;

describe('immutability manifest format', () => {
  it.each(VERSIONS)('reproduces the hand-written manifest of %s@%s byte for byte', (name, version) => {
    const dir = join(FIXTURE_REGISTRY, 'modules', name, version);
    const files = scanModuleFolder(dir).files.map((f) => ({ path: f.path, sha256: sha256File(f.abs) }));
    const ours = serializeManifest({ algorithm: 'sha256', files, name, version });
    expect(Buffer.from(ours, 'utf8').equals(readFileSync(join(dir, '.promptpm_immutable.json')))).toBe(true);
  });

  it('lists files in sorted-walk order and escapes non-ASCII names with surrogate pairs', () => {
    const dir = join(FIXTURE_REGISTRY, 'modules', 'text-normalizer', '1.1.0');
    expect(scanModuleFolder(dir).files.map((f) => f.path)).toEqual([
      '.hidden',
      'promptpm.yaml',
      'template.prompt',
      'zeta.txt',
      'notes/résumé-😀.md',
      'tests/example.txt',
    ]);
    expect(readFileSync(join(dir, '.promptpm_immutable.json'), 'utf8')).toContain('"notes/r\\u00e9sum\\u00e9-\\ud83d\\ude00.md"');
  });

  it('reads manifests in any key order and escaping', () => {
    const text = '{ "version": "1.0.0", "name": "n\\u0061me", "files": [ {"sha256": "' + 'A'.repeat(64) + '", "path": "caf\u00e9.txt"} ], "algorithm": "sha256" }';
    expect(parseManifest(text)).toEqual({ algorithm: 'sha256', name: 'name', version: '1.0.0', files: [{ path: 'café.txt', sha256: 'a'.repeat(64) }] });
  });

  it.each([
    ['not JSON', '{'],
    ['another algorithm', '{"algorithm":"md5","files":[],"name":"a","version":"1.0.0"}'],
    ['a traversal path', `{"algorithm":"sha256","files":[{"path":"../x","sha256":"${'0'.repeat(64)}"}],"name":"a","version":"1.0.0"}`],
    ['an absolute path', `{"algorithm":"sha256","files":[{"path":"/etc/passwd","sha256":"${'0'.repeat(64)}"}],"name":"a","version":"1.0.0"}`],
    ['a bad digest', '{"algorithm":"sha256","files":[{"path":"a","sha256":"xyz"}],"name":"a","version":"1.0.0"}'],
    ['a duplicate path', `{"algorithm":"sha256","files":[{"path":"a","sha256":"${'0'.repeat(64)}"},{"path":"a","sha256":"${'0'.repeat(64)}"}],"name":"a","version":"1.0.0"}`],
  ])('rejects a manifest with %s', (_what, text) => {
    expect(parseManifest(text)).toBeNull();
  });

  it('takes a path exactly when every segment is plain, and a digest exactly when it is 64 hex digits in either case', () => {
    const segments = (path: string): boolean => path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
    const pathChars = fc.constantFrom('a', 'é', '.', '/', '\\', '\0', ' ', '😀');
    fc.assert(
      fc.property(fc.string({ unit: pathChars, maxLength: 12 }), (path) => {
        expect(isSafeRelativePath(path)).toBe(path.length > 0 && !path.includes('\\') && !path.includes('\0') && segments(path));
      }),
      { numRuns: 2000 },
    );
    const manifest = (sha256: string): string => JSON.stringify({ algorithm: 'sha256', files: [{ path: 'a', sha256 }], name: 'a', version: '1.0.0' });
    const digestChars = fc.constantFrom('0', '9', 'a', 'f', 'A', 'F', 'g', 'G', 'K', '\u212a', '\u0130');
    fc.assert(
      fc.property(fc.string({ unit: digestChars, minLength: 63, maxLength: 65 }), (digest) => {
        const lower = digest.toLowerCase();
        expect(parseManifest(manifest(digest))?.files[0]?.sha256 ?? null).toBe(/^[0-9a-f]{64}$/.test(lower) ? lower : null);
      }),
      { numRuns: 2000 },
    );
  });
});
