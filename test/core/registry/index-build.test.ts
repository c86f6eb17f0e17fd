// The first index of a registry, written as its module folders are read (index-build.ts): the same bytes as an
// index built in memory, whatever order the modules arrive in; states someone recorded meanwhile kept; and no
// module kept once it is written, so memory does not grow with the registry.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { canonicalJsonChunks } from '../../../src/core/canonical-json.js';
import { publishModule, verifyRegistry } from '../../../src/core/registry/index.js';
import { FirstIndexBuild } from '../../../src/core/registry/index-build.js';
import { freshen } from '../../../src/core/registry/index-cache.js';
import { emptyIndex } from '../../../src/core/registry/index-format.js';
import { scanModule, type ModuleScan } from '../../../src/core/registry/index-scan.js';
import { generatedRows } from '../../../src/core/registry/list-rows.js';
import { writeListText, type ListText } from '../../../src/core/registry/list-text.js';
import { scanNames } from '../../../src/core/registry/scan.js';
import { settleModuleFolders } from '../../support/settled-folders.js';
import { fixtureCopy, makeModule, tempDir, threadScan } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const indexPath = (reg: string): string => join(reg, '.promptpm', 'index.json');
const listPath = (reg: string): string => join(reg, '.promptpm', 'list.json');
const states = (reg: string): string => (JSON.parse(readFileSync(indexPath(reg), 'utf8').split('\n')[0]!) as { states: string }).states;
const printed = (text: ListText): string =>
  Buffer.concat([...canonicalJsonChunks({ modules: text.modules, packages: text.packages })].map((c) => Buffer.from(c))).toString('utf8');
/** A listing text's content without what names the index file it was made from (and the seal, which covers that). */
const withoutIndexIdentity = (bytes: Buffer): string => bytes.toString('utf8', 0, bytes.length - 65).replace(/"index":"[^"]*"/, '"index":…');

/** A build of `reg` with every module put, in reverse name order (a module waits for every one before it). */
async function builtBackwards(reg: string, listText: boolean): Promise<FirstIndexBuild> {
  const top = statSync(join(reg, 'modules'));
  const { names, stray } = await scanNames(reg);
  const build = FirstIndexBuild.open(reg, { now: Date.now(), modulesMtimeMs: top.mtimeMs, modules: names.length, stray, listText })!;
  expect(build).not.toBeNull();
  const scans = await Promise.all(names.map((name) => scanModule({ registry: reg, name, known: [] })));
  for (let i = names.length - 1; i >= 0; i--) build.put(i, names[i]!, scans[i]!);
  return build;
}

/** The fixture registry (in a folder of an odd name) with a module of non-ASCII text and a module folder that holds no version, settled. */
async function variedRegistry(): Promise<string> {
  // In a folder whose name JSON must escape: the listing's rows name it.
  const reg = join(tempDir(), 'a "quoted" \\ folder', 'registry');
  cpSync(fixtureCopy(), reg, { recursive: true });
  const dir = makeModule(join(tempDir(), 'module'), 'cafe-notes', '0.1.0');
  const yaml = join(dir, 'promptpm.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('Demo module cafe-notes', 'Notes de café ☕ — “quoted” \\ and 😀'));
  await publishModule(reg, dir);
  mkdirSync(join(reg, 'modules', 'empty-module'));
  settleModuleFolders(reg);
  return reg;
}

describe('a first index build', () => {
  it('writes the index and listing text that an index held in memory gives, whatever order modules arrive in', async () => {
    const reg = await variedRegistry();
    // No index for either: the publish recorded its version as verified in one.
    rmSync(join(reg, '.promptpm'), { recursive: true });
    const idx = await freshen(reg, emptyIndex());
    const inMemory = readFileSync(indexPath(reg));
    const listed = writeListText(reg, idx, generatedRows(reg, idx))!;
    const listing = readFileSync(listPath(reg));
    rmSync(join(reg, '.promptpm'), { recursive: true });

    const build = await builtBackwards(reg, true);
    const first = await build.finish(false);
    build.close();
    expect(readFileSync(indexPath(reg), 'utf8')).toBe(inMemory.toString('utf8'));
    expect(first!.listText).not.toBeNull();
    expect(withoutIndexIdentity(readFileSync(listPath(reg)))).toBe(withoutIndexIdentity(listing));
    expect(printed(first!.listText!)).toBe(printed(listed));
    // Its temporary file is gone: nothing but the index, the listing and the locks.
    expect(readdirSync(join(reg, '.promptpm')).sort()).toEqual(['index.json', 'list.json', 'locks']);
  });

  it('keeps the states an index written meanwhile records, unless its own are a verify’s', async () => {
    const reg = fixtureCopy();
    const listing = await builtBackwards(reg, true);
    await verifyRegistry(reg);
    expect(states(reg)).toBe('ooo');
    const first = await listing.finish(false);
    listing.close();
    expect(states(reg)).toBe('ooo');
    // Its listing would show states it did not make: none is written.
    expect(first).toEqual({ listText: null });

    const verified = await builtBackwards(reg, false);
    await verified.finish(true);
    verified.close();
    expect(states(reg)).toBe('uuu');
  });

  it('writes nothing unless every module was put', async () => {
    const reg = fixtureCopy();
    const names = ['technical-summarizer', 'text-normalizer'];
    // The second module alone (waiting for the first), then the first alone (the last never came).
    for (const at of [1, 0]) {
      const build = FirstIndexBuild.open(reg, { now: Date.now(), modulesMtimeMs: 0, modules: names.length, stray: [], listText: false })!;
      build.put(at, names[at]!, await scanModule({ registry: reg, name: names[at]!, known: [] }));
      expect(await build.finish(false)).toBeNull();
      build.close();
    }
    expect(readdirSync(join(reg, '.promptpm'))).not.toContain('index.json');
  });

  it('fails, never throws, when its temporary file cannot be written, and then writes nothing', async () => {
    const reg = fixtureCopy();
    const modules = 5000;
    const build = FirstIndexBuild.open(reg, { now: Date.now(), modulesMtimeMs: 0, modules, stray: [], listText: false })!;
    // Its file closed under it: the first column to fill its buffer fails to move it there.
    build.close();
    for (let m = 0; m < modules; m++) build.put(m, `module-${m}`, threadScan(m));
    expect(await build.finish(false)).toBeNull();
    expect(readdirSync(join(reg, '.promptpm'))).not.toContain('index.json');
  });

  it('keeps no module once it is written: what it holds does not grow with the modules put', () => {
      const reg = fixtureCopy();
    const heapAfter = (keep: (at: number, m: ModuleScan) => void, modules: number): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let m = 0; m < modules; m++) keep(m, threadScan(m));
      gc();
      return process.memoryUsage().heapUsed - before;
    };
    const heldByBuild = (modules: number): number => {
      const build = FirstIndexBuild.open(reg, { now: Date.now(), modulesMtimeMs: 0, modules, stray: [], listText: false })!;
      const held = heapAfter((at, m) => build.put(at, `module-${at}`, m), modules);
      build.close();
      return held;
    };
    // Past 10,000 modules each column's buffer has reached its size: what grows after that is what it keeps.
    heldByBuild(10_000);
    const growth = heldByBuild(40_000) - heldByBuild(10_000);
    const scans: ModuleScan[] = [];
    const scanBytes = heapAfter((_, m) => scans.push(m), 3000) / scans.length;
    // Keeping even 2 % of the 30,000 scans' size would fail this: a build keeps a byte per version.
    expect(growth).toBeLessThan((30_000 * scanBytes) / 50);
  });
});
