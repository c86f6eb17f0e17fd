// Renders a test's template (§3): strings are literal text or, when they name a file inside the
// module, that file's text (re-checked now: the file may have changed since validation); other
// values render as compact JSON; a missing input renders as the empty string.
import { renderPlaceholders, resolveInputValue, type InputValue } from '../module/index.js';

export type RenderOutcome = { ok: true; text: string } | { ok: false; input: string; problem: Extract<InputValue, { kind: 'error' }>['problem'] };

export async function renderTest(moduleDir: string, template: string, inputs: Record<string, unknown>): Promise<RenderOutcome> {
  // A Map, not an object: an input may be called `__proto__` or `constructor`.
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(inputs)) {
    if (typeof value === 'string') {
      const resolved = await resolveInputValue(moduleDir, value);
      if (resolved.kind === 'error') return { ok: false, input: name, problem: resolved.problem };
      values.set(name, resolved.text);
    } else {
      values.set(name, JSON.stringify(value) ?? '');
    }
  }
  return { ok: true, text: renderPlaceholders(template, values) };
}
