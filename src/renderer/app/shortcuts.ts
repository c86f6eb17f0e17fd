// Window-wide keyboard shortcuts: / or Ctrl/⌘+F search, Ctrl/⌘+O open a registry, Alt+←/→ back and
// forward, Escape leaves a module for the overview.
import { useEffect } from 'react';
import { navigate } from './router';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useShortcuts({ searchId, openRegistry }: { searchId: string; openRegistry: () => void }): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if ((key === '/' && !typingIn(event.target)) || (mod && key === 'f')) document.getElementById(searchId)?.focus();
      else if (mod && key === 'o') openRegistry();
      else if (event.altKey && key === 'arrowleft') window.history.back();
      else if (event.altKey && key === 'arrowright') window.history.forward();
      else if (key === 'escape' && !typingIn(event.target) && !document.querySelector('dialog[open]')) navigate({ page: 'home' });
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchId, openRegistry]);
}
