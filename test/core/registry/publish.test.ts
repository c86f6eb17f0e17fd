import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS, listRegistry, publishModule, readModuleInfo, verifyRegistry, versionPath } from '../../../src/core/registry/index.js';
import { FIXTURE_REGISTRY, makeModule, tempDir, writeTree } from './helpers.js';

/** Everything in the registry except the tool's own folder: what a failed publish must leave untouched. */
const visible = (reg: string): string[] => (existsSync(join(reg, 'modules')) ? readdirSync(join(reg, 'modules'), { recursive: true }).map(String).sort() : []);

describe('publish', () => {
  it('round-trips: publish → info → verify', async () => {
    const reg = join(tempDir(), 'reg');
    const mod = makeModule(tempDir(), 'demo-module', '1.0.0', { '.hidden': 'h', 'tests/data.txt': 'd', '.git/config': 'vcs' });
    const res = await publishModule(reg, mod);
    expect(res).toEqual({
      identifier: 'demo-module@1.0.0',
      name: 'demo-module',
      version: '1.0.0',
      module_path: mod,
      published_path: versionPath(reg, 'demo-module', '1.0.0'),
      registry_path: reg,
      tests: { total: 1, passed: 1, failed: 0 },
    });
    expect(readdirSync(res.published_path).sort()).toEqual(['.hidden', '.promptpm_immutable.json', 'promptpm.yaml', 'template.prompt', 'tests']);
    const info = await readModuleInfo(reg, 'demo-module');
    expect(info).toMatchObject({ registry_path: reg, name: 'demo-module', count: 1 });
    expect(info.versions[0]).toMatchObject({ version: '1.0.0', source: res.published_path, metadata: { description: 'Demo module demo-module' } });
    expect(await verifyRegistry(reg)).toMatchObject({ total: 1, ok: 1 });
    expect(readdirSync(join(reg, '.promptpm', 'staging'))).toEqual([]);
  });

  it('writes manifests byte-identical to the hand-written fixtures', async () => {
    for (const [name, version] of [['text-normalizer', '1.1.0'], ['technical-summarizer', '1.2.0']] as const) {
      const src = join(tempDir(), 'src');
      cpSync(join(FIXTURE_REGISTRY, 'modules', name, version), src, { recursive: true });
      const reg = join(tempDir(), 'reg');
      const res = await publishModule(reg, src);
      const ours = readFileSync(join(res.published_path, '.promptpm_immutable.json'));
      expect(ours.equals(readFileSync(join(src, '.promptpm_immutable.json')))).toBe(true);
    }
  });

  it('refuses an existing version, and one equal in semver precedence, with exit 4', async () => {
    const reg = join(tempDir(), 'reg');
    await publishModule(reg, makeModule(tempDir(), 'demo-module', '1.0.0+a'));
    const before = visible(reg);
    await expect(publishModule(reg, makeModule(tempDir(), 'demo-module', '1.0.0+a'))).rejects.toMatchObject({
      code: 'PUBLISH_CONFLICT',
      exitCode: 4,
      message: 'Published version already exists: demo-module@1.0.0+a',
    });
    await expect(publishModule(reg, makeModule(tempDir(), 'demo-module', '1.0.0+b'))).rejects.toMatchObject({
      code: 'PUBLISH_CONFLICT',
      message: 'Published version already exists: demo-module@1.0.0+b',
    });
    expect(visible(reg)).toEqual(before);
  });

  it('treats an empty folder at the version path as an existing version', async () => {
    const reg = join(tempDir(), 'reg');
    mkdirSync(join(reg, 'modules', 'demo-module', '1.0.0'), { recursive: true });
    await expect(publishModule(reg, makeModule(tempDir()))).rejects.toMatchObject({ code: 'PUBLISH_CONFLICT' });
  });

  it('checks in order: registry location, validation, tests, existing version', async () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    const broken = makeModule(tempDir(), 'demo-module', '1.0.0', { 'promptpm.yaml': 'module: [' });
    await expect(publishModule(file, broken)).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', message: `Registry must be a local filesystem path, got: '${file}'` });
    const reg = join(tempDir(), 'reg');
    await expect(publishModule(reg, broken)).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await publishModule(reg, makeModule(tempDir()));
    const failing = makeModule(tempDir(), 'demo-module', '1.0.0', { 'template.prompt': 'Repeat: {{text}}\n' });
    writeFileSync(join(failing, 'promptpm.yaml'), readFileSync(join(failing, 'promptpm.yaml'), 'utf8').replace('contains: "hello"', 'contains: "Echo:"'));
    const failure = await publishModule(reg, failing).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'TEST_FAILURE', exitCode: 2, data: { tests: { total: 1, passed: 0, failed: 1 } } });
  });

  it.each(['http://example.com/reg', 'https:reg', 'file:///tmp/reg', 's3://bucket'])('refuses the URL %s as a registry', async (url) => {
    await expect(publishModule(url, makeModule(tempDir()))).rejects.toMatchObject({
      code: 'DEPENDENCY_ERROR',
      message: `Registry must be a local filesystem path, got: '${url}'`,
    });
  });

  const rejections: Array<[string, string, (mod: string) => void]> = [
    ['a symlink', 'SYMLINK', (mod) => symlinkSync('/etc/hostname', join(mod, 'tests-link'))],
    ['a symlinked folder', 'SYMLINK', (mod) => symlinkSync('/etc', join(mod, 'etc'))],
    ['a FIFO', 'SPECIAL_FILE', (mod) => execFileSync('mkfifo', [join(mod, 'pipe')])],
    ['a file over 8 MiB', 'FILE_TOO_LARGE', (mod) => writeFileSync(join(mod, 'big.bin'), Buffer.alloc(LIMITS.fileBytes + 1))],
    ['more than 1000 files', 'TOO_MANY_FILES', (mod) => writeTree(mod, Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`data/f${i}.txt`, 'x'])))],
    [
      'more than 64 MiB in total',
      'MODULE_TOO_LARGE',
      (mod) => {
        for (let i = 0; i < 9; i++) writeFileSync(join(mod, `part${i}.bin`), Buffer.alloc(LIMITS.fileBytes));
      },
    ],
    ['a backslash in a file name', 'UNSAFE_FILE_NAME', (mod) => writeFileSync(join(mod, 'a\\b.txt'), 'x')],
  ];
  it.each(rejections)('rejects a module with %s and writes nothing', async (_what, reason, damage) => {
    const reg = join(tempDir(), 'reg');
    const mod = makeModule(tempDir());
    damage(mod);
    await expect(publishModule(reg, mod)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason });
    expect(visible(reg)).toEqual([]);
    expect(existsSync(join(reg, '.promptpm', 'staging')) ? readdirSync(join(reg, '.promptpm', 'staging')) : []).toEqual([]);
  });

  it('rejects a device file when one can be created', async () => {
    const mod = makeModule(tempDir());
    try {
      execFileSync('mknod', [join(mod, 'dev'), 'c', '1', '3'], { stdio: 'ignore' });
    } catch {
      // Not permitted here (no CAP_MKNOD): the FIFO case above covers non-regular files.
      return;
    }
    await expect(publishModule(join(tempDir(), 'reg'), mod)).rejects.toMatchObject({ reason: 'SPECIAL_FILE' });
  });

  it('never lists a staging folder left by a killed publish, and cleans it once its owner is dead', async () => {
    const reg = join(tempDir(), 'reg');
    await publishModule(reg, makeModule(tempDir(), 'demo-module', '1.0.0'));
    const orphan = join(reg, '.promptpm', 'staging', `999999999.${Date.now()}.abcdef`);
    const live = join(reg, '.promptpm', 'staging', `${process.pid}.${Date.now()}.abcdef`);
    writeTree(orphan, { 'promptpm.yaml': 'partial' });
    writeTree(live, { 'promptpm.yaml': 'in progress' });
    expect((await listRegistry(reg)).count).toBe(1);
    await publishModule(reg, makeModule(tempDir(), 'demo-module', '1.1.0'));
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(live)).toBe(true);
    rmSync(live, { recursive: true });
  });
});
