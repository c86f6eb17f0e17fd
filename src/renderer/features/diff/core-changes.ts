// The editors show the changes core found (the same line diff and word changes as `promptpm diff`), not a
// diff of their own: CodeMirror's character diff can take quadratic time on large, very different texts,
// and two diffs of one file could disagree. Core's hunks become the character ranges CodeMirror highlights.
import { Change } from '@codemirror/merge';
import type { FileChangeView } from '../../../shared/ipc/diff-schemas.js';

type Hunk = FileChangeView['hunks'][number];
type Line = Hunk['lines'][number];

/** Offset of each 1-based line of `text`; one past the last line is the text's length. */
function lineStarts(text: string): (line: number) => number {
  const starts = [0, 0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (line) => (line < starts.length ? starts[line]! : text.length);
}

/**
 * One side of a changed line in "common text" coordinates: where the line is after k unchanged characters
 * (before any change there), and the length of the change found at each k. Both sides share the same
 * unchanged text, but not its split into segments.
 */
function sideOf(words: NonNullable<Line['words']>): { at: number[]; changed: Map<number, number> } {
  const at = [0];
  const changed = new Map<number, number>();
  let offset = 0;
  for (const word of words) {
    if (word.changed) changed.set(at.length - 1, (changed.get(at.length - 1) ?? 0) + word.text.length);
    else for (let k = 0; k < word.text.length; k++) at.push(offset + k + 1);
    offset += word.text.length;
  }
  return { at, changed };
}

/** Word changes inside one pair of lines, as ranges of each document. */
function wordRanges(removed: Line, added: Line, atA: number, atB: number, out: Change[]): void {
  const a = sideOf(removed.words!);
  const b = sideOf(added.words!);
  const places = [...new Set([...a.changed.keys(), ...b.changed.keys()])].sort((x, y) => x - y);
  for (const u of places) {
    const fromA = atA + a.at[u]!;
    const fromB = atB + b.at[u]!;
    out.push(new Change(fromA, fromA + (a.changed.get(u) ?? 0), fromB, fromB + (b.changed.get(u) ?? 0)));
  }
}

export function changesFromHunks(hunks: readonly Hunk[], before: string, after: string): Change[] {
  const startA = lineStarts(before);
  const startB = lineStarts(after);
  const out: Change[] = [];
  // Lines added minus lines removed before the current block: maps a line of one side to the other.
  let delta = 0;
  for (const hunk of hunks) {
    const lines = hunk.lines;
    let i = 0;
    while (i < lines.length) {
      if (lines[i]!.kind === 'context') {
        i++;
        continue;
      }
      const removed: Line[] = [];
      const added: Line[] = [];
      while (i < lines.length && lines[i]!.kind === 'removed') removed.push(lines[i++]!);
      while (i < lines.length && lines[i]!.kind === 'added') added.push(lines[i++]!);
      const firstA = removed[0]?.oldLine ?? added[0]!.newLine! - delta;
      const firstB = added[0]?.newLine ?? removed[0]!.oldLine! + delta;
      const pairs = Math.min(removed.length, added.length);
      for (let k = 0; k < pairs; k++) {
        const r = removed[k]!;
        const a = added[k]!;
        const [fromA, fromB] = [startA(r.oldLine!), startB(a.newLine!)];
        const [endA, endB] = [fromA + r.text.length, fromB + a.text.length];
        if (r.words && a.words) wordRanges(r, a, fromA, fromB, out);
        else out.push(new Change(fromA, endA, fromB, endB));
        // A line break present on one side only.
        const [nextA, nextB] = [startA(r.oldLine! + 1), startB(a.newLine! + 1)];
        if (nextA - endA !== nextB - endB) out.push(new Change(endA, nextA, endB, nextB));
      }
      const restA = startA(firstA + pairs);
      const restB = startB(firstB + pairs);
      const endA = startA(firstA + removed.length);
      const endB = startB(firstB + added.length);
      if (restA < endA || restB < endB) out.push(new Change(restA, endA, restB, endB));
      delta += added.length - removed.length;
    }
  }
  return out;
}
