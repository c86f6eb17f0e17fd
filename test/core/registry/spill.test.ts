// Text gathered in buffers and moved to an unlinked temporary file (spill.ts): read back exactly as appended,
// UTF-8 characters that straddle a buffer's end included, and nothing left in the folder.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpilledText, SpillFile } from '../../../src/core/registry/spill.js';
import { tempDir } from './helpers.js';

// Each piece copied as it comes: a spilled one is only valid until the next is asked for.
const text = (t: SpilledText): string => Buffer.concat(Array.from(t.pieces(), (piece) => Buffer.from(piece))).toString('utf8');

describe('spilled text', () => {
  // Pieces of one to four UTF-8 bytes per character, of lengths that end anywhere in a buffer, and one longer than a buffer.
  const parts = [...Array.from({ length: 6000 }, (_, i) => `${i}:é☕😀${'x'.repeat(i % 53)},`), 'long '.repeat(40_000), 'end'];

  it('reads back as appended, kept in memory', () => {
    const t = new SpilledText(null);
    for (const part of parts) t.append(part);
    expect(text(t)).toBe(parts.join(''));
  });

  it('reads back as appended from its file, several texts sharing one, which leaves no entry behind', () => {
    const dir = tempDir();
    const spill = SpillFile.beside(join(dir, 'index.json'));
    expect(readdirSync(dir)).toEqual([]);
    const [a, b] = [new SpilledText(spill), new SpilledText(spill)];
    parts.forEach((part, i) => (i % 3 === 0 ? a : b).append(part));
    expect(text(a)).toBe(parts.filter((_, i) => i % 3 === 0).join(''));
    expect(text(b)).toBe(parts.filter((_, i) => i % 3 !== 0).join(''));
    spill.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});
