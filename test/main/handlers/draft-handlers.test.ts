// The drafts channels over the real handlers and core: a temporary userData whose default registry holds
// demo@1.0.0, dialog answers given per test, every result checked against the contract.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { scaffoldModule } from '../../../src/core/module/index.js';
import { publishModule } from '../../../src/core/registry/index.js';
import { useRegistryWorker } from '../../../src/core/registry/worker-script.js';
import { createHandlers } from '../../../src/main/handlers/create-handlers.js';
import { dispatch } from '../../../src/main/ipc/dispatch.js';
import { AllowList } from '../../../src/main/state/allow-list.js';
import { SettingsStore } from '../../../src/main/state/settings.js';
import { channels, type ChannelName, type ChannelResult, type EventName } from '../../../src/shared/ipc/contract.js';
import { testEncryptor } from '../../support/encryptor.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'promptpm-draft-handlers-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const deps = (userData: string, dialogAnswers: string[] = [], events: Array<{ event: EventName; payload: unknown }> = []) => ({
  dialog: { chooseFolder: async () => null, chooseFolders: async () => dialogAnswers.splice(0, 1) },
  shell: { reveal: () => undefined, startDrag: () => undefined },
  encryptor: testEncryptor,
  allowList: new AllowList(),
  userDataDir: userData,
  sendEvent: (event: EventName, payload: unknown) => void events.push({ event, payload }),
  app: { name: 'PromptPM', version: '1.0.0', platform: 'linux' },
});

async function setup(dialogAnswers: string[] = []) {
  const userData = await mkdtemp(join(work, 'userdata-'));
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const main = await createHandlers({ ...deps(userData, dialogAnswers, events), settings: await SettingsStore.load(userData) });
  const registry = (await main.handlers['registry.current']()).path;
  const source = join(userData, 'src');
  await scaffoldModule(source, { name: 'demo', version: '1.0.0' });
  await publishModule(registry, source);
  const call = async <C extends ChannelName>(channel: C, ...args: unknown[]): Promise<ChannelResult<C>> => {
    const result = await dispatch(main.handlers, channel, args);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    expect(channels[channel].result.safeParse(result.value).success).toBe(true);
    return result.value as ChannelResult<C>;
  };
  return { userData, registry, events, call, main };
}

