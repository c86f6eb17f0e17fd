// Text measures that follow the earlier (Python) tool: lengths and ordering by Unicode code point.
export const PREVIEW_LIMIT = 120;

export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate that follows a high one is the second half of one code point.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

/** The rendered text as failures show it: newlines as `\n`, cut at 120 code points followed by `...`. */
export function preview(text: string): string {
  const flat = text.replace(/\n/g, '\\n');
  if (codePointLength(flat) <= PREVIEW_LIMIT) return flat;
  // 2 × limit code units always hold the first `limit` code points.
  return `${Array.from(flat.slice(0, PREVIEW_LIMIT * 2)).slice(0, PREVIEW_LIMIT).join('')}...`;
}

/** An assertion value as the `expected` string: text as is, anything else as compact JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
