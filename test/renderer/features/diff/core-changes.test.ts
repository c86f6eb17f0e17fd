// The editors highlight the ranges core's hunks describe: replaying those ranges on the old text must give
// the new text exactly, whatever the texts (word changes, lines added or removed at either end, a final
// line break on one side only, CRLF).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Change } from '@codemirror/merge';
import { diffText } from '../../../../src/core/diff/text-hunks.js';
import { changesFromHunks } from '../../../../src/renderer/features/diff/core-changes.js';

function replay(before: string, after: string, changes: readonly Change[]): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    expect(c.fromA).toBeGreaterThanOrEqual(at);
    out += before.slice(at, c.fromA) + after.slice(c.fromB, c.toB);
    at = c.toA;
  }
  return out + before.slice(at);
}

/** Only the ranges: the text between changes must be equal on both sides. */
function unchangedAgree(before: string, after: string, changes: readonly Change[]): void {
  let a = 0;
  let b = 0;
  for (const c of [...changes, { fromA: before.length, toA: before.length, fromB: after.length, toB: after.length }]) {
    expect(before.slice(a, c.fromA)).toBe(after.slice(b, c.fromB));
    a = c.toA;
    b = c.toB;
  }
}

const line = fc.oneof(fc.constantFrom('alpha beta', 'gamma', '', 'alpha gamma beta', 'x\r', 'Rule 1: keep it short'), fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, ' ')));
const text = fc.tuple(fc.array(line, { maxLength: 14 }), fc.boolean()).map(([lines, finalBreak]) => lines.join('\n') + (finalBreak && lines.length ? '\n' : ''));

describe('changesFromHunks', () => {
  it('replays to the new text, and leaves equal text between changes (property)', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = diffText(before, after, 3);
        const changes = changesFromHunks(diff.hunks, before, after);
        expect(replay(before, after, changes)).toBe(after);
        unchangedAgree(before, after, changes);
      }),
      { numRuns: 2000 },
    );
  });

  it('marks the changed words of a changed line, not the whole line', () => {
    const before = 'one\nkeep the answer short and factual\nthree\n';
    const after = 'one\nkeep the answer brief and factual\nthree\n';
    const changes = changesFromHunks(diffText(before, after, 3).hunks, before, after);
    expect(changes.map((c) => [before.slice(c.fromA, c.toA), after.slice(c.fromB, c.toB)])).toEqual([['short', 'brief']]);
  });

  it('gives a removed line as a range of the old text only', () => {
    const before = 'a\nb\nc\n';
    const after = 'a\nc\n';
    const changes = changesFromHunks(diffText(before, after, 3).hunks, before, after);
    expect(changes.map((c) => [before.slice(c.fromA, c.toA), after.slice(c.fromB, c.toB)])).toEqual([['b\n', '']]);
  });
});
