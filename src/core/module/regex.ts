// `regex` assertions run on re2js, a linear-time engine, so no pattern can hang a test run.
// Patterns are ECMAScript syntax without flags (rewritten to mean the same in RE2: regex-dialect.ts);
// backreferences and lookaround need backtracking, so they are refused up front with their own code
// instead of an engine error.
import { RE2JS } from 're2js';
import { toRe2Pattern } from './regex-dialect.js';

export type CompiledRegex = { ok: true; regex: RE2JS } | { ok: false; code: 'REGEX_INVALID' | 'REGEX_UNSUPPORTED'; message: string };

/** Finds a backreference or lookaround outside character classes, or null. */
export function findBacktrackingConstruct(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `backreference \\${next}`;
      if (!inClass && next === 'k' && pattern[i + 2] === '<') return 'named backreference \\k<...>';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      for (const look of ['(?=', '(?!', '(?<=', '(?<!']) {
        if (pattern.startsWith(look, i)) return `lookaround ${look}...)`;
      }
    }
  }
  return null;
}

export function compileRegex(pattern: string): CompiledRegex {
  const construct = findBacktrackingConstruct(pattern);
  if (construct) return { ok: false, code: 'REGEX_UNSUPPORTED', message: `uses a ${construct}, which needs a backtracking engine` };
  try {
    // Syntax check only (nothing is matched here): the pattern must be valid ECMAScript.
    new RegExp(pattern);
  } catch (err) {
    return { ok: false, code: 'REGEX_INVALID', message: err instanceof Error ? err.message : String(err) };
  }
  try {
    return { ok: true, regex: RE2JS.compile(toRe2Pattern(pattern)) };
  } catch (err) {
    return { ok: false, code: 'REGEX_INVALID', message: err instanceof Error ? err.message : String(err) };
  }
}
