// The file diff of two versions: every file added, removed, changed or renamed (same content at another
// path), text diffed by line and word, anything else (binary, not UTF-8, too large) reported by size and
// hash, never dumped.
import { compareCodePoints } from '../text-order.js';
import { BINARY_SNIFF_BYTES, TEXT_DIFF_MAX_BYTES } from './limits.js';
import { diffText } from './text-hunks.js';
import type { FileChange, FileContent, FilesDiff } from './types.js';

/** One file of a side; its bytes are read only when its content has to be compared. */
export interface SideFile {
  path: string;
  size: number;
  sha256: string;
  read(): Uint8Array;
}

type Decoded = { kind: 'text'; text: string } | { kind: Exclude<FileContent, 'text' | 'too-costly'> };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(file: SideFile): Decoded {
  if (file.size > TEXT_DIFF_MAX_BYTES) return { kind: 'too-large' };
  const bytes = file.read();
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  try {
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'non-utf8' };
  }
}

/** What a pair of sides is compared as: the first that applies of too-large, binary, non-utf8, text. */
const PRECEDENCE: readonly FileContent[] = ['too-large', 'binary', 'non-utf8', 'text'];

function combined(a: Decoded | null, b: Decoded | null): FileContent {
  const kinds = [a?.kind, b?.kind];
  return PRECEDENCE.find((k) => kinds.includes(k as Decoded['kind'])) ?? 'text';
}

const endsWithBreak = (d: Decoded | null): boolean | null => (d?.kind === 'text' ? d.text === '' || d.text.endsWith('\n') : null);

function compareFile(oldFile: SideFile | null, newFile: SideFile | null, context: number): FileChange {
  const path = (newFile ?? oldFile)!.path;
  const status = oldFile === null ? 'added' : newFile === null ? 'removed' : 'changed';
  const oldDecoded = oldFile && decode(oldFile);
  const newDecoded = newFile && decode(newFile);
  const base: FileChange = {
    path,
    from: null,
    status,
    content: combined(oldDecoded, newDecoded),
    oldSize: oldFile?.size ?? null,
    newSize: newFile?.size ?? null,
    oldSha256: oldFile?.sha256 ?? null,
    newSha256: newFile?.sha256 ?? null,
    insertions: 0,
    deletions: 0,
    oldNewlineAtEnd: null,
    newNewlineAtEnd: null,
    hunks: [],
  };
  if (base.content !== 'text') return base;
  const oldText = oldDecoded?.kind === 'text' ? oldDecoded.text : '';
  const newText = newDecoded?.kind === 'text' ? newDecoded.text : '';
  const text = diffText(oldText, newText, context);
  return {
    ...base,
    content: text.complete ? 'text' : 'too-costly',
    insertions: text.insertions,
    deletions: text.deletions,
    oldNewlineAtEnd: endsWithBreak(oldDecoded),
    newNewlineAtEnd: endsWithBreak(newDecoded),
    hunks: text.hunks,
  };
}

/** A file moved without a change: its content is classified, but there is nothing to diff. */
function renamed(from: SideFile, to: SideFile): FileChange {
  const decoded = decode(to);
  const content = combined(decoded, null);
  const newline = endsWithBreak(decoded);
  return {
    path: to.path,
    from: from.path,
    status: 'renamed',
    content,
    oldSize: from.size,
    newSize: to.size,
    oldSha256: from.sha256,
    newSha256: to.sha256,
    insertions: 0,
    deletions: 0,
    oldNewlineAtEnd: newline,
    newNewlineAtEnd: newline,
    hunks: [],
  };
}

/** Pairs removed and added files of equal content, in path order (the first removed with the first added). */
function findRenames(removed: SideFile[], added: SideFile[]): Array<[SideFile, SideFile]> {
  const byHash = new Map<string, SideFile[]>();
  for (const f of removed) byHash.set(f.sha256, [...(byHash.get(f.sha256) ?? []), f]);
  const pairs: Array<[SideFile, SideFile]> = [];
  for (const f of added) {
    const from = byHash.get(f.sha256)?.shift();
    if (from) pairs.push([from, f]);
  }
  return pairs;
}

const byPath = (a: { path: string }, b: { path: string }): number => compareCodePoints(a.path, b.path);

export function diffFiles(oldFiles: readonly SideFile[], newFiles: readonly SideFile[], context: number): FilesDiff {
  const olds = new Map(oldFiles.map((f) => [f.path, f]));
  const news = new Map(newFiles.map((f) => [f.path, f]));
  const removed = [...olds.values()].filter((f) => !news.has(f.path)).sort(byPath);
  const added = [...news.values()].filter((f) => !olds.has(f.path)).sort(byPath);
  const renames = findRenames(removed, added);
  const moved = new Set(renames.flat());

  const changes: FileChange[] = renames.map(([from, to]) => renamed(from, to));
  let unchanged = 0;
  for (const f of olds.values()) {
    const next = news.get(f.path);
    if (next === undefined) {
      if (!moved.has(f)) changes.push(compareFile(f, null, context));
    } else if (next.sha256 === f.sha256) {
      unchanged++;
    } else {
      changes.push(compareFile(f, next, context));
    }
  }
  for (const f of added) if (!moved.has(f)) changes.push(compareFile(null, f, context));
  changes.sort(byPath);
  return {
    changes,
    unchanged,
    insertions: changes.reduce((n, c) => n + c.insertions, 0),
    deletions: changes.reduce((n, c) => n + c.deletions, 0),
  };
}
