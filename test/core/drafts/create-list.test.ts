import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createDraft, createNewVersionDraft, listDrafts, openArea } from '../../../src/core/drafts/index.js';
import { workspace, type Workspace } from './helpers.js';

let ws: Workspace;
beforeEach(async () => {
  ws = await workspace();
});
afterEach(() => rm(ws.root, { recursive: true, force: true }));

describe('drafts: create and list', () => {
  it('creates a draft from the init scaffold and lists it, validated', async () => {
    const first = await createDraft(ws.area, { name: 'summarizer', version: '0.1.0' });
    const second = await createDraft(ws.area, { name: 'summarizer', version: '0.1.0' });
    expect([first, second]).toEqual([join(ws.area, 'summarizer-0.1.0'), join(ws.area, 'summarizer-0.1.0-2')]);
    await appendFile(join(second, 'template.prompt'), '{{ undeclared }}\n');
    const drafts = await listDrafts(ws.area);
    expect(drafts.map((d) => [d.path, d.name, d.version, d.basedOn, d.validation.errors])).toEqual([
      [first, 'summarizer', '0.1.0', null, 0],
      [second, 'summarizer', '0.1.0', null, 1],
    ]);
    expect(drafts[1]!.validation.first).toMatchObject({ code: 'PLACEHOLDER_UNLISTED', file: join(second, 'template.prompt') });
  });

  it('makes a new version of a published one: its files without the immutability manifest, the next patch, the base recorded beside it', async () => {
    const draft = await createNewVersionDraft(ws.area, ws.registry, { name: 'demo', version: '1.0.0' });
    expect(draft).toBe(join(ws.area, 'demo-1.0.1'));
    const published = join(ws.registry, 'modules', 'demo', '1.0.0');
    expect((await readdir(draft)).sort()).toEqual(['promptpm.yaml', 'template.prompt', 'tests']);
    const [before, after] = [await readFile(join(published, 'promptpm.yaml'), 'utf8'), await readFile(join(draft, 'promptpm.yaml'), 'utf8')];
    expect(after).toBe(before.replace('version: 1.0.0', 'version: 1.0.1'));
    expect(await readFile(join(draft, 'template.prompt'), 'utf8')).toBe(await readFile(join(published, 'template.prompt'), 'utf8'));
    const [listed] = await listDrafts(ws.area);
    expect(listed).toMatchObject({ path: draft, name: 'demo', version: '1.0.1', basedOn: { name: 'demo', version: '1.0.0' }, validation: { errors: 0 } });
  });

  it('takes the version asked for, and refuses to copy a tampered version', async () => {
    expect(await createNewVersionDraft(ws.area, ws.registry, { name: 'demo', version: '1.0.0' }, { version: '2.0.0' })).toBe(join(ws.area, 'demo-2.0.0'));
    await appendFile(join(ws.registry, 'modules', 'demo', '1.0.0', 'template.prompt'), 'tampered\n');
    await expect(createNewVersionDraft(ws.area, ws.registry, { name: 'demo', version: '1.0.0' })).rejects.toMatchObject({ code: 'DEPENDENCY_ERROR', reason: 'TAMPERED' });
    expect((await listDrafts(ws.area)).map((d) => d.version)).toEqual(['2.0.0']);
  });

  it('refuses a drafts folder inside a registry', async () => {
    for (const area of [ws.registry, join(ws.registry, 'modules'), join(ws.registry, 'modules', 'demo', 'drafts')]) {
      await expect(openArea(area)).rejects.toMatchObject({ code: 'VALIDATION_ERROR', reason: 'DRAFTS_IN_REGISTRY' });
      await expect(createDraft(area, { name: 'x', version: '0.1.0' })).rejects.toMatchObject({ reason: 'DRAFTS_IN_REGISTRY' });
    }
    expect(await readdir(join(ws.registry, 'modules'))).toEqual(['demo']);
  });
});
