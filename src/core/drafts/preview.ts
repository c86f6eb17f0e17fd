// The render preview: the draft's template (or unsaved template text) rendered with inputs the user typed,
// exactly as a test renders it (core/testing): a value naming a file of the module is read as that file's text.
import { PromptPMError } from '../errors.js';
import { loadModule } from '../module/index.js';
import { codePointLength } from '../testing/index.js';
import { renderTest } from '../testing/render.js';

export type RenderPreview =
  | { ok: true; text: string; /** In code points, as `max_length` counts. */ length: number }
  | { ok: false; input: string; code: string; message: string; hint: string };

export async function renderPreview(draft: string, inputs: Record<string, string>, opts: { templateText?: string } = {}): Promise<RenderPreview> {
  const template = opts.templateText ?? (await loadModule(draft)).template;
  if (template === null) {
    throw new PromptPMError('VALIDATION_ERROR', 'The draft has no template that can be read', { hint: 'Fix prompt.template in the manifest first.', path: draft, reason: 'TEMPLATE_UNREADABLE' });
  }
  const rendered = await renderTest(draft, template, inputs);
  if (!rendered.ok) return { ok: false, input: rendered.input, ...rendered.problem };
  return { ok: true, text: rendered.text, length: codePointLength(rendered.text) };
}
