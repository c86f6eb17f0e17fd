import { describe, expect, it } from 'vitest';
import { DroppedPaths } from '../../../src/main/ipc/dropped-paths.js';
import { AllowList } from '../../../src/main/state/allow-list.js';

describe('dropped paths', () => {
  it('allow-lists the absolute paths of a drop', async () => {
    const list = new AllowList();
    await new DroppedPaths(list).grant(['/tmp/a-module', '/tmp/b-module']);
    expect(await list.lookup('/tmp/a-module')).not.toBeNull();
    expect(await list.lookup('/tmp/b-module')).not.toBeNull();
  });

  it.each([['relative/path'], 'not-an-array', [42], [''], Array.from({ length: 1001 }, (_, i) => `/p${i}`)])('ignores a malformed message %#', async (raw) => {
    const list = new AllowList();
    await new DroppedPaths(list).grant(raw);
    expect(await list.lookup('/p1')).toBeNull();
    expect(await list.lookup('/tmp')).toBeNull();
  });

  it('lets calls wait until earlier grants are in', async () => {
    const list = new AllowList();
    const dropped = new DroppedPaths(list);
    void dropped.grant(['/tmp/late']);
    await dropped.settled();
    expect(await list.lookup('/tmp/late')).not.toBeNull();
  });
});
