// Reading registry files through one shared buffer (hash.ts): a kept file's bytes are its own, a file read
// for a check is only lent for the call, and a large one is streamed whole or refused past its limit.
import { createHash } from 'node:crypto';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile, sha256File, withRegularFile } from '../../../src/core/registry/hash.js';
import { tempDir } from './helpers.js';

describe('registry file reading', () => {
  it('gives each read file bytes of its own, untouched by the next read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a'), 'first file');
    writeFileSync(join(dir, 'b'), 'other text');
    const a = readRegularFile(join(dir, 'a'), 100)!;
    readRegularFile(join(dir, 'b'), 100);
    expect(withRegularFile(join(dir, 'b'), 100, (bytes) => bytes.toString())).toBe('other text');
    expect(a.toString()).toBe('first file');
  });

  it('reads a file of several chunks whole, and refuses it past the limit', () => {
    const dir = tempDir();
    const big = Buffer.alloc(3 * (1 << 20) + 5, 7);
    big[big.length - 1] = 9;
    writeFileSync(join(dir, 'big'), big);
    expect(readRegularFile(join(dir, 'big'), big.length)!.equals(big)).toBe(true);
    expect(withRegularFile(join(dir, 'big'), big.length, (bytes) => bytes.length)).toBe(big.length);
    expect(withRegularFile(join(dir, 'big'), big.length - 1, () => 'read')).toBeNull();
    expect(sha256File(join(dir, 'big'))).toBe(createHash('sha256').update(big).digest('hex'));
  });

  it('follows no symlink', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'target'), 'secret');
    symlinkSync(join(dir, 'target'), join(dir, 'link'));
    expect(() => withRegularFile(join(dir, 'link'), 100, (bytes) => bytes.toString())).toThrow();
  });
});
