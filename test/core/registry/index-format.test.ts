// The index file (format 2): what is written reads back the same, and a damaged, hostile or older file is
// never trusted: it is rebuilt from modules/, so list answers exactly as with no index at all.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRegistry, readIndex, verifyRegistry } from '../../../src/core/registry/index.js';
import { decodeIndex, encodeIndex } from '../../../src/core/registry/index-format.js';
import { fixtureCopy } from './helpers.js';

const indexPath = (reg: string): string => join(reg, '.promptpm', 'index.json');

describe('index file format', () => {
  it('round-trips: decoding what was encoded gives the same index and the same bytes again', async () => {
    const reg = fixtureCopy();
    await verifyRegistry(reg);
    const text = readFileSync(indexPath(reg), 'utf8');
    const decoded = decodeIndex(text);
    expect(decoded).not.toBeNull();
    expect(encodeIndex(decoded!)).toBe(text);
    expect(JSON.parse(text)).toMatchObject({ format: 2, names: ['technical-summarizer', 'text-normalizer'], states: 'ooo', stray: ['modules/text-normalizer/1.0.0.tmp'] });
  });

  it('rebuilds instead of trusting a damaged or hostile file', async () => {
    const reg = fixtureCopy();
    const expected = await listRegistry(reg);
    const good = JSON.parse(readFileSync(indexPath(reg), 'utf8')) as Record<string, unknown>;
    const damaged: Array<Record<string, unknown>> = [
      { ...good, format: 1 },
      { ...good, names: ['..', 'text-normalizer'] },
      { ...good, versions: ['1.2.0', '../../x', '1.1.0'] },
      { ...good, counts: [1, 1] },
      { ...good, tags: [0, 0, 99] },
      { ...good, sources: [0, 0, 5] },
      { ...good, states: 'oox' },
      { ...good, lists: [['a'], 3] },
      { ...good, descriptions: [1, 2, 3] },
    ];
    for (const bad of damaged) {
      expect(decodeIndex(JSON.stringify(bad))).toBeNull();
      writeFileSync(indexPath(reg), JSON.stringify(bad));
      expect(await listRegistry(reg)).toEqual(expected);
    }
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
    });
  });
});
