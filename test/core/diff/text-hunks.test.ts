// Line hunks: unchanged runs folded to 3 lines of context, unified-diff header numbers, word changes inside
// paired lines, a missing final line break, and the edit budget that turns a costly diff into a whole-file replace.
import { describe, expect, it } from 'vitest';
import { MAX_LINE_EDITS, WORD_DIFF_MAX_CHARS } from '../../../src/core/diff/limits.js';
import { diffText, splitLines } from '../../../src/core/diff/text-hunks.js';

const numbered = (n: number, edit: (i: number) => string = (i) => `line ${i}`) => Array.from({ length: n }, (_, i) => `${edit(i + 1)}\n`).join('');
const marks = (text: ReturnType<typeof diffText>) => text.hunks.map((h) => h.lines.map((l) => `${l.kind[0]}${l.text}`));

describe('diffText', () => {
  it('folds unchanged runs to 3 lines of context around each change, with unified-diff headers', () => {
    const text = diffText(numbered(20), numbered(20, (i) => (i === 5 || i === 16 ? `LINE ${i}` : `line ${i}`)), 3);
    expect(text.hunks.map(({ oldStart, oldLines, newStart, newLines }) => [oldStart, oldLines, newStart, newLines])).toEqual([
      [2, 7, 2, 7],
      [13, 7, 13, 7],
    ]);
    expect(marks(text)[0]).toEqual(['cline 2', 'cline 3', 'cline 4', 'rline 5', 'aLINE 5', 'cline 6', 'cline 7', 'cline 8']);
    expect([text.insertions, text.deletions, text.complete]).toEqual([2, 2, true]);
  });

  it('merges changes whose context would overlap into one hunk', () => {
    const text = diffText(numbered(20), numbered(20, (i) => (i === 5 || i === 11 ? 'x' : `line ${i}`)), 3);
    expect(text.hunks).toHaveLength(1);
    expect(text.hunks[0]).toMatchObject({ oldStart: 2, oldLines: 13 });
  });

  it('numbers each line on its own side and marks the changed words of paired lines', () => {
    const [hunk] = diffText('a\nthe quick fox\nb\n', 'a\nthe slow fox\nb\n', 3).hunks;
    expect(hunk!.lines[1]).toEqual({
      kind: 'removed',
      text: 'the quick fox',
      oldLine: 2,
      newLine: null,
      words: [
        { text: 'the ', changed: false },
        { text: 'quick', changed: true },
        { text: ' fox', changed: false },
      ],
    });
    expect(hunk!.lines[2]).toMatchObject({ kind: 'added', oldLine: null, newLine: 2, words: [{ text: 'the ' }, { text: 'slow', changed: true }, { text: ' fox' }] });
  });

  it('gives no word changes for lines past the word limit or without a counterpart', () => {
    const long = 'w '.repeat(WORD_DIFF_MAX_CHARS);
    const lines = diffText(`${long}\n`, `${long}x\nextra\n`, 3).hunks[0]!.lines;
    expect(lines.map((l) => [l.kind, l.words])).toEqual([
      ['removed', null],
      ['added', null],
      ['added', null],
    ]);
  });

  it('shows a missing final line break as a change of the last line', () => {
    const text = diffText('a\nb\n', 'a\nb', 3);
    expect(marks(text)).toEqual([['ca', 'rb', 'ab']]);
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
  });

  it('an added file is one hunk of added lines starting at line 0 of the old side', () => {
    const text = diffText('', 'x\ny\n', 3);
    expect(text.hunks).toEqual([{ oldStart: 0, oldLines: 0, newStart: 1, newLines: 2, lines: expect.any(Array) }]);
    expect([text.insertions, text.deletions]).toEqual([2, 0]);
  });

  it('past the edit budget the file is a whole-file replace, decided without the quadratic search', () => {
    const lines = MAX_LINE_EDITS + 1;
    const text = diffText(numbered(lines), numbered(lines, (i) => `other ${i}`), 3);
    expect(text.complete).toBe(false);
    expect([text.insertions, text.deletions]).toEqual([lines, lines]);
    expect(text.hunks).toHaveLength(1);
    expect(text.hunks[0]!.lines.every((l) => l.words === null)).toBe(true);
  });

  it('within the budget a large file with scattered edits is diffed exactly', () => {
    const text = diffText(numbered(40000), numbered(40000, (i) => (i % 100 === 0 ? `edited ${i}` : `line ${i}`)), 3);
    expect([text.complete, text.insertions, text.deletions, text.hunks.length]).toEqual([true, 400, 400, 400]);
  });
});
