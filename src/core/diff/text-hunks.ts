// Line hunks of two texts (jsdiff's Myers diff over lines), unchanged runs folded to context, with
// word-level changes inside each changed line. The line diff is bounded by an edit budget: past it the
// file is reported as a whole-file replace instead of taking time quadratic in its size. Every object is
// built with its keys in sorted order, so the CLI prints a large file's many lines without copying them.
import { diffArrays, diffWordsWithSpace } from 'diff';
import { MAX_LINE_EDITS, MAX_WORD_EDITS, WORD_DIFF_MAX_CHARS } from './limits.js';
import type { Hunk, HunkLine, WordSegment } from './types.js';

export interface TextDiff {
  /** False when the edit budget was exceeded: `hunks` then replace the whole file. */
  complete: boolean;
  hunks: Hunk[];
  insertions: number;
  deletions: number;
}

/** The text's lines, each keeping its line break, so a missing final break is a change of that line. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

const withoutBreak = (line: string): string => (line.endsWith('\n') ? line.slice(0, -1) : line);

/**
 * A lower bound of the edits between two line lists: a line occurring more often on one side must be
 * removed or added that many times. It is computed in linear time, so an obviously costly diff is refused
 * before the Myers search starts.
 */
function minimumEdits(oldLines: readonly string[], newLines: readonly string[]): number {
  const balance = new Map<string, number>();
  for (const line of oldLines) balance.set(line, (balance.get(line) ?? 0) + 1);
  for (const line of newLines) balance.set(line, (balance.get(line) ?? 0) - 1);
  let edits = 0;
  for (const n of balance.values()) edits += Math.abs(n);
  return edits;
}


/** The line diff as one op per line, or null when it needs more than MAX_LINE_EDITS edits. */
function lineOps(oldLines: string[], newLines: string[]): HunkLine[] | null {
  const trivial = oldLines.length === 0 || newLines.length === 0;
  if (!trivial && minimumEdits(oldLines, newLines) > MAX_LINE_EDITS) return null;
  const changes = trivial
    ? [
        { value: oldLines, added: false, removed: true },
        { value: newLines, added: true, removed: false },
      ]
    : diffArrays(oldLines, newLines, { maxEditLength: MAX_LINE_EDITS });
  if (changes === undefined) return null;
  const ops: HunkLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const change of changes) {
    for (const line of change.value) {
      const text = withoutBreak(line);
      if (change.added) ops.push({ kind: 'added', newLine: newLine++, oldLine: null, text, words: null });
      else if (change.removed) ops.push({ kind: 'removed', newLine: null, oldLine: oldLine++, text, words: null });
      else ops.push({ kind: 'context', newLine: newLine++, oldLine: oldLine++, text, words: null });
    }
  }
  return ops;
}

/** Consecutive runs of the same flag merged, so a line's segments alternate. */
function segments(parts: Array<{ value: string; changed: boolean }>): WordSegment[] {
  const out: WordSegment[] = [];
  for (const { value, changed } of parts) {
    const last = out[out.length - 1];
    if (last && last.changed === changed) last.text += value;
    else if (value !== '') out.push({ changed, text: value });
  }
  return out;
}

/** Word-level changes of a removed line and the added line paired with it, or null past the word budget. */
export function wordChanges(oldText: string, newText: string): { old: WordSegment[]; new: WordSegment[] } | null {
  if (oldText.length > WORD_DIFF_MAX_CHARS || newText.length > WORD_DIFF_MAX_CHARS) return null;
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_WORD_EDITS });
  if (changes === undefined) return null;
  return {
    old: segments(changes.filter((c) => !c.added).map((c) => ({ value: c.value, changed: c.removed }))),
    new: segments(changes.filter((c) => !c.removed).map((c) => ({ value: c.value, changed: c.added }))),
  };
}

/** In each changed block (removed lines then added lines), pairs the i-th removed line with the i-th added. */
function addWordChanges(ops: HunkLine[]): void {
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind !== 'removed') {
      i++;
      continue;
    }
    const removedStart = i;
    while (i < ops.length && ops[i]!.kind === 'removed') i++;
    const addedStart = i;
    while (i < ops.length && ops[i]!.kind === 'added') i++;
    const pairs = Math.min(addedStart - removedStart, i - addedStart);
    for (let k = 0; k < pairs; k++) {
      const removed = ops[removedStart + k]!;
      const added = ops[addedStart + k]!;
      const words = wordChanges(removed.text, added.text);
      if (words === null) continue;
      removed.words = words.old;
      added.words = words.new;
    }
  }
}

/** Groups ops into hunks: each change with `context` unchanged lines around it, close hunks merged. */
function toHunks(ops: HunkLine[], context: number): Hunk[] {
  const hunks: Hunk[] = [];
  // Lines of each side before the op at an index, for the hunk headers.
  let oldBefore = 0;
  let newBefore = 0;
  let counted = 0;
  const advanceTo = (index: number): void => {
    for (; counted < index; counted++) {
      if (ops[counted]!.kind !== 'added') oldBefore++;
      if (ops[counted]!.kind !== 'removed') newBefore++;
    }
  };
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === 'context') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    // Extend while the next change is close enough that the context between them would overlap.
    let end = i;
    for (let j = i; j < ops.length && j <= end + 2 * context; j++) if (ops[j]!.kind !== 'context') end = j;
    const stop = Math.min(ops.length, end + context + 1);
    advanceTo(start);
    hunks.push(hunkOf(ops.slice(start, stop), oldBefore, newBefore));
    i = stop;
  }
  return hunks;
}

/** A hunk's header numbers as in a unified diff: a side with no lines starts at the line before it. */
function hunkOf(lines: HunkLine[], oldBefore: number, newBefore: number): Hunk {
  let oldLines = 0;
  let newLines = 0;
  for (const l of lines) {
    if (l.kind !== 'added') oldLines++;
    if (l.kind !== 'removed') newLines++;
  }
  return {
    lines,
    newLines,
    newStart: newLines === 0 ? newBefore : newBefore + 1,
    oldLines,
    oldStart: oldLines === 0 ? oldBefore : oldBefore + 1,
  };
}

function count(ops: HunkLine[]): { insertions: number; deletions: number } {
  let insertions = 0;
  let deletions = 0;
  for (const op of ops) {
    if (op.kind === 'added') insertions++;
    else if (op.kind === 'removed') deletions++;
  }
  return { insertions, deletions };
}

/** The whole old text removed and the whole new text added, in one hunk. */
function wholeReplace(oldLines: string[], newLines: string[]): HunkLine[] {
  return [
    ...oldLines.map((line, i): HunkLine => ({ kind: 'removed', newLine: null, oldLine: i + 1, text: withoutBreak(line), words: null })),
    ...newLines.map((line, i): HunkLine => ({ kind: 'added', newLine: i + 1, oldLine: null, text: withoutBreak(line), words: null })),
  ];
}

export function diffText(oldText: string, newText: string, context: number): TextDiff {
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const ops = lineOps(oldLines, newLines);
  if (ops === null) {
    const all = wholeReplace(oldLines, newLines);
    return { complete: false, hunks: toHunks(all, context), ...count(all) };
  }
  addWordChanges(ops);
  return { complete: true, hunks: toHunks(ops, context), ...count(ops) };
}
