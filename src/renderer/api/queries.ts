// TanStack Query hooks derived from the contract: a query's key is its channel name followed by its
// arguments, so `['module.read', ref]` caches exactly what `call('module.read', ref)` returned.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ChannelArgs, ChannelName, ChannelResult } from '../../shared/ipc/contract';
import type { RegistryInfo } from '../../shared/ipc/schemas';
import { call, subscribe } from './client';
import { newJobId } from './progress';
import type { AppError } from './errors';
import { recordVerification } from './verification-cache';

export interface VersionRef {
  name: string;
  version: string;
}

export function channelKey<C extends ChannelName>(channel: C, ...args: ChannelArgs<C>): readonly unknown[] {
  return [channel, ...args];
}

function useChannel<C extends ChannelName>(channel: C, args: ChannelArgs<C>, enabled = true) {
  return useQuery<ChannelResult<C>, AppError>({
    queryKey: channelKey(channel, ...args),
    queryFn: () => call(channel, ...args),
    enabled,
  });
}

export const useAppInfo = () => useChannel('app.info', []);
export const useCurrentRegistry = () => useChannel('registry.current', []);
export const useRecentRegistries = () => useChannel('registry.recent', []);
export const useModuleNames = () => useChannel('registry.names', []);

/** Reading a version verifies it first; its state is copied to every view that shows it. */
export function useVersionDetail(ref: VersionRef | null) {
  const client = useQueryClient();
  const args = { name: ref?.name ?? '', version: ref?.version ?? '' };
  return useQuery<ChannelResult<'module.read'>, AppError>({
    queryKey: channelKey('module.read', args),
    queryFn: async () => {
      const detail = await call('module.read', args);
      recordVerification(client, [{ ...detail.integrity, name: detail.name, version: detail.version, status: detail.verification }]);
      return detail;
    },
    enabled: ref !== null,
  });
}

/** The last test run of a version; it runs only when asked (refetch), and stays cached per version. */
export function useTestRun(ref: VersionRef) {
  return useQuery<ChannelResult<'module.runTests'>, AppError>({
    queryKey: channelKey('module.runTests', { name: ref.name, version: ref.version }),
    queryFn: () => call('module.runTests', { name: ref.name, version: ref.version }),
    enabled: false,
    staleTime: Infinity,
    retry: false,
  });
}

// One job id per version, stable across remounts, so a view that comes back to a resolution still
// in flight shows that job's progress.
const resolveJobs = new Map<string, string>();

/** Resolves a version's dependency tree; progress comes under `jobId`; cancelling the query cancels the job. */
export function useResolution(ref: VersionRef) {
  const id = `${ref.name}@${ref.version}`;
  const jobId = resolveJobs.get(id) ?? newJobId();
  resolveJobs.set(id, jobId);
  // The job id only routes progress events, so it stays out of the cache key.
  const key = ['module.resolve', { name: ref.name, version: ref.version }];
  const query = useQuery<ChannelResult<'module.resolve'>, AppError>({
    queryKey: key,
    queryFn: ({ signal }) => {
      signal.addEventListener('abort', () => void call('jobs.cancel', jobId).catch(() => undefined));
      return call('module.resolve', { name: ref.name, version: ref.version, jobId });
    },
    retry: false,
  });
  return { query, jobId, key };
}

/** Everything cached belongs to the open registry, so switching registries starts afresh. */
function switchRegistry(client: QueryClient, info: RegistryInfo): void {
  // Reset, not just removed: every view on screen refetches from the new registry, whichever component
  // asked for the switch (removed queries would keep showing the old registry until their view re-renders).
  void client.resetQueries({ predicate: (query) => query.queryKey[0] !== 'app.info' });
  client.getMutationCache().clear();
  client.setQueryData(channelKey('registry.current'), info);
  void client.invalidateQueries({ queryKey: channelKey('registry.recent') });
}

/** Follows registry switches made outside the page (File › Open Registry… in the native menu). */
export function useRegistryChanges(): void {
  const client = useQueryClient();
  useEffect(() => subscribe('registryChanged', (info) => switchRegistry(client, info)), [client]);
}

/** Opens a registry: through the native dialog (no path) or from the recent list (its path). */
export function useOpenRegistry() {
  const client = useQueryClient();
  return useMutation<RegistryInfo | null, AppError, string | undefined>({
    mutationFn: (path) => (path === undefined ? call('registry.choose') : call('registry.open', path)),
    onSuccess: (info) => {
      if (info) switchRegistry(client, info);
    },
  });
}

export interface DiffRef {
  name: string;
  a: string;
  b: string;
}

/** The comparison of two versions (contract, verdict, files); both sides are verified by main first. */
export function useVersionDiff(ref: DiffRef) {
  return useQuery<ChannelResult<'module.diff'>, AppError>({
    queryKey: channelKey('module.diff', ref),
    queryFn: () => call('module.diff', ref),
    retry: false,
  });
}

/** The whole texts of one changed file, fetched when its diff is shown. */
export function useFileTexts(ref: DiffRef, path: string, from: string | null, enabled: boolean) {
  const args = { ...ref, path, from };
  return useQuery<ChannelResult<'module.diffFile'>, AppError>({
    queryKey: channelKey('module.diffFile', args),
    queryFn: () => call('module.diffFile', args),
    enabled,
    retry: false,
    staleTime: Infinity,
  });
}
