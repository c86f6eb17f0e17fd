import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDraft, createNewVersionDraft, journalDraft, listDrafts, publishDraft, recoverDrafts, suggestVersion } from '../../../src/core/drafts/index.js';
import { editManifest } from '../../../src/core/module/yaml-edit.js';
import { workspace, type Workspace } from './helpers.js';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => rm(ws.root, { recursive: true, force: true }));

/** Removes the `tone` input from a draft of the scaffold: manifest (through the form edit), template and test. */
async function removeTone(draft: string): Promise<void> {
  const manifest = await readFile(join(draft, 'promptpm.yaml'), 'utf8');
  await writeFile(join(draft, 'promptpm.yaml'), editManifest(manifest, [{ op: 'removeInput', name: 'tone' }]).replace(', tone: friendly', ''));
  const template = await readFile(join(draft, 'template.prompt'), 'utf8');
  await writeFile(join(draft, 'template.prompt'), template.replace(' in a {{ tone }} tone', ''));
}

describe('drafts: next version and publish', () => {
  it('suggests the next major when an input is removed, and the next patch when only text changed', async () => {
    const draft = await createNewVersionDraft(ws.area, ws.registry, { name: 'demo', version: '1.0.0' });
    await writeFile(join(draft, 'tests', 'example.txt'), 'How a package manager resolves version ranges, again.\n');
    expect(await suggestVersion(ws.registry, draft)).toMatchObject({ against: { name: 'demo', version: '1.0.0' }, suggested: '1.0.1', verdict: { status: 'ok' } });
    await removeTone(draft);
    const suggestion = await suggestVersion(ws.registry, draft);
    expect(suggestion).toMatchObject({ suggested: '2.0.0', verdict: { status: 'under-bumped', required: 'major', minimum: '2.0.0' } });
    expect(suggestion.contract.changes).toContainEqual(expect.objectContaining({ severity: 'major', message: expect.stringContaining('tone') }));
  });

  it('refuses a suggestion for a draft made from scratch', async () => {
    const draft = await createDraft(ws.area, { name: 'fresh', version: '0.1.0' });
    await expect(suggestVersion(ws.registry, draft)).rejects.toMatchObject({ reason: 'DRAFT_NOT_BASED' });
  });

  it('publishes a draft through the batch publish, then archives it with nothing of it left in the area', async () => {
    const draft = await createNewVersionDraft(ws.area, ws.registry, { name: 'demo', version: '1.0.0' }, { version: '2.0.0' });
    await removeTone(draft);
    await journalDraft(draft, 'template.prompt', 'never saved');
    const { result, archivedTo } = await publishDraft(ws.registry, draft);
    expect(result).toMatchObject({ published: 1, modules: [{ status: 'published', name: 'demo', version: '2.0.0' }] });
    expect(archivedTo).toBe(join(ws.area, '.archive', 'demo-2.0.0'));
    expect((await readdir(archivedTo!)).sort()).toEqual(['promptpm.yaml', 'template.prompt', 'tests']);
    expect((await readdir(join(ws.registry, 'modules', 'demo'))).sort()).toEqual(['1.0.0', '2.0.0']);
    expect(await listDrafts(ws.area)).toEqual([]);
    expect(await recoverDrafts(ws.area)).toEqual([]);
  });

  it('keeps a draft that was not published where it is', async () => {
    const draft = await createNewVersionDraft(ws.area, ws.registry, { name: 'demo', version: '1.0.0' });
    await writeFile(join(draft, 'template.prompt'), '{{ nope }}\n');
    const { result, archivedTo } = await publishDraft(ws.registry, draft);
    expect(result.modules[0]).toMatchObject({ status: 'failed', error: { code: 'VALIDATION_ERROR' } });
    expect(archivedTo).toBeNull();
    expect((await listDrafts(ws.area)).map((d) => d.path)).toEqual([draft]);
  });
});
