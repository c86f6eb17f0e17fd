// Where the user is, kept in the location hash so Back/Forward (Alt+←/→, mouse buttons) just work and a
// reload keeps the place. In-page hash changes are not navigations, so main's navigation guard allows them.
import { useSyncExternalStore } from 'react';

export const MODULE_TABS = ['overview', 'template', 'tests', 'dependencies'] as const;
export type ModuleTab = (typeof MODULE_TABS)[number];

export type Route =
  | { page: 'home' }
  | { page: 'module'; name: string; version: string | null; tab: ModuleTab }
  /** Two versions of one module compared: `a` the old one, `b` the new one. */
  | { page: 'compare'; name: string; a: string; b: string }
  /** The import preview of dropped or chosen module folders. */
  | { page: 'import' }
  /** Team registries: push and pull through OCI remotes. */
  | { page: 'remotes' }
  /** Drafts: work-in-progress modules in the drafts areas. */
  | { page: 'drafts' }
  /** One draft open in the editor: its absolute folder. */
  | { page: 'draft'; path: string };

export function parseRoute(hash: string): Route {
  const [page, name, version, tab] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (page === 'compare' && name && version && tab) return { page: 'compare', name, a: version, b: tab };
  if (page === 'import' || page === 'remotes') return { page };
  if (page === 'drafts') return name ? { page: 'draft', path: name } : { page };
  if (page !== 'module' || !name) return { page: 'home' };
  return {
    page: 'module',
    name,
    version: version || null,
    tab: MODULE_TABS.find((known) => known === tab) ?? 'overview',
  };
}

export function formatRoute(route: Route): string {
  if (route.page === 'home') return '#/';
  if (route.page === 'import' || route.page === 'remotes' || route.page === 'drafts') return `#/${route.page}`;
  if (route.page === 'draft') return `#/drafts/${encodeURIComponent(route.path)}`;
  if (route.page === 'compare') return `#/${['compare', route.name, route.a, route.b].map(encodeURIComponent).join('/')}`;
  const parts = ['module', route.name, route.version ?? '', route.tab].map(encodeURIComponent);
  return `#/${parts.join('/')}`;
}

export function navigate(route: Route): void {
  const hash = formatRoute(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

function listen(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(listen, () => window.location.hash);
  return parseRoute(hash);
}
