// smol-toml gives values but no positions, so this light scanner walks the (already validated)
// TOML text once and records where each key and array item is written. It understands tables,
// arrays of tables, dotted keys, inline tables and arrays, strings and comments; anything it cannot
// place is simply absent, and the caller falls back to the nearest enclosing field or to null.
import { pathKey, type FieldPath, type PathSegment } from './field-path.js';
import type { Position } from './source.js';
import { positionIndex } from './text-position.js';

export interface TomlPositions {
  keys: Map<string, Position>;
  values: Map<string, Position>;
}

const BARE = /[A-Za-z0-9_-]/;

export function scanTomlPositions(text: string): TomlPositions {
  const keys = new Map<string, Position>();
  const values = new Map<string, Position>();
  const arrayCounts = new Map<string, number>();
  let i = 0;
  const pos = positionIndex(text);
  const skipSpace = (newlines: boolean): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) i++;
      else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
      else break;
    }
  };
  const readString = (): string => {
    const quote = text[i] ?? '"';
    const triple = text.startsWith(quote.repeat(3), i);
    const close = triple ? quote.repeat(3) : quote;
    const start = i + close.length;
    let j = start;
    while (j < text.length && !text.startsWith(close, j)) j += quote === '"' && text[j] === '\\' ? 2 : 1;
    // A closing triple quote may be followed by up to two more quotes that belong to the content.
    let end = j;
    while (triple && text[end + close.length] === quote) end++;
    i = end + close.length;
    return text.slice(start, end);
  };
  const readKey = (): PathSegment[] => {
    const parts: PathSegment[] = [];
    for (;;) {
      skipSpace(false);
      if (text[i] === '"' || text[i] === "'") parts.push(readString());
      else {
        const start = i;
        while (i < text.length && BARE.test(text[i] ?? '')) i++;
        if (i === start) return parts;
        parts.push(text.slice(start, i));
      }
      skipSpace(false);
      if (text[i] !== '.') return parts;
      i++;
    }
  };
  const record = (path: FieldPath, at: number, keyAt: number): void => {
    keys.set(pathKey(path), pos(keyAt));
    values.set(pathKey(path), pos(at));
  };
  const readValue = (path: FieldPath, depth: number): void => {
    skipSpace(true);
    const c = text[i];
    if (c === '"' || c === "'") readString();
    else if (c === '[' && depth < 128) {
      i++;
      for (let index = 0; ; index++) {
        skipSpace(true);
        if (text[i] === ']' || i >= text.length) break;
        record([...path, index], i, i);
        readValue([...path, index], depth + 1);
        skipSpace(true);
        if (text[i] === ',') i++;
      }
      i++;
    } else if (c === '{' && depth < 128) {
      i++;
      for (;;) {
        skipSpace(true);
        if (text[i] === '}' || i >= text.length) break;
        readPair(path, depth + 1);
        skipSpace(true);
        if (text[i] === ',') i++;
      }
      i++;
    } else {
      while (i < text.length && !/[,\]}\n#]/.test(text[i] ?? '')) i++;
    }
  };
  const readPair = (table: FieldPath, depth: number): void => {
    const keyAt = i;
    const key = readKey();
    skipSpace(false);
    if (key.length === 0 || text[i] !== '=') {
      while (i < text.length && text[i] !== '\n') i++;
      return;
    }
    i++;
    skipSpace(false);
    const path = [...table, ...key];
    record(path, i, keyAt);
    readValue(path, depth);
  };
  // Header paths pass through arrays of tables at their latest element: [tests.inputs] after [[tests]].
  const expandHeader = (parts: PathSegment[]): PathSegment[] => {
    const out: PathSegment[] = [];
    for (const part of parts) {
      out.push(part);
      const count = arrayCounts.get(pathKey(out));
      if (count !== undefined) out.push(count - 1);
    }
    return out;
  };
  let table: FieldPath = [];
  while (i < text.length) {
    skipSpace(true);
    if (i >= text.length) break;
    if (text[i] === '[') {
      const headerAt = i;
      const isArray = text[i + 1] === '[';
      i += isArray ? 2 : 1;
      const parts = readKey();
      if (isArray) {
        const base = expandHeader(parts.slice(0, -1));
        const arrayPath = [...base, ...parts.slice(-1)];
        const n = arrayCounts.get(pathKey(arrayPath)) ?? 0;
        arrayCounts.set(pathKey(arrayPath), n + 1);
        table = [...arrayPath, n];
        if (n === 0) record(arrayPath, headerAt, headerAt);
      } else {
        table = expandHeader(parts);
      }
      record(table, headerAt, headerAt);
      while (i < text.length && text[i] !== '\n') i++;
    } else {
      readPair(table, 0);
    }
  }
  return { keys, values };
}
