// The one placeholder syntax: `{{name}}` with optional inner whitespace. Single braces are literal
// (the earlier tool also replaced `{name}`, which broke JSON examples in templates).
import { positionIndex } from './text-position.js';

export const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
// Double-brace spans that are not valid placeholders, reported as a warning because they stay literal.
const BRACED = /\{\{([^{}\n]{0,200})\}\}/g;

export interface PlaceholderUse {
  name: string;
  /** 1-based position of the first use in the template. */
  line: number;
  column: number;
}

const MAX_MALFORMED_REPORTED = 20;

/** Each placeholder name once, at its first use, in order of first use. */
export function findPlaceholders(template: string): PlaceholderUse[] {
  const position = positionIndex(template);
  const seen = new Map<string, PlaceholderUse>();
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!seen.has(name)) seen.set(name, { name, ...position(m.index) });
  }
  return [...seen.values()];
}

/** `{{ ... }}` spans that look meant as placeholders but are not valid ones (e.g. `{{ user.name }}`). */
export function findMalformedPlaceholders(template: string): { text: string; line: number; column: number }[] {
  const position = positionIndex(template);
  const whole = new RegExp(`^${PLACEHOLDER.source}$`);
  const out: { text: string; line: number; column: number }[] = [];
  for (const m of template.matchAll(BRACED)) {
    if (whole.test(m[0])) continue;
    out.push({ text: m[0], ...position(m.index) });
    if (out.length >= MAX_MALFORMED_REPORTED) break;
  }
  return out;
}

/** Replaces each `{{name}}` with its value; names without a value render as the empty string. */
export function renderPlaceholders(template: string, values: ReadonlyMap<string, string>): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => values.get(name) ?? '');
}
