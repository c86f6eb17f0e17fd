// The file diff: every status (added, removed, changed, renamed), content that is not compared as text
// (binary, non-UTF-8, too large) reported by size and hash, unchanged files only counted.
import { describe, expect, it } from 'vitest';
import { diffFiles } from '../../../src/core/diff/files.js';
import { TEXT_DIFF_MAX_BYTES } from '../../../src/core/diff/limits.js';
import { files } from './helpers.js';

describe('diffFiles', () => {
  it('reports added, removed, changed and renamed files in path order; unchanged ones are counted', () => {
    const result = diffFiles(
      files({ 'README.md': 'same\n', 'a.txt': 'one\n', 'gone.txt': 'bye\n', 'tests/old.txt': 'moved\n' }),
      files({ 'README.md': 'same\n', 'a.txt': 'two\n', 'new.txt': 'hi\n', 'tests/new.txt': 'moved\n' }),
      3,
    );
    expect(result.changes.map((c) => [c.path, c.from, c.status, c.insertions, c.deletions])).toEqual([
      ['a.txt', null, 'changed', 1, 1],
      ['gone.txt', null, 'removed', 0, 1],
      ['new.txt', null, 'added', 1, 0],
      ['tests/new.txt', 'tests/old.txt', 'renamed', 0, 0],
    ]);
    expect([result.unchanged, result.insertions, result.deletions]).toEqual([1, 2, 2]);
  });

  it('reports binary, non-UTF-8 and too-large files by size and hash, never their content', () => {
    const big = 'x'.repeat(TEXT_DIFF_MAX_BYTES + 1);
    const result = diffFiles(
      files({ 'logo.png': new Uint8Array([137, 80, 0, 1]), 'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'big.txt': big }),
      files({ 'logo.png': new Uint8Array([137, 80, 0, 2]), 'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe8]), 'big.txt': `${big}y` }),
      3,
    );
    expect(result.changes.map((c) => [c.path, c.content, c.oldSize, c.newSize, c.hunks.length])).toEqual([
      ['big.txt', 'too-large', big.length, big.length + 1, 0],
      ['latin1.txt', 'non-utf8', 4, 4, 0],
      ['logo.png', 'binary', 4, 4, 0],
    ]);
    expect(result.changes.every((c) => c.oldSha256 !== null && c.newSha256 !== null && c.oldSha256 !== c.newSha256)).toBe(true);
  });

  it('a text file that becomes binary is reported as binary', () => {
    const [change] = diffFiles(files({ 'data.bin': 'text\n' }), files({ 'data.bin': new Uint8Array([0, 1, 2]) }), 3).changes;
    expect([change!.content, change!.insertions, change!.oldNewlineAtEnd]).toEqual(['binary', 0, null]);
  });

  it('says which side lacks a final line break', () => {
    const [change] = diffFiles(files({ 't.prompt': 'a\n' }), files({ 't.prompt': 'a' }), 3).changes;
    expect([change!.oldNewlineAtEnd, change!.newNewlineAtEnd]).toEqual([true, false]);
  });

  it('pairs several renames of one content in path order', () => {
    const result = diffFiles(files({ 'a1.txt': 'x', 'a2.txt': 'x' }), files({ 'b1.txt': 'x', 'b2.txt': 'x' }), 3);
    expect(result.changes.map((c) => [c.from, c.path])).toEqual([
      ['a1.txt', 'b1.txt'],
      ['a2.txt', 'b2.txt'],
    ]);
  });
});
