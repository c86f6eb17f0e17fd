// Remembered window bounds, fitted to the displays that exist now (a monitor may have been unplugged).
import type { WindowState } from '../state/settings.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Rect, b: Rect, margin: number): boolean {
  return a.x + margin < b.x + b.width && b.x + margin < a.x + a.width && a.y + margin < b.y + b.height && b.y + margin < a.y + a.height;
}

/** Keeps the saved size (clamped to the largest work area) and its position only if it is on screen. */
export function fitToDisplays(state: WindowState | null, workAreas: Rect[]): WindowState | null {
  if (!state || workAreas.length === 0) return state;
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const width = Math.min(state.width, maxWidth);
  const height = Math.min(state.height, maxHeight);
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x !== undefined && state.y !== undefined) {
    const rect = { x: state.x, y: state.y, width, height };
    if (workAreas.some((area) => overlaps(rect, area, 40))) return { ...fitted, x: state.x, y: state.y };
  }
  return fitted;
}

export function stateOf(bounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.max(400, Math.round(bounds.width)),
    height: Math.max(300, Math.round(bounds.height)),
    maximized,
  };
}
