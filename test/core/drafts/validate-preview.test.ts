import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDraft, renderPreview, validateDraftText } from '../../../src/core/drafts/index.js';
import { loadModule } from '../../../src/core/module/index.js';
import { workspace, type Workspace } from './helpers.js';

let ws: Workspace;
let draft: string;
beforeEach(async () => {
  ws = await workspace();
  draft = await createDraft(ws.area, { name: 'demo', version: '0.1.0' });
});
afterEach(() => rm(ws.root, { recursive: true, force: true }));

const TEMPLATE = 'Explain {{ topic }} in a {{ tone }} tone.\n\nFor {{ audience }}.\n';

/** What `promptpm validate` reports once the text is saved, in a folder of its own. */
async function validatedOnDisk(files: Record<string, string>): Promise<{ errors: unknown[]; warnings: unknown[] }> {
  const saved = join(ws.root, 'saved');
  await cp(draft, saved, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(saved, file), text);
  const mod = await loadModule(saved, { contents: {} });
  const back = (d: { file: string | null }) => ({ ...d, file: d.file?.replace(saved, draft) ?? null });
  return { errors: mod.errors.map(back), warnings: mod.warnings.map(back) };
}

describe('drafts: live validation', () => {
  it('reports the errors validate would give for unsaved template text, located in the draft, without writing', async () => {
    const result = await validateDraftText(draft, { templateText: TEMPLATE });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'PLACEHOLDER_UNLISTED', file: join(draft, 'template.prompt'), line: 3, column: 5 })]);
    expect(result).toEqual(await validatedOnDisk({ 'template.prompt': TEMPLATE }));
    expect(await readFile(join(draft, 'template.prompt'), 'utf8')).not.toContain('audience');
    expect(await validateDraftText(draft)).toMatchObject({ errors: [] });
  });

  it('takes unsaved manifest text too: a YAML error at its line:column, and a fix that declares the input', async () => {
    const manifest = await readFile(join(draft, 'promptpm.yaml'), 'utf8');
    const broken = manifest.replace('  intent:', '  intent: [unclosed\n  x:');
    const syntax = await validateDraftText(draft, { manifestText: broken });
    expect(syntax.errors[0]).toMatchObject({ code: 'YAML_SYNTAX', file: join(draft, 'promptpm.yaml'), line: expect.any(Number), column: expect.any(Number) });
    expect(syntax).toEqual(await validatedOnDisk({ 'promptpm.yaml': broken }));

    const fixed = manifest
      .replace('placeholders: [topic, tone]', 'placeholders: [topic, tone, audience]')
      .replace('  outputs:', '    - { name: audience, type: text, description: Reader, required: false }\n  outputs:');
    expect(await validateDraftText(draft, { manifestText: fixed, templateText: TEMPLATE })).toEqual({ errors: [], warnings: [] });
  });
});

describe('drafts: live validation names the draft, never the copy it validated', () => {
  it('in the message of a missing manifest', async () => {
    await rm(join(draft, 'promptpm.yaml'));
    const result = await validateDraftText(draft, { templateText: 'x' });
    expect(result.errors).toEqual([expect.objectContaining({ code: 'MANIFEST_NOT_FOUND', message: `No promptpm.yaml or promptpm.toml in ${draft}` })]);
  });
});

describe('drafts: render preview', () => {
  it('renders typed values and files of the module as a test does, with the length in code points', async () => {
    const preview = await renderPreview(draft, { topic: 'tests/example.txt', tone: 'calm' }, { templateText: 'On {{ topic }}in a {{tone}} tone: ✓' });
    const example = await readFile(join(draft, 'tests', 'example.txt'), 'utf8');
    const text = `On ${example}in a calm tone: ✓`;
    expect(preview).toEqual({ ok: true, text, length: [...text].length });
    expect(await renderPreview(draft, { topic: 'Rust' })).toMatchObject({ ok: true, text: expect.stringContaining('Topic:\nRust\n') });
  });

  it('names the input whose file cannot be used', async () => {
    await writeFile(join(ws.root, 'secret.txt'), 'secret');
    expect(await renderPreview(draft, { topic: '../../secret.txt' })).toMatchObject({ ok: false, input: 'topic', code: 'TEST_INPUT_OUTSIDE' });
  });
});
