// Live refresh: main watches the open registry (the CLI, a sync tool or another window may change it) and
// says what became stale; the views showing it refetch, and a version found altered is marked at once.
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call, subscribe } from './client';
import { LISTING_KEY } from './listing';
import { useCurrentRegistry } from './queries';

/** Queries about one module (read, tests, resolution, comparison): their first argument names it. */
const aboutModule = (name: string, version?: string) => (query: Query) => {
  const arg = query.queryKey[1] as { name?: string; version?: string; a?: string; b?: string } | undefined;
  if (arg?.name !== name) return false;
  return version === undefined || arg.version === version || arg.a === version || arg.b === version;
};

export function useLiveRefresh(): void {
  const client = useQueryClient();
  const registry = useCurrentRegistry().data?.path;
  // Watching follows the open registry: asked again after every switch.
  useEffect(() => {
    if (registry) void call('drafts.watch').catch((error: unknown) => console.warn('Live refresh is off:', error));
  }, [registry]);
  useEffect(
    () =>
      subscribe('changed', (event) => {
        if (event.kind === 'drafts' || event.kind === 'draft') return;
        void client.invalidateQueries({ queryKey: LISTING_KEY });
        if (event.kind === 'module') void client.invalidateQueries({ predicate: aboutModule(event.name) });
        if (event.kind === 'version') void client.invalidateQueries({ predicate: aboutModule(event.name, event.version) });
      }),
    [client],
  );
}
