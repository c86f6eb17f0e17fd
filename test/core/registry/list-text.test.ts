// The listing text kept in .promptpm/list.json (list-text.ts): a warm list is written from it only while the
// index it was made from is still the index and every folder it stamped is unchanged; anything else lists from
// the index and writes it anew.
import { cpSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonChunks, JsonText } from '../../../src/core/canonical-json.js';
import { listRegistry, listRegistryRows, verifyRegistry } from '../../../src/core/registry/index.js';
import { readListText } from '../../../src/core/registry/list-text.js';
import { settleModuleFolders } from '../../support/settled-folders.js';
import { fixtureCopy, tempDir } from './helpers.js';

const listFile = (reg: string): string => join(reg, '.promptpm', 'list.json');


/** What the CLI prints for rows (`list --json`'s data), joined as bytes. */
const printed = (rows: object): string =>
  Buffer.concat([...canonicalJsonChunks(rows)].map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))).toString('utf8');

/** The listing as the app gets it, printed the same way: what the text must say. */
async function expected(reg: string): Promise<string> {
  return canonicalJson(await listRegistry(reg, { versionStates: false }));
}

/** A settled copy of the fixture registry, listed once so that its listing text is written. */
async function listedRegistry(): Promise<string> {
  const reg = fixtureCopy();
  settleModuleFolders(reg);
  const first = await listRegistryRows(reg);
  expect(first.modules).toBeInstanceOf(JsonText);
  return reg;
}

describe('the listing text', () => {
  it('is written by a list of a settled registry and printed, unchanged, by the next lists', async () => {
    const reg = await listedRegistry();
    const kept = statSync(listFile(reg));
    const want = await expected(reg);
    for (let i = 0; i < 2; i++) {
      const rows = await listRegistryRows(reg);
      expect(rows.modules).toBeInstanceOf(JsonText);
      expect(printed(rows)).toBe(want);
    }
    // Read, not written again.
    expect(statSync(listFile(reg)).ino).toBe(kept.ino);
    expect(statSync(listFile(reg)).mtimeMs).toBe(kept.mtimeMs);
  });

  it('is made again once verify records new states in the index', async () => {
    const reg = await listedRegistry();
    expect(printed(await listRegistryRows(reg))).toContain('"verification":"unverified"');
    await verifyRegistry(reg);
    const rows = printed(await listRegistryRows(reg));
    expect(rows).not.toContain('"verification":"unverified"');
    expect(rows).toBe(await expected(reg));
  });

  it('is not used once a module folder changed behind its back', async () => {
    const reg = await listedRegistry();
    rmSync(join(reg, 'modules', 'text-normalizer', '1.0.0'), { recursive: true });
    const rows = printed(await listRegistryRows(reg));
    expect(rows).not.toContain('text-normalizer/1.0.0');
    expect(rows).toBe(await expected(reg));
  });

  it('is not used once a module folder is added or removed', async () => {
    const reg = await listedRegistry();
    cpSync(join(reg, 'modules', 'text-normalizer'), join(reg, 'modules', 'text-normalizer-copy'), { recursive: true });
    expect(printed(await listRegistryRows(reg))).toContain('"name":"text-normalizer-copy"');
    rmSync(join(reg, 'modules', 'text-normalizer-copy'), { recursive: true });
    expect(printed(await listRegistryRows(reg))).not.toContain('text-normalizer-copy');
  });

  it('is not used when the index it was made from is gone or replaced', async () => {
    const reg = await listedRegistry();
    rmSync(join(reg, '.promptpm', 'index.json'));
    expect(readListText(reg)).toBeNull();
    expect(printed(await listRegistryRows(reg))).toBe(await expected(reg));
  });

  it('is not used for another path to the same registry, whose rows name that path', async () => {
    const reg = await listedRegistry();
    const link = join(tempDir(), 'link');
    symlinkSync(reg, link, 'dir');
    const rows = printed(await listRegistryRows(link));
    expect(rows).toContain(JSON.stringify(join(link, 'modules', 'text-normalizer', '1.1.0')));
    expect(rows).toBe(await expected(link));
  });

  it('is ignored when damaged (a changed byte, a cut) and written anew', async () => {
    const reg = await listedRegistry();
    const good = readFileSync(listFile(reg));
    const flipped = Buffer.from(good);
    flipped[10] = flipped[10]! ^ 1;
    for (const bad of [flipped, good.subarray(0, good.length - 1), good.subarray(0, 100), Buffer.alloc(0)]) {
      writeFileSync(listFile(reg), bad);
      expect(readListText(reg)).toBeNull();
      expect(printed(await listRegistryRows(reg))).toBe(await expected(reg));
      expect(readListText(reg)).not.toBeNull();
    }
  });

  it('refuses a head that does not check out even when its hash does (an unsafe name, lengths that disagree)', async () => {
    const reg = await listedRegistry();
    const good = readFileSync(listFile(reg), 'utf8');
    const [texts, head] = good.slice(0, -65).split(/\n(?=[^\n]*$)/) as [string, string];
    const forge = (change: (h: Record<string, unknown>) => void): void => {
      const h = JSON.parse(head) as Record<string, unknown>;
      change(h);
      const body = `${texts}\n${JSON.stringify(h)}`;
      writeFileSync(listFile(reg), `${body}\n${createHash('sha256').update(body).digest('hex')}`);
    };
    forge(() => undefined);
    expect(readListText(reg)).not.toBeNull();
    forge((h) => ((h.names as string[])[0] = '../outside'));
    expect(readListText(reg)).toBeNull();
    forge((h) => ((h.lengths as number[])[0] = (h.lengths as number[])[0]! - 1));
    expect(readListText(reg)).toBeNull();
    forge((h) => (h.format = 2));
    expect(readListText(reg)).toBeNull();
  });

  it('is not kept for a registry whose folders are too new to trust', async () => {
    const reg = fixtureCopy();
    const rows = await listRegistryRows(reg);
    expect(rows.modules).not.toBeInstanceOf(JsonText);
    expect(printed(rows)).toBe(await expected(reg));
    expect(() => statSync(listFile(reg))).toThrow();
  });
});
