import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../src/core/registry/lock.js';
import { tempDir } from './helpers.js';

describe('registry locks', () => {
  it('is exclusive: a second taker waits until the first releases', async () => {
    const reg = tempDir();
    const order: string[] = [];
    const release = await acquireLock(reg, 'module.x');
    const second = acquireLock(reg, 'module.x').then((r) => {
      order.push('second');
      r();
    });
    await new Promise((r) => setTimeout(r, 50));
    order.push('first-release');
    release();
    await second;
    expect(order).toEqual(['first-release', 'second']);
    expect(readdirSync(join(reg, '.promptpm', 'locks'))).toEqual([]);
  });

  it('breaks a lock whose owner process is dead', async () => {
    const reg = tempDir();
    mkdirSync(join(reg, '.promptpm', 'locks'), { recursive: true });
    writeFileSync(join(reg, '.promptpm', 'locks', 'module.x.lock'), JSON.stringify({ pid: 999999999, token: 'dead' }));
    const release = await acquireLock(reg, 'module.x');
    release();
    expect(readdirSync(join(reg, '.promptpm', 'locks'))).toEqual([]);
  });
});
