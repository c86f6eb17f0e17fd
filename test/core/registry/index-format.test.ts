// The index file (format 5: a line for list, a line for the resolver, a line for the rest): what is written reads back the same, and a damaged, hostile or older file is
// never trusted: it is rebuilt from modules/, so list answers exactly as with no index at all.
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRegistry, readIndex, verifyRegistry } from '../../../src/core/registry/index.js';
import { encodeIndex } from '../../../src/core/registry/index-encode.js';
import { decodeIndex, entriesOf, loadDetail, loadResolution, recordsAllOk } from '../../../src/core/registry/index-format.js';
import type { RegistryIndex } from '../../../src/core/registry/types.js';
import { resolveDependencies } from '../../../src/core/resolve/index.js';
import { fixtureCopy } from './helpers.js';

const indexPath = (reg: string): string => join(reg, '.promptpm', 'index.json');

/** The index as a fresh rebuild gives it: every version's last known verification forgotten. */
function unverified(index: RegistryIndex): RegistryIndex {
  const modules: RegistryIndex['modules'] = {};
  for (const [name, versions] of Object.entries(index.modules)) {
    modules[name] = Object.fromEntries(Object.entries(versions).map(([v, e]) => [v, { ...e, verification: 'unverified' as const }]));
  }
  return { modules };
}

