// Window-wide keyboard shortcuts: / or Ctrl/⌘+F search, Ctrl/⌘+O open a registry, Ctrl/⌘+I import modules,
// Ctrl/⌘+N a new module, Alt+←/→ back and forward, Escape leaves a module for the overview.
import { useEffect } from 'react';
import { navigate } from './router';

/** The event's own target: a key typed in an editor inside a shadow root reaches the window retargeted to its host. */
function typingIn(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0] ?? event.target;
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

interface Shortcuts {
  searchId: string;
  openRegistry: () => void;
  importModules: () => void;
  newModule: () => void;
}

export function useShortcuts({ searchId, openRegistry, importModules, newModule }: Shortcuts): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A key an editor already handled (CodeMirror's find on Ctrl+F, Escape closing its completion) is its own.
      if (event.defaultPrevented) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if ((key === '/' && !typingIn(event)) || (mod && key === 'f')) document.getElementById(searchId)?.focus();
      else if (mod && key === 'o') openRegistry();
      else if (mod && key === 'i') importModules();
      else if (mod && key === 'n') newModule();
      else if (event.altKey && key === 'arrowleft') window.history.back();
      else if (event.altKey && key === 'arrowright') window.history.forward();
      else if (key === 'escape' && !typingIn(event) && !document.querySelector('dialog[open]')) navigate({ page: 'home' });
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [searchId, openRegistry, importModules, newModule]);
}
