// The progress line on a terminal's stderr: what it draws, how often, and that it cleans up after itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine } from '../../src/cli/progress.js';

const drawn: string[] = [];
const columns = Object.getOwnPropertyDescriptor(process.stderr, 'columns');

afterEach(() => {
  vi.restoreAllMocks();
  drawn.length = 0;
  if (columns) Object.defineProperty(process.stderr, 'columns', columns);
  else delete (process.stderr as { columns?: number }).columns;
});

/** stderr as a terminal of that width, its writes recorded. */
function onTerminal(width: number): void {
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (drawn.push(String(chunk)), true));
  Object.defineProperty(process.stderr, 'columns', { value: width, configurable: true, writable: true });
}

describe('ProgressLine', () => {
  it('listens only when enabled (stderr is a terminal and not --quiet)', () => {
    expect(new ProgressLine(false).listener).toBeUndefined();
    expect(new ProgressLine(true).listener).toBeTypeOf('function');
  });

  it('draws phase, counts with their unit, percent and the current item, fitted to the terminal', () => {
    onTerminal(30);
    const line = new ProgressLine(true);
    line.listener!({ phase: 'verify', done: 1, total: 4, unit: 'modules', current: 'module-00001' });
    expect(drawn).toEqual(['\r\u001b[2Kverify 1/4 modules (25%) modu']); // 29 columns: the last one stays free
    line.clear();
    expect(drawn.at(-1)).toBe('\r\u001b[2K');
  });

  it('uses 80 columns when the terminal reports none, and always draws the last step', () => {
    onTerminal(0);
    const line = new ProgressLine(true);
    line.listener!({ phase: 'index', done: 0, total: 2 });
    line.listener!({ phase: 'index', done: 1, total: 2 });
    line.listener!({ phase: 'index', done: 2, total: 2 });
    expect(drawn).toEqual(['\r\u001b[2Kindex 0/2 (0%)', '\r\u001b[2Kindex 2/2 (100%)']);
  });
});