describe('index file format', () => {
  it('round-trips: decoding what was encoded gives the same index and the same bytes again, made a column at a time', async () => {
    const reg = fixtureCopy();
    await verifyRegistry(reg);
    const text = readFileSync(indexPath(reg), 'utf8');
    const decoded = decodeIndex(text);
    expect(decoded).not.toBeNull();
    const chunks = [...encodeIndex(decoded!)].map((chunk) => Buffer.from(chunk));
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
    const [first, second, third, ...more] = text.split('\n');
    expect(more).toEqual([]);
    // Made a column at a time: no chunk holds the whole first line (of many columns).
    expect(chunks[0]!.toString()).toBe('{"format":5,"modulesMtime":null');
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(first!.length);
    expect(JSON.parse(first!)).toMatchObject({ format: 5, names: ['technical-summarizer', 'text-normalizer'], states: 'ooo', stray: ['modules/text-normalizer/1.0.0.tmp'] });
    expect(Object.keys(JSON.parse(second!) as object).sort()).toEqual(['depLists', 'dependencies', 'invalid', 'problems']);
    expect(Object.keys(JSON.parse(third!) as object).sort()).toEqual(['descriptions', 'inos']);
  });

  it('rebuilds instead of trusting a damaged or hostile file', async () => {
    const reg = fixtureCopy();
    const expected = await listRegistry(reg);
    const [line1, line2, line3] = readFileSync(indexPath(reg), 'utf8').split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const good = line1!;
    const resolution = line2!;
    const storage = line3!;
    const damaged: Array<[Record<string, unknown>, Record<string, unknown>, Record<string, unknown> | unknown[]]> = [
      [{ ...good, format: 4 }, resolution, storage],
      [{ ...good, names: ['..', 'text-normalizer'] }, resolution, storage],
      [{ ...good, versions: ['1.2.0', '../../x', '1.1.0'] }, resolution, storage],
      [{ ...good, counts: [1, 1] }, resolution, storage],
      [{ ...good, tags: [0, 0, 99] }, resolution, storage],
      [{ ...good, sources: [0, 0, 5] }, resolution, storage],
      [{ ...good, states: 'oox' }, resolution, storage],
      [{ ...good, lists: [['a'], 3] }, resolution, storage],
      [{ ...good, latestDescriptions: ['only one'] }, resolution, storage],
      [good, resolution, { ...storage, descriptions: [1, 2, 3] }],
      [good, resolution, { ...storage, inos: ['1'] }],
      [good, resolution, []],
      [good, { ...resolution, dependencies: [0, 0, 9] }, storage],
      [good, { ...resolution, depLists: [['odd']] }, storage],
      [good, { ...resolution, invalid: [0, -1, -1] }, storage],
      [good, { ...resolution, problems: [['no location', 'promptpm.yaml', 0, 1]], invalid: [0, -1, -1] }, storage],
    ];
    for (const lines of damaged) {
      const text = lines.map((line) => JSON.stringify(line)).join('\n');
      expect(decodeIndex(text)).toBeNull();
      writeFileSync(indexPath(reg), text);
      expect(await listRegistry(reg)).toEqual(expected);
    }
    expect(decodeIndex(JSON.stringify(good))).toBeNull();
    expect(decodeIndex(`${JSON.stringify(good)}\n${JSON.stringify(resolution)}`)).toBeNull();
  });

  it('a warm list leaves the second line unread; a damaged one is rebuilt as soon as anything needs it', async () => {
    const reg = fixtureCopy();
    // Settled folder mtimes, so that a warm read trusts them and rescans nothing.
    const old = new Date(Date.now() - 60_000);
    for (const dir of ['', 'technical-summarizer', 'text-normalizer']) utimesSync(join(reg, 'modules', dir), old, old);
    await verifyRegistry(reg);
    const expected = await listRegistry(reg);
    const entries = await readIndex(reg);
    const [line1] = readFileSync(indexPath(reg), 'utf8').split('\n');
    const text = `${line1!}\n{"dependencies":"damaged"}\n{}`;
    expect(decodeIndex(text, { lazy: true })).not.toBeNull();
    writeFileSync(indexPath(reg), text);
    // Nothing changed in modules/: the list is answered from the first line alone, and the file is left as it is.
    expect(await listRegistry(reg)).toEqual(expected);
    expect(readFileSync(indexPath(reg), 'utf8')).toBe(text);
    // Reading entries needs the later lines: the index is rebuilt from modules/ (verification states start over).
    expect(await readIndex(reg)).toEqual(unverified(entries));
    expect(readFileSync(indexPath(reg), 'utf8')).not.toBe(text);
  });

  it('resolving reads the first two lines alone: a damaged third line is left for the next reader of entries', async () => {
    const reg = fixtureCopy();
    const old = new Date(Date.now() - 60_000);
    for (const dir of ['', 'technical-summarizer', 'text-normalizer']) utimesSync(join(reg, 'modules', dir), old, old);
    const root = { name: 'app', version: '1.0.0', dependencies: [{ name: 'technical-summarizer', range: '^1' }] };
    const expected = await resolveDependencies(reg, root);
    const [line1, line2] = readFileSync(indexPath(reg), 'utf8').split('\n');
    const text = `${line1!}\n${line2!}\n{"inos":"damaged"}`;
    writeFileSync(indexPath(reg), text);
    expect(await resolveDependencies(reg, root)).toEqual(expected);
    expect(readFileSync(indexPath(reg), 'utf8')).toBe(text);
    await readIndex(reg);
    expect(readFileSync(indexPath(reg), 'utf8')).not.toBe(text);
  });

  it('keeps every field readIndex serves, shared lists and all', async () => {
    const reg = fixtureCopy();
    const fresh = await readIndex(reg);
    const again = await readIndex(reg);
    expect(again).toEqual(fresh);
    expect(fresh.modules['text-normalizer']?.['1.1.0']).toEqual({
      description: 'Normalizes text, café edition',
      tags: ['text', 'normalization'],
      dependencies: [],
      verification: 'unverified',
      inputTypes: ['plain_text'],
      outputTypes: ['normalized_text'],
      invalid: null,
    });
  });

  it('stores equal lists once, and keeps apart lists whose items only join alike (a tag may hold NUL)', async () => {
    const reg = fixtureCopy();
    await readIndex(reg);
    const idx = decodeIndex(readFileSync(indexPath(reg)))!;
    expect(loadDetail(idx)).toBe(true);
    const entries = [...idx.names.values()].flatMap((stored) => entriesOf(idx, stored));
    // The first two join alike, with their count too; the first and the last are equal lists.
    const tags = [['a\0b', 'c'], ['a', 'b\0c'], ['a\0b', 'c']];
    expect(entries.length).toBeGreaterThanOrEqual(3);
    entries.slice(0, 3).forEach((e, i) => (e.tags = [...tags[i]!]));
    const text = [...encodeIndex(idx)].join('');
    const back = decodeIndex(text)!;
    expect(loadDetail(back)).toBe(true);
    const read = [...back.names.values()].flatMap((stored) => entriesOf(back, stored)).slice(0, 3);
    expect(read.map((e) => e.tags)).toEqual(tags);
    const lists = (JSON.parse(text.split('\n')[0]!) as { lists: string[][] }).lists;
    expect(lists.filter((l) => JSON.stringify(l) === JSON.stringify(tags[0]))).toHaveLength(1);
  });

  it('keeps a version that does not validate marked with its first error, through a write and a read', async () => {
    const reg = fixtureCopy();
    const dir = join(reg, 'modules', 'text-normalizer', '1.1.0');
    writeFileSync(join(dir, 'promptpm.yaml'), readFileSync(join(dir, 'promptpm.yaml'), 'utf8').replace(/required: true/, 'required: "sure"'));
    const invalid = { message: expect.stringContaining('required'), file: 'promptpm.yaml', line: expect.any(Number), column: expect.any(Number) };
    expect((await readIndex(reg)).modules['text-normalizer']?.['1.1.0']).toMatchObject({ dependencies: [], invalid });
    const text = readFileSync(indexPath(reg), 'utf8');
    expect([...encodeIndex(decodeIndex(text)!)].join('')).toBe(text);
    expect((await readIndex(reg)).modules['text-normalizer']?.['1.1.0']?.invalid).toEqual(invalid);
    expect((await readIndex(reg)).modules['text-normalizer']?.['1.0.0']?.invalid).toBeNull();
  });

  it('tells from the text alone whether every version is recorded ok, which no description can fake', async () => {
    const reg = fixtureCopy();
    await listRegistry(reg);
    expect(recordsAllOk(readFileSync(indexPath(reg), 'utf8'))).toBe(false);
    await verifyRegistry(reg);
    expect(recordsAllOk(readFileSync(indexPath(reg), 'utf8'))).toBe(true);
    const line = (columns: object): string => `${JSON.stringify(columns)}\n{}`;
    const fake = ',"states":"ooo"}';
    // As text and as the bytes read from disk alike.
    for (const as of [(t: string) => t, (t: string) => Buffer.from(t)]) {
      expect(recordsAllOk(as(line({ latestDescriptions: [fake], states: 'oto' })))).toBe(false);
      expect(recordsAllOk(as(line({ states: 'oto', latestDescriptions: [fake] })))).toBe(false);
      expect(recordsAllOk(as(line({ format: 3, states: 'oo' })))).toBe(true);
      expect(recordsAllOk(as(line({ format: 3, states: 'ou' })))).toBe(false);
      expect(recordsAllOk(as('not an index'))).toBe(false);
    }
  });

  it('reads the bytes on disk as their text, a line decoded only when it is parsed', async () => {
    const reg = fixtureCopy();
    await verifyRegistry(reg);
    // A description that is not valid UTF-8 on the third line reads as the text decoding gives.
    const file = readFileSync(indexPath(reg));
    expect(file.subarray(-3).toString()).toBe('"]}');
    const bytes = Buffer.concat([file.subarray(0, -3), Buffer.from([0xe2, 0x82]), Buffer.from('"]}')]);
    const lazy = decodeIndex(bytes, { lazy: true })!;
    expect(typeof lazy.detailText).not.toBe('string');
    expect(loadResolution(lazy)).toBe(true);
    expect(loadDetail(lazy)).toBe(true);
    const fromText = decodeIndex(bytes.toString('utf8'))!;
    expect(lazy).toEqual(fromText);
    expect(decodeIndex(bytes)).toEqual(fromText);
  });
});
