import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelNames, channels, type ChannelName } from '../../../src/shared/ipc/contract.js';
import { errorObjectSchema } from '../../../src/shared/ipc/schemas.js';
import { dispatch, untrustedSenderResult, type Handlers } from '../../../src/main/ipc/dispatch.js';
import { PromptPMError } from '../../../src/core/errors.js';
import { versionPath } from '../../../src/core/registry/paths.js';

/** Handlers that record each call and answer with a given value per channel. */
function recordingHandlers(answers: Partial<Record<ChannelName, unknown>> = {}) {
  const called: ChannelName[] = [];
  const handlers = Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      async () => {
        called.push(channel);
        return answers[channel] ?? null;
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, called };
}

const validArgs: Record<ChannelName, unknown[]> = {
  'app.info': [],
  'registry.current': [],
  'registry.recent': [],
  'registry.choose': [],
  'registry.open': ['/some/registry'],
  'registry.list': [{ offset: 2500, limit: 2500, snapshot: 'a4c1e9' }],
  'registry.names': [],
  'registry.verify': [{ jobId: 'j1', name: 'summarizer', version: '1.0.0' }],
  'jobs.cancel': ['j1'],
  'module.read': [{ name: 'summarizer', version: '1.2.0-beta.1+build.5' }],
  'module.runTests': [{ name: 'a.b_c+d-e', version: '0.1.0' }],
  'module.resolve': [{ name: 'summarizer', version: '1.0.0', jobId: 'r1' }],
  'module.diff': [{ name: 'summarizer', a: '1.2.0', b: '1.3.0' }],
  'module.diffFile': [{ name: 'summarizer', a: '1.2.0', b: '1.3.0', path: 'template.prompt', from: null }],
  'import.choose': [],
  'import.preview': [{ jobId: 'i1', paths: ['/home/ada/prompts/summarizer'] }],
  'import.publish': [{ jobId: 'i2', paths: ['/home/ada/prompts/summarizer', '/home/ada/prompts/normalizer'] }],
  'import.newModule': [{ name: 'summarizer', version: '0.1.0' }],
  'drafts.areas': [],
  'drafts.addArea': [],
  'drafts.list': [],
  'drafts.create': [{ name: 'summarizer', version: '0.1.0' }],
  'drafts.newVersionOf': [{ name: 'summarizer', version: '1.2.0', newVersion: '2.0.0', area: '/home/ada/drafts' }],
  'drafts.read': [{ draft: '/home/ada/drafts/summarizer-0.1.0', file: 'promptpm.yaml' }],
  'drafts.save': [{ draft: '/home/ada/drafts/summarizer-0.1.0', file: 'template.prompt', text: 'Hi {{ name }}', expectedHash: 'a'.repeat(64) }],
  'drafts.journal': [{ draft: '/home/ada/drafts/summarizer-0.1.0', file: 'template.prompt', text: 'Hi' }],
  'drafts.discard': [{ draft: '/home/ada/drafts/summarizer-0.1.0', file: 'template.prompt' }],
  'drafts.recover': [],
  'drafts.validate': [{ draft: '/home/ada/drafts/summarizer-0.1.0', templateText: 'Hi {{ name }}' }],
  'drafts.preview': [{ draft: '/home/ada/drafts/summarizer-0.1.0', inputs: { name: 'Ada' } }],
  'drafts.editManifest': [{ text: 'module: {}\n', edits: [{ op: 'removeInput', name: 'tone' }] }],
  'drafts.suggestVersion': [{ draft: '/home/ada/drafts/summarizer-1.2.1' }],
  'drafts.publish': [{ jobId: 'd1', draft: '/home/ada/drafts/summarizer-1.2.1' }],
  'drafts.exportVersion': [{ name: 'summarizer', version: '1.2.0' }],
  'drafts.exportDraft': [{ draft: '/home/ada/drafts/summarizer-1.2.1' }],
  'drafts.watch': [],
  'shell.reveal': ['/home/ada/prompts/summarizer'],
  'drafts.runTests': [{ draft: '/home/ada/drafts/summarizer-1.3.0' }],
  'drafts.startDrag': [{ name: 'summarizer', version: '1.2.0' }],
  'remotes.list': [],
  'remotes.add': [{ name: 'team', url: 'ghcr.io/acme/prompts', insecure: false, username: 'ada', token: 'ghp_x' }],
  'remotes.remove': ['team'],
  'remotes.signIn': [{ name: 'team', username: 'ada', token: 'ghp_y' }],
  'remotes.status': [{ jobId: 'r1', remote: 'team' }],
  'remotes.push': [{ jobId: 'r2', remote: 'team', versions: [{ name: 'summarizer', version: '1.2.0' }] }],
  'remotes.pull': [{ jobId: 'r3', remote: 'team', versions: [{ name: 'summarizer', version: '1.2.0' }] }],
};

