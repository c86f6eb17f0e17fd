// The preview of the folders waiting to be imported (refreshed when the window regains focus, so a module
// edited in another program is validated again) and the publish of the selected ones, each as a job with
// progress that Cancel stops between modules.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BatchResultView, ImportPreviewView } from '../../../shared/ipc/import-schemas';
import { call } from '../../api/client';
import type { AppError } from '../../api/errors';
import { LISTING_KEY } from '../../api/listing';
import { forgetJob, newJobId, useJobProgress } from '../../api/progress';

export const PREVIEW_KEY = 'import.preview';

export function useImportPreview(paths: readonly string[]) {
  const [jobId, setJobId] = useState<string | null>(null);
  const query = useQuery<ImportPreviewView, AppError>({
    queryKey: [PREVIEW_KEY, paths],
    queryFn: async ({ signal }) => {
      const id = newJobId();
      setJobId(id);
      signal.addEventListener('abort', () => void call('jobs.cancel', id).catch(() => undefined));
      try {
        return await call('import.preview', { jobId: id, paths: [...paths] });
      } finally {
        forgetJob(id);
      }
    },
    enabled: paths.length > 0,
    staleTime: 0,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const progress = useJobProgress(query.isFetching ? jobId : null);
  return { query, progress };
}

export function usePublishBatch() {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const mutation = useMutation<BatchResultView, AppError, string[]>({
    mutationFn: async (paths) => {
      const id = newJobId();
      setJobId(id);
      try {
        return await call('import.publish', { jobId: id, paths });
      } finally {
        forgetJob(id);
      }
    },
    // The browser shows the new versions at once, and the preview says they are published now.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: LISTING_KEY });
      void client.invalidateQueries({ queryKey: [PREVIEW_KEY] });
    },
  });
  const progress = useJobProgress(mutation.isPending ? jobId : null);
  const cancel = () => {
    if (jobId) void call('jobs.cancel', jobId).catch(() => undefined);
  };
  return { mutation, progress, cancel };
}
