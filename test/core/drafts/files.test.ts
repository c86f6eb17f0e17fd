import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDraft, journalDraft, readDraftFile, recoverDrafts, saveDraftFile } from '../../../src/core/drafts/index.js';
import { workspace, type Workspace } from './helpers.js';

let ws: Workspace;
let draft: string;
beforeEach(async () => {
  ws = await workspace();
  draft = await createDraft(ws.area, { name: 'demo', version: '0.1.0' });
});
afterEach(() => rm(ws.root, { recursive: true, force: true }));

describe('drafts: saving', () => {
  it('saves by renaming a new file over the old one, and leaves no temp file', async () => {
    const opened = await readDraftFile(draft, 'template.prompt');
    const inode = (await stat(join(draft, 'template.prompt'))).ino;
    const saved = await saveDraftFile(draft, 'template.prompt', 'New {{ topic }}\n', { expectedHash: opened.hash });
    expect(await readFile(join(draft, 'template.prompt'), 'utf8')).toBe('New {{ topic }}\n');
    expect((await stat(join(draft, 'template.prompt'))).ino).not.toBe(inode);
    expect(saved.hash).toBe((await readDraftFile(draft, 'template.prompt')).hash);
    expect((await readdir(draft)).sort()).toEqual(['promptpm.yaml', 'template.prompt', 'tests']);
  });

  it('refuses to overwrite a file that changed on disk since it was opened, until told to', async () => {
    const opened = await readDraftFile(draft, 'template.prompt');
    await writeFile(join(draft, 'template.prompt'), 'Changed by another tool\n');
    const disk = (await readDraftFile(draft, 'template.prompt')).hash;
    await expect(saveDraftFile(draft, 'template.prompt', 'Mine\n', { expectedHash: opened.hash })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      reason: 'FILE_CHANGED_ON_DISK',
      data: { diskHash: disk },
    });
    expect(await readFile(join(draft, 'template.prompt'), 'utf8')).toBe('Changed by another tool\n');
    await expect(saveDraftFile(draft, 'tests/new.txt', 'x', { expectedHash: disk })).rejects.toMatchObject({ reason: 'FILE_CHANGED_ON_DISK', data: { diskHash: null } });
    await saveDraftFile(draft, 'tests/new.txt', 'x', { expectedHash: null });
    await saveDraftFile(draft, 'template.prompt', 'Mine\n');
    expect(await readFile(join(draft, 'template.prompt'), 'utf8')).toBe('Mine\n');
  });

  it('refuses paths outside the draft, also through a symlinked folder', async () => {
    await mkdir(join(ws.root, 'elsewhere'));
    await symlink(join(ws.root, 'elsewhere'), join(draft, 'linked'));
    for (const file of ['../outside.txt', '/etc/passwd', 'linked/x.txt', '']) {
      await expect(saveDraftFile(draft, file, 'x')).rejects.toMatchObject({ reason: 'PATH_OUTSIDE_DRAFT' });
    }
    expect(await readdir(join(ws.root, 'elsewhere'))).toEqual([]);
  });
});

describe('drafts: crash recovery', () => {
  it('returns journaled text that was never saved, and a save clears it', async () => {
    await journalDraft(draft, 'template.prompt', 'Unsaved one\n');
    await journalDraft(draft, 'template.prompt', 'Unsaved two\n');
    await journalDraft(draft, 'promptpm.yaml', await readFile(join(draft, 'promptpm.yaml'), 'utf8'));
    const disk = (await readDraftFile(draft, 'template.prompt')).hash;
    // What the next start finds: the latest text of the changed file; the one equal to the disk is dropped.
    expect(await recoverDrafts(ws.area)).toEqual([{ draft, file: 'template.prompt', text: 'Unsaved two\n', diskHash: disk }]);
    await saveDraftFile(draft, 'template.prompt', 'Unsaved two\n');
    expect(await recoverDrafts(ws.area)).toEqual([]);
    // The journal lives beside the draft, never inside it (publish copies the draft folder).
    expect((await readdir(draft)).sort()).toEqual(['promptpm.yaml', 'template.prompt', 'tests']);
  });

  it('keeps every file journaled by concurrent autosaves', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((n) => journalDraft(draft, `tests/${n}.txt`, n)));
    expect((await recoverDrafts(ws.area)).map((r) => [r.file, r.text, r.diskHash])).toEqual([
      ['tests/a.txt', 'a', null],
      ['tests/b.txt', 'b', null],
      ['tests/c.txt', 'c', null],
      ['tests/d.txt', 'd', null],
    ]);
  });
});