describe('dispatch', () => {
  it('every channel refuses malformed arguments without running its handler (property)', async () => {
    const channelArb = fc.constantFrom(...channelNames);
    const argsArb = fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 4 }), fc.array(fc.object(), { minLength: 1, maxLength: 2 }));
    await fc.assert(
      fc.asyncProperty(channelArb, argsArb, async (channel, args) => {
        fc.pre(!channels[channel].args.safeParse(args).success);
        const { handlers, called } = recordingHandlers();
        const result = await dispatch(handlers, channel, args);
        expect(called).toEqual([]);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(errorObjectSchema.parse(result.error)).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'IPC_ARGS_INVALID' });
          expect(result.error.message).toContain(channel);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['registry.open', [42]],
    ['registry.open', ['']],
    ['registry.list', ['extra']],
    ['registry.list', [{ offset: -1, limit: 100 }]],
    ['registry.list', [{ offset: 0, limit: 0 }]],
    ['registry.list', [{ offset: 0, limit: 1_000_000 }]],
    ['registry.list', [{ offset: 0.5, limit: 100 }]],
    ['module.read', [{ name: '../../etc', version: '1.0.0' }]],
    ['module.read', [{ name: 'a/b', version: '1.0.0' }]],
    ['module.read', [{ name: 'ok', version: '../1.0.0' }]],
    ['module.resolve', [{ name: 'ok', version: '1.0.0' }]],
    ['registry.verify', [{ jobId: '' }]],
    ['jobs.cancel', ['x'.repeat(65)]],
    ['module.diff', [{ name: 'ok', a: '1.0.0', b: '1..0' }]],
    ['module.diffFile', [{ name: 'ok', a: '1.0.0', b: '1.1.0', path: '' }]],
    ['import.preview', [{ jobId: 'i1', paths: [] }]],
    ['import.preview', [{ jobId: 'i1', paths: Array.from({ length: 1001 }, (_, i) => `/drop/${i}`) }]],
    ['import.newModule', [{ name: '../evil', version: '0.1.0' }]],
    ['remotes.add', [{ name: '../team', url: 'ghcr.io/acme', insecure: false }]],
    ['remotes.push', [{ jobId: 'r2', remote: 'team', versions: [{ name: 'x', version: '1..0' }] }]],
  ] as const)('refuses %s with %j', async (channel, args) => {
    const { handlers, called } = recordingHandlers();
    const result = await dispatch(handlers, channel, args);
    expect(result).toMatchObject({ ok: false, error: { reason: 'IPC_ARGS_INVALID' } });
    expect(called).toEqual([]);
  });

  it.each([
    [{ name: 'summarizer', version: '1..0' }, 'version: not a semantic version'],
    [{ name: 'summarizer', version: '01.0.0' }, 'version: not a semantic version'],
    [{ name: 'summarizer', version: '9007199254740992.0.0' }, 'version: not a semantic version'],
    [{ name: '-summarizer', version: '1.0.0' }, 'name: not a module name'],
  ])('refuses %j as a validation error that says why, before core could throw on it', async (ref, why) => {
    const { handlers } = recordingHandlers();
    // As the real handler does: the version's folder, which core refuses to name for a bad name or version.
    handlers['module.runTests'] = async ({ name, version }) => {
      versionPath('/registry', name, version);
      throw new Error('the handler ran');
    };
    const result = await dispatch(handlers, 'module.runTests', [ref]);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', reason: 'IPC_ARGS_INVALID' } });
    if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^Invalid arguments for module\\.runTests: 0\\.${why} \\(`));
  });

  it('passes valid arguments of every channel to its handler', async () => {
    for (const channel of channelNames) {
      expect(channels[channel].args.safeParse(validArgs[channel]).success).toBe(true);
      const { handlers, called } = recordingHandlers();
      await dispatch(handlers, channel, validArgs[channel]);
      expect(called).toEqual([channel]);
    }
  });

  it.each(['nope', '__proto__', 'constructor', 'toString', 42, null])('refuses unknown channel %j', async (channel) => {
    const { handlers, called } = recordingHandlers();
    const result = await dispatch(handlers, channel, []);
    expect(result).toMatchObject({ ok: false, error: { reason: 'IPC_UNKNOWN_CHANNEL' } });
    expect(called).toEqual([]);
  });

  it('carries a PromptPMError thrown by a handler as the core error object with its data', async () => {
    const { handlers } = recordingHandlers();
    handlers['module.read'] = async () => {
      throw new PromptPMError('DEPENDENCY_ERROR', 'Module not found: x', { hint: 'Publish it first.', path: 'x', reason: 'NOT_FOUND', data: { tried: ['x'] } });
    };
    const result = await dispatch(handlers, 'module.read', [{ name: 'x', version: '1.0.0' }]);
    expect(result).toEqual({
      ok: false,
      error: { code: 'DEPENDENCY_ERROR', message: 'Module not found: x', hint: 'Publish it first.', path: 'x', reason: 'NOT_FOUND', data: { tried: ['x'] } },
    });
  });

  it('turns an unexpected exception into INTERNAL_ERROR instead of crashing', async () => {
    const { handlers } = recordingHandlers();
    handlers['registry.list'] = async () => {
      throw new TypeError('boom');
    };
    const result = await dispatch(handlers, 'registry.list', [{ offset: 0, limit: 100 }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR', message: 'Unexpected internal error: boom' } });
  });

  it('refuses a result that breaks the contract as an INTERNAL_ERROR naming the channel', async () => {
    const { handlers } = recordingHandlers({ 'app.info': { name: 'PromptPM' } });
    const result = await dispatch(handlers, 'app.info', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL_ERROR', reason: 'IPC_RESULT_INVALID' } });
    if (!result.ok) expect(result.error.message).toMatch(/^The result of app\.info does not match the IPC contract: version: /);
  });

  it('sends the result as the contract parsed it: fields it does not name stay in main', async () => {
    const info = { name: 'PromptPM', version: '1.0.0', platform: 'linux' };
    const { handlers } = recordingHandlers({ 'app.info': { ...info, secret: '/home/user/.ssh' } });
    expect(await dispatch(handlers, 'app.info', [])).toEqual({ ok: true, value: info });
  });

  it('answers an untrusted sender with a typed refusal', () => {
    const result = untrustedSenderResult('registry.list');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(errorObjectSchema.parse(result.error).reason).toBe('UNTRUSTED_SENDER');
  });
});
