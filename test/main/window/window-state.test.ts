import { describe, expect, it } from 'vitest';
import { fitToDisplays, stateOf } from '../../../src/main/window/window-state.js';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('keeps a position that is on a display', () => {
    const state = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, external])).toEqual(state);
  });

  it('drops the position when its display is gone, and clamps the size', () => {
    expect(fitToDisplays({ x: 1600, y: 100, width: 2400, height: 1300, maximized: true }, [laptop])).toEqual({ width: 1440, height: 900, maximized: true });
  });

  it('has nothing to fit on first run', () => {
    expect(fitToDisplays(null, [laptop])).toBeNull();
  });

  it('records rounded bounds', () => {
    expect(stateOf({ x: 10.4, y: 20.6, width: 800.2, height: 600.7 }, false)).toEqual({ x: 10, y: 21, width: 800, height: 601, maximized: false });
  });
});