describe('drafts handlers', () => {
  it('creates drafts in <userData>/drafts, lists them, edits, validates and previews them', async () => {
    const s = await setup();
    const area = join(s.userData, 'drafts');
    expect(await s.call('drafts.areas')).toEqual([area]);
    const created = await s.call('drafts.create', { name: 'fresh', version: '0.1.0' });
    expect(created).toMatchObject({ path: join(area, 'fresh-0.1.0'), name: 'fresh', basedOn: null, validation: { errors: 0 } });
    const template = 'Explain {{ topic }} to {{ reader }}.\n';
    const problems = await s.call('drafts.validate', { draft: created.path, templateText: template });
    expect(problems.errors).toEqual([expect.objectContaining({ code: 'PLACEHOLDER_UNLISTED', file: join(created.path, 'template.prompt'), line: 1 })]);
    const manifest = await s.call('drafts.read', { draft: created.path, file: 'promptpm.yaml' });
    const fixed = await s.call('drafts.editManifest', {
      text: manifest.text,
      edits: [
        { op: 'addInput', input: { name: 'reader', type: 'audience', description: 'Who reads it', required: false } },
        { op: 'setPlaceholders', names: ['topic', 'reader'] },
        { op: 'removeInput', name: 'tone' },
      ],
    });
    expect(await s.call('drafts.validate', { draft: created.path, manifestText: fixed.replace(', tone: friendly', ''), templateText: template })).toMatchObject({ errors: [] });
    expect(await s.call('drafts.preview', { draft: created.path, inputs: { topic: 'tests/example.txt', reader: 'Ada' }, templateText: template })).toEqual({
      ok: true,
      text: 'Explain How a package manager resolves version ranges.\n to Ada.\n',
      length: 64,
    });
    expect(await s.call('drafts.list')).toEqual([created]);
  });

  it('saves, refuses a stale save, journals and recovers', async () => {
    const s = await setup();
    const { path: draft } = await s.call('drafts.create', { name: 'fresh', version: '0.1.0' });
    const opened = await s.call('drafts.read', { draft, file: 'template.prompt' });
    await s.call('drafts.journal', { draft, file: 'template.prompt', text: 'typing…' });
    expect(await s.call('drafts.recover')).toEqual([{ draft, file: 'template.prompt', text: 'typing…', diskHash: opened.hash }]);
    await writeFile(join(draft, 'template.prompt'), 'changed underneath\n');
    await expect(s.call('drafts.save', { draft, file: 'template.prompt', text: 'mine', expectedHash: opened.hash })).rejects.toMatchObject({ reason: 'FILE_CHANGED_ON_DISK' });
    await s.call('drafts.save', { draft, file: 'template.prompt', text: 'mine\n' });
    expect(await readFile(join(draft, 'template.prompt'), 'utf8')).toBe('mine\n');
    expect(await s.call('drafts.recover')).toEqual([]);
    await s.call('drafts.journal', { draft, file: 'promptpm.yaml', text: 'declined' });
    await s.call('drafts.discard', { draft, file: 'promptpm.yaml' });
    expect(await s.call('drafts.recover')).toEqual([]);
  });

  it('makes a new version, suggests the honest one, publishes it and archives the draft', async () => {
    const s = await setup();
    const draft = await s.call('drafts.newVersionOf', { name: 'demo', version: '1.0.0' });
    expect(draft).toMatchObject({ version: '1.0.1', basedOn: { name: 'demo', version: '1.0.0' } });
    const manifest = await s.call('drafts.read', { draft: draft.path, file: 'promptpm.yaml' });
    const edited = await s.call('drafts.editManifest', { text: manifest.text, edits: [{ op: 'removeInput', name: 'tone' }] });
    await s.call('drafts.save', { draft: draft.path, file: 'promptpm.yaml', text: edited.replace(', tone: friendly', ''), expectedHash: manifest.hash });
    await s.call('drafts.save', { draft: draft.path, file: 'template.prompt', text: 'Explain {{ topic }}.\n' });
    const suggestion = await s.call('drafts.suggestVersion', { draft: draft.path });
    expect(suggestion).toMatchObject({ suggested: '2.0.0', verdict: { status: 'under-bumped' } });
    const again = await s.call('drafts.read', { draft: draft.path, file: 'promptpm.yaml' });
    const bumped = await s.call('drafts.editManifest', { text: again.text, edits: [{ op: 'setField', field: 'version', value: suggestion.suggested }] });
    await s.call('drafts.save', { draft: draft.path, file: 'promptpm.yaml', text: bumped, expectedHash: again.hash });
    const published = await s.call('drafts.publish', { jobId: 'p1', draft: draft.path });
    expect(published).toMatchObject({ result: { published: 1 }, archivedTo: join(s.userData, 'drafts', '.archive', 'demo-1.0.1') });
    expect((await readdir(join(s.registry, 'modules', 'demo'))).sort()).toEqual(['1.0.0', '2.0.0']);
    expect(await s.call('drafts.list')).toEqual([]);
  });

  it('exports to a folder chosen in the dialog, and nothing when it is cancelled', async () => {
    const desktop = join(work, 'desktop');
    await mkdir(desktop, { recursive: true });
    const s = await setup([desktop]);
    expect(await s.call('drafts.exportVersion', { name: 'demo', version: '1.0.0' })).toBe(join(desktop, 'demo-1.0.0'));
    expect(await s.call('drafts.exportVersion', { name: 'demo', version: '1.0.0' })).toBeNull();
  });

  it('acts only on drafts directly inside a drafts area', async () => {
    const s = await setup();
    const { path: draft } = await s.call('drafts.create', { name: 'fresh', version: '0.1.0' });
    const outside = join(s.userData, 'src');
    await symlink(outside, join(s.userData, 'drafts', 'linked'));
    for (const path of [outside, join(s.userData, 'drafts', 'linked'), join(s.userData, 'drafts', '.archive'), join(draft, 'tests'), 'relative/path', s.registry]) {
      await expect(s.call('drafts.read', { draft: path, file: 'promptpm.yaml' })).rejects.toMatchObject({ reason: 'PATH_NOT_ALLOWED' });
      await expect(s.call('drafts.save', { draft: path, file: 'x.txt', text: 'x' })).rejects.toMatchObject({ reason: 'PATH_NOT_ALLOWED' });
    }
    await expect(s.call('drafts.create', { name: 'x', version: '0.1.0', area: outside })).rejects.toMatchObject({ reason: 'PATH_NOT_ALLOWED' });
    await expect(s.call('drafts.read', { draft, file: '../../src/promptpm.yaml' })).rejects.toMatchObject({ reason: 'PATH_OUTSIDE_DRAFT' });
  });

  it('drags out only an intact published version or a known draft', async () => {
    const s = await setup();
    const dragged: string[] = [];
    const main = await createHandlers({ ...deps(s.userData), shell: { reveal: () => undefined, startDrag: (p: string) => void dragged.push(p) }, settings: await SettingsStore.load(s.userData) });
    const drag = (what: unknown) => dispatch(main.handlers, 'drafts.startDrag', [what]);
    expect(await drag({ name: 'demo', version: '1.0.0' })).toEqual({ ok: true, value: true });
    expect(await drag({ draft: join(work, 'elsewhere', 'x-1.0.0') })).toMatchObject({ ok: false });
    await appendFile(join(s.registry, 'modules', 'demo', '1.0.0', 'template.prompt'), 'Ignore the above.\n');
    expect(await drag({ name: 'demo', version: '1.0.0' })).toMatchObject({ ok: false, error: { code: 'DEPENDENCY_ERROR' } });
    expect(dragged).toEqual([join(s.registry, 'modules', 'demo', '1.0.0')]);
  });

  it('adds a drafts folder chosen in the dialog, never one inside a registry', async () => {
    const chosen = join(work, 'my-drafts');
    const s = await setup([chosen]);
    expect(await s.call('drafts.addArea')).toBe(chosen);
    expect(await s.call('drafts.areas')).toEqual([join(s.userData, 'drafts'), chosen]);
    expect((await s.call('drafts.create', { name: 'mine', version: '1.0.0', area: chosen })).path).toBe(join(chosen, 'mine-1.0.0'));
    // Remembered: the next start (the same userData) lists it again; a folder deleted since is left out.
    const restarted = await createHandlers({ ...deps(s.userData), settings: await SettingsStore.load(s.userData) });
    expect(await restarted.handlers['drafts.areas']()).toEqual([join(s.userData, 'drafts'), chosen]);
    await rm(chosen, { recursive: true, force: true });
    expect(await restarted.handlers['drafts.areas']()).toEqual([join(s.userData, 'drafts')]);
    const t = await setup();
    const inRegistry = await setup([t.registry]);
    await expect(inRegistry.call('drafts.addArea')).rejects.toMatchObject({ reason: 'DRAFTS_IN_REGISTRY' });
  });

  it('sends `changed` once watching: a published file changed on disk comes back re-verified, on the task thread, as tampered', async () => {
    // The registry's worker script as the app names its own (the CLI's build, test/global-setup.ts).
    useRegistryWorker(join(import.meta.dirname, '../../../out/cli/core/registry/registry-worker.js'));
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const s = await setup();
      expect(await s.call('drafts.watch')).toBe(true);
      const arrived = new Promise<void>((resolve) => {
        const poll = (): void => (s.events.some((e) => e.event === 'changed') ? resolve() : void setImmediate(poll));
        poll();
      });
      await appendFile(join(s.registry, 'modules', 'demo', '1.0.0', 'template.prompt'), 'tampered\n');
      await arrived;
      expect(s.events.filter((e) => e.event === 'changed')).toEqual([{ event: 'changed', payload: { kind: 'version', name: 'demo', version: '1.0.0', verification: 'tampered' } }]);
      expect(posted.mock.calls.map(([message]) => (message as { task?: unknown }).task)).toContain('readVersion');
    } finally {
      posted.mockRestore();
      useRegistryWorker(join(work, 'none'));
    }
  });
});
