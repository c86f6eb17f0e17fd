// The folders waiting in the import preview: dropped anywhere on the window, chosen in the dialog, or a
// module just created. Kept outside React so a drop on any page adds to the same list.
import { useSyncExternalStore } from 'react';

let paths: readonly string[] = [];
const listeners = new Set<() => void>();

function set(next: readonly string[]): void {
  paths = next;
  for (const listener of listeners) listener();
}

/** Adds folders not in the list yet, keeping the order they came in. */
export function addImportPaths(more: readonly string[]): void {
  const fresh = more.filter((p, i) => !paths.includes(p) && more.indexOf(p) === i);
  if (fresh.length > 0) set([...paths, ...fresh]);
}

export function removeImportPath(path: string): void {
  set(paths.filter((p) => p !== path));
}

export function clearImportPaths(): void {
  set([]);
}

export function useImportPaths(): readonly string[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => paths,
  );
}

// The New Module dialog asked for from elsewhere (the menu, a shortcut, the registry page).
let newModuleAsked = false;

export function askNewModule(): void {
  newModuleAsked = true;
  for (const listener of listeners) listener();
}

/** Whether the dialog was asked for since the last call; asking is consumed by reading it. */
export function takeNewModuleRequest(): boolean {
  const asked = newModuleAsked;
  newModuleAsked = false;
  return asked;
}
