// Side by side or inline: the reader's choice, remembered across comparisons and restarts (page storage:
// a view preference, nothing main needs to know).
import { useCallback, useState } from 'react';
import type { DiffLayout } from './TextDiff';

const KEY = 'promptpm.diff.layout';

function stored(): DiffLayout {
  try {
    return window.localStorage.getItem(KEY) === 'inline' ? 'inline' : 'side-by-side';
  } catch {
    return 'side-by-side';
  }
}

export function useDiffLayout(): [DiffLayout, (next: DiffLayout) => void] {
  const [layout, setLayout] = useState<DiffLayout>(stored);
  const choose = useCallback((next: DiffLayout) => {
    setLayout(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Storage may be unavailable; the choice still holds for this window.
    }
  }, []);
  return [layout, choose];
}
