import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDraft, journalDraft, saveDraftFile } from '../../../src/core/drafts/index.js';
import { scaffoldModule } from '../../../src/core/module/index.js';
import { publishModule, verifyVersion } from '../../../src/core/registry/index.js';
import { ChangeFeed } from '../../../src/main/watch/change-feed.js';
import { invalidationFor } from '../../../src/main/watch/invalidation.js';
import type { ChangedEvent } from '../../../src/shared/ipc/draft-schemas.js';

describe('invalidationFor', () => {
  const roots = { registry: '/r', areas: ['/d'] };
  it.each([
    ['/r', { kind: 'registry' }],
    ['/r/modules', { kind: 'registry' }],
    ['/r/modules/demo', { kind: 'module', name: 'demo' }],
    ['/r/modules/demo/1.0.0', { kind: 'module', name: 'demo' }],
    ['/r/modules/demo/1.0.0/template.prompt', { kind: 'version', name: 'demo', version: '1.0.0' }],
    ['/r/modules/demo/1.0.0/tests/a.txt', { kind: 'version', name: 'demo', version: '1.0.0' }],
    ['/r/.promptpm/index.json', null],
    ['/r/.promptpm/staging/x/promptpm.yaml', null],
    ['/r/README.md', null],
    ['/elsewhere/modules/demo', null],
    ['/d', { kind: 'drafts', area: '/d' }],
    ['/d/demo-0.1.0', { kind: 'drafts', area: '/d' }],
    ['/d/demo-0.1.0/template.prompt', { kind: 'draft', area: '/d', draft: '/d/demo-0.1.0' }],
    ['/d/.promptpm-drafts/based-on/demo-0.1.0.json', { kind: 'drafts', area: '/d' }],
    ['/d/.promptpm-drafts/journal/demo-0.1.0.json', null],
    ['/d/.archive/demo-0.1.0/promptpm.yaml', null],
  ])('%s → %j', (path, expected) => {
    expect(invalidationFor(roots, path)).toEqual(expected);
  });
});

describe('ChangeFeed on real folders', () => {
  let root: string;
  let registry: string;
  let area: string;
  let draft: string;
  let feed: ChangeFeed;
  let batches: ChangedEvent[][];
  let waiting: (() => void) | null;

  /** The events of the next burst of writes (the feed reports a burst once it is quiet). */
  async function eventsOf(write: () => Promise<unknown>): Promise<ChangedEvent[]> {
    const start = batches.length;
    const arrived = new Promise<void>((resolve) => (waiting = resolve));
    await write();
    await arrived;
    return batches.slice(start).flat();
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'promptpm-watch-'));
    registry = join(root, 'registry');
    area = join(root, 'drafts');
    await scaffoldModule(join(root, 'src'), { name: 'demo', version: '1.0.0' });
    await publishModule(registry, join(root, 'src'));
    draft = await createDraft(area, { name: 'demo', version: '1.0.1' });
    batches = [];
    waiting = null;
    const verify = async (reg: string, name: string, version: string) => (await verifyVersion(reg, name, version)).status;
    feed = new ChangeFeed({
      verify,
      debounceMs: 100,
      send: (event) => {
        batches.push([event]);
        waiting?.();
      },
    });
    await feed.follow({ registry, areas: [area] });
  });
  afterEach(async () => {
    feed.close();
    await rm(root, { recursive: true, force: true });
  });

  it('re-verifies a published file changed on disk and marks its version tampered', async () => {
    const events = await eventsOf(() => appendFile(join(registry, 'modules', 'demo', '1.0.0', 'template.prompt'), 'tampered\n'));
    expect(events).toEqual([{ kind: 'version', name: 'demo', version: '1.0.0', verification: 'tampered' }]);
  });

  it('reports a newly published version as its module changing, and nothing of the registry’s own bookkeeping', async () => {
    await scaffoldModule(join(root, 'next'), { name: 'demo', version: '1.1.0' });
    const events = await eventsOf(() => publishModule(registry, join(root, 'next')));
    expect(events).toContainEqual({ kind: 'module', name: 'demo' });
    for (const event of events) expect([{ kind: 'module', name: 'demo' }, { kind: 'version', name: 'demo', version: '1.1.0', verification: 'ok' }]).toContainEqual(event);
  });

  it('reports a saved draft file as that draft, and never the journal of unsaved text', async () => {
    const events = await eventsOf(async () => {
      await journalDraft(draft, 'template.prompt', 'unsaved');
      await saveDraftFile(draft, 'template.prompt', 'saved {{ topic }}\n');
    });
    expect(events).toEqual([{ kind: 'draft', area, draft }]);
  });

  it('reports a folder added to an area as its list of drafts changing', async () => {
    const events = await eventsOf(() => mkdir(join(area, 'copied-in')));
    expect(events).toEqual([{ kind: 'drafts', area }]);
  });
});
