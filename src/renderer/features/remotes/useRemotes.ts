// The app's remotes and, for the chosen one, how each local version compares with it; push and pull as jobs
// with progress and cancel. After a transfer the comparison and the registry browser refresh.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RemoteStatusView, RemoteView } from '../../../shared/ipc/remote-schemas';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';
import { LISTING_KEY } from '../../api/listing';
import { forgetJob, newJobId, useJobProgress } from '../../api/progress';

export const REMOTES_KEY = ['remotes.list'] as const;

export function useRemotes() {
  return useQuery<RemoteView[], AppError>({ queryKey: REMOTES_KEY, queryFn: () => call('remotes.list') });
}

export function useRemoteStatus(remote: string | null) {
  const [jobId, setJobId] = useState<string | null>(null);
  const query = useQuery<RemoteStatusView, AppError>({
    queryKey: ['remotes.status', remote],
    queryFn: async ({ signal }) => {
      const id = newJobId();
      setJobId(id);
      signal.addEventListener('abort', () => void call('jobs.cancel', id).catch(() => undefined));
      try {
        return await call('remotes.status', { jobId: id, remote: remote! });
      } finally {
        forgetJob(id);
      }
    },
    enabled: remote !== null,
    retry: false,
  });
  return { query, progress: useJobProgress(query.isFetching ? jobId : null) };
}

export interface Transfer {
  direction: 'push' | 'pull';
  versions: { name: string; version: string }[];
}

export function useTransfer(remote: string) {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const mutation = useMutation<unknown, AppError, Transfer>({
    mutationFn: async ({ direction, versions }) => {
      const id = newJobId();
      setJobId(id);
      try {
        return await call(direction === 'push' ? 'remotes.push' : 'remotes.pull', { jobId: id, remote, versions });
      } finally {
        forgetJob(id);
      }
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['remotes.status', remote] });
      void client.invalidateQueries({ queryKey: LISTING_KEY });
    },
  });
  return {
    mutation,
    progress: useJobProgress(mutation.isPending ? jobId : null),
    cancel: () => {
      if (jobId) void call('jobs.cancel', jobId).catch(() => undefined);
    },
  };
}
